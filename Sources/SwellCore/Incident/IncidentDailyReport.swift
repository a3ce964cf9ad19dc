public import Foundation

/// What the daily monitoring report is built from: plain values the store can hand over.
public struct IncidentDailyReportInput: Sendable, Hashable, Codable {
    /// One complaint of the incident: when it came in and through which channel
    /// (`hotline`, `web`, `email`, `letter`, `social`, `regulator`, `walk_in`).
    public struct ComplaintArrival: Sendable, Hashable, Codable {
        public let receivedAt: Date
        public let channel: String

        public init(receivedAt: Date, channel: String) {
            self.receivedAt = receivedAt
            self.channel = channel
        }
    }

    /// One contact with the media, logged by PR; `negative` when the coverage or tone is hostile.
    public struct MediaContact: Sendable, Hashable, Codable {
        public let at: Date
        public let negative: Bool

        public init(at: Date, negative: Bool) {
            self.at = at
            self.negative = negative
        }
    }

    /// One task of the incident as it stands.
    public struct TaskSnapshot: Sendable, Hashable, Codable {
        public let id: String
        public let status: IncidentTaskStatus
        public let dueAt: Date

        public init(id: String, status: IncidentTaskStatus, dueAt: Date) {
            self.id = id
            self.status = status
            self.dueAt = dueAt
        }
    }

    /// The day the report covers, [start, end).
    public let period: DateInterval
    /// Every complaint of the incident so far (earlier days give the totals and the trend).
    public let complaints: [ComplaintArrival]
    /// Every media contact so far.
    public let mediaContacts: [MediaContact]
    /// The tasks, judged overdue or not at the end of the period.
    public let tasks: [TaskSnapshot]
    /// Settlement take-up at the end of the period, if an offer is out.
    public let settlement: IncentiveTotals?

    public init(period: DateInterval, complaints: [ComplaintArrival], mediaContacts: [MediaContact] = [],
                tasks: [TaskSnapshot] = [], settlement: IncentiveTotals? = nil) {
        self.period = period
        self.complaints = complaints
        self.mediaContacts = mediaContacts
        self.tasks = tasks
        self.settlement = settlement
    }
}

/// Whether a daily figure went up, down or stayed against the day before.
public enum IncidentTrend: String, Sendable, Hashable, Codable {
    case rising, steady, falling

    /// The trend from `previous` to `current`.
    public init(previous: Int, current: Int) {
        self = current > previous ? .rising : current < previous ? .falling : .steady
    }
}

/// The daily monitoring report (监控事态发展): complaint counts and media trend for one day.
public struct IncidentDailyReport: Sendable, Hashable, Codable {
    /// Complaints through one channel in the period.
    public struct ChannelCount: Sendable, Hashable, Codable {
        public let channel: String
        public let count: Int
    }

    public let period: DateInterval
    /// Complaints received in the period.
    public let newComplaints: Int
    /// Complaints received in the period before, of the same length.
    public let previousPeriodComplaints: Int
    /// All complaints received up to the end of the period.
    public let totalComplaints: Int
    public let complaintTrend: IncidentTrend
    /// The period's complaints per channel, most first.
    public let complaintsByChannel: [ChannelCount]
    public let mediaContacts: Int
    public let negativeMediaContacts: Int
    /// Negative media contacts against the period before.
    public let negativeMediaTrend: IncidentTrend
    /// Open tasks past due at the end of the period, earliest due first.
    public let overdueTaskIds: [String]
    public let settlement: IncentiveTotals?

    /// Aggregates one day's report from its input.
    public init(_ input: IncidentDailyReportInput) {
        let period = input.period
        let previous = DateInterval(start: period.start.addingTimeInterval(-period.duration), duration: period.duration)
        let inPeriod = input.complaints.filter { Self.contains(period, $0.receivedAt) }
        let media = input.mediaContacts.filter { Self.contains(period, $0.at) }
        let previousNegative = input.mediaContacts.filter { $0.negative && Self.contains(previous, $0.at) }.count
        let previousCount = input.complaints.filter { Self.contains(previous, $0.receivedAt) }.count

        self.period = period
        newComplaints = inPeriod.count
        previousPeriodComplaints = previousCount
        totalComplaints = input.complaints.filter { $0.receivedAt < period.end }.count
        complaintTrend = IncidentTrend(previous: previousCount, current: inPeriod.count)
        complaintsByChannel = Dictionary(grouping: inPeriod, by: \.channel)
            .map { ChannelCount(channel: $0.key, count: $0.value.count) }
            .sorted { ($1.count, $0.channel) < ($0.count, $1.channel) }
        mediaContacts = media.count
        negativeMediaContacts = media.filter(\.negative).count
        negativeMediaTrend = IncidentTrend(previous: previousNegative, current: negativeMediaContacts)
        overdueTaskIds = input.tasks
            .filter { IncidentTaskDeadline(status: $0.status, dueAt: $0.dueAt, now: period.end).isOverdue }
            .sorted { ($0.dueAt, $0.id) < ($1.dueAt, $1.id) }
            .map(\.id)
        settlement = input.settlement
    }

    /// Half-open membership: start included, end excluded.
    private static func contains(_ interval: DateInterval, _ instant: Date) -> Bool {
        instant >= interval.start && instant < interval.end
    }
}
