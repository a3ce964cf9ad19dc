public import Foundation

/// How fast one incident was handled, measure by measure, each against the deadline the playbook set for it
/// (the due time of the incident's task for that step), so "holding statement within 4h: met in 9 of 11" can be
/// counted across incidents.
public struct ResponseTimes: Sendable, Equatable {
    /// The steps measured, from the first complaint to closing.
    public enum Measure: String, Sendable, CaseIterable, Codable {
        /// First complaint → warning.
        case timeToWarning = "time_to_warning"
        /// Warning → incident opened (negative when opened before the detector warned).
        case timeToOpen = "time_to_open"
        /// Opened → first reply to the complainants.
        case timeToFirstReply = "time_to_first_reply"
        /// Opened → report sent to the regulator.
        case timeToRegulatorReport = "time_to_regulator_report"
        /// Opened → holding statement (the task done, or the first public statement logged).
        case timeToHoldingStatement = "time_to_holding_statement"
        /// Opened → settlement offer published.
        case timeToOffer = "time_to_offer"
        /// Opened → resolved.
        case timeToResolve = "time_to_resolve"
        /// Opened → closed.
        case timeToClose = "time_to_close"

        /// The playbook task whose deadline the step is held to, if any.
        public var deadlineTask: String? {
            switch self {
            case .timeToFirstReply: "first_reply_to_complainants"
            case .timeToRegulatorReport: "regulator_report"
            case .timeToHoldingStatement: "holding_statement"
            case .timeToOffer: "publish_offer"
            case .timeToWarning, .timeToOpen, .timeToResolve, .timeToClose: nil
            }
        }
    }

    /// Whether a step came by its deadline.
    public enum Verdict: String, Sendable, Codable {
        case met, missed
        /// Not done yet and its deadline has not passed.
        case pending
        /// The incident has no deadline for this step.
        case noDeadline = "no_deadline"
    }

    public struct Measurement: Sendable, Equatable {
        public var measure: Measure
        public var start: Date?
        public var end: Date?
        public var deadline: Date?
        public var verdict: Verdict

        /// Seconds from start to end, when both happened.
        public var seconds: TimeInterval? {
            guard let start, let end else { return nil }
            return end.timeIntervalSince(start)
        }
    }

    /// What the measures are read from: the incident's milestones and the instants of its tasks and statements.
    public struct Sources: Sendable {
        public var timing: IncidentTimingRecord
        public var openedAt: Date
        public var closedAt: Date?
        /// Each task template's due time and completion (the first occurrence, for recurring ones).
        public var tasks: [String: (dueAt: Date, completedAt: Date?)]
        public var firstStatementAt: Date?

        public init(
            timing: IncidentTimingRecord, openedAt: Date, closedAt: Date?, tasks: [String: (dueAt: Date, completedAt: Date?)],
            firstStatementAt: Date?
        ) {
            self.timing = timing
            self.openedAt = openedAt
            self.closedAt = closedAt
            self.tasks = tasks
            self.firstStatementAt = firstStatementAt
        }
    }

    public var measurements: [Measurement]

    /// The measures of one incident at `now`.
    public init(_ sources: Sources, now: Date) {
        let timing = sources.timing
        let holding = [sources.tasks["holding_statement"]?.completedAt, sources.firstStatementAt].compactMap { $0 }.min()
        let ends: [Measure: (start: Date?, end: Date?)] = [
            .timeToWarning: (timing[.firstComplaint], timing[.warningRaised]),
            .timeToOpen: (timing[.warningRaised], sources.openedAt),
            .timeToFirstReply: (sources.openedAt, timing[.firstReply] ?? sources.tasks["first_reply_to_complainants"]?.completedAt),
            .timeToRegulatorReport: (sources.openedAt, timing[.regulatorReportSent] ?? sources.tasks["regulator_report"]?.completedAt),
            .timeToHoldingStatement: (sources.openedAt, holding),
            .timeToOffer: (sources.openedAt, timing[.offerPublished]),
            .timeToResolve: (sources.openedAt, timing[.resolved]),
            .timeToClose: (sources.openedAt, sources.closedAt),
        ]
        measurements = Measure.allCases.map { measure in
            let (start, end) = ends[measure] ?? (nil, nil)
            let deadline = measure.deadlineTask.flatMap { sources.tasks[$0]?.dueAt }
            let verdict: Verdict
            if let deadline {
                if let end { verdict = end <= deadline ? .met : .missed } else { verdict = now > deadline ? .missed : .pending }
            } else {
                verdict = .noDeadline
            }
            return Measurement(measure: measure, start: start, end: end, deadline: deadline, verdict: verdict)
        }
    }
}

/// One measure over many incidents: the spread of its durations and how often its deadline was met.
public struct ResponseTimeDistribution: Sendable, Equatable {
    public var measure: ResponseTimes.Measure
    /// Incidents where the step happened.
    public var count: Int
    public var medianSeconds: TimeInterval?
    public var p90Seconds: TimeInterval?
    public var maxSeconds: TimeInterval?
    public var met: Int
    public var missed: Int
    public var pending: Int

    /// Nearest-rank percentiles over the incidents' durations of `measure`.
    public init(_ measure: ResponseTimes.Measure, over incidents: [ResponseTimes]) {
        let measurements = incidents.compactMap { times in times.measurements.first { $0.measure == measure } }
        let durations = measurements.compactMap(\.seconds).sorted()
        func rank(_ fraction: Double) -> TimeInterval? {
            guard !durations.isEmpty else { return nil }
            let index = max(0, Int((fraction * Double(durations.count)).rounded(.up)) - 1)
            return durations[min(index, durations.count - 1)]
        }
        self.measure = measure
        count = durations.count
        medianSeconds = rank(0.5)
        p90Seconds = rank(0.9)
        maxSeconds = durations.last
        met = measurements.filter { $0.verdict == .met }.count
        missed = measurements.filter { $0.verdict == .missed }.count
        pending = measurements.filter { $0.verdict == .pending }.count
    }
}
