import Foundation
import SwellCore
import SwellStore

/// One open incident as the executive summary shows it (`/v1/summary` includes these as `incidents`).
/// Counts and tones only: no complainant's personal data.
public struct IncidentSummary: Encodable, Sendable, Equatable {
    public struct Deadline: Encodable, Sendable, Equatable {
        public var taskId: Int64
        public var title: String
        public var dueAt: String
        public var ownerRole: Role
        /// `playbook`, `follow_up` or `authority_response`.
        public var kind: IncidentTaskKind
        public var overdue: Bool
    }

    public struct Acceptance: Encodable, Sendable, Equatable {
        public var eligible: Int
        public var accepted: Int
        /// Accepted ÷ eligible, 0…1 (0 when nobody is eligible, so a gauge always has a value).
        public var rate: Double
        /// 1 for the first (highest) tier; null after the last tier.
        public var currentTier: Int?
        public var tierEndsAt: String?
        /// The current offer version's id, for `…/offers/{offerId}/curve`.
        public var offerId: Int64
        public var refused: Int
        /// The acceptance curve's latest buckets (at most ``IncidentSummary/curveBuckets``): hourly while the
        /// offer is at most two days old, then daily.
        public var curveBucket: String
        public var curve: [CurvePoint]
        /// Every tier's end, in order.
        public var tierEnds: [String]
    }

    /// Cumulative counts at the end of one bucket of the acceptance curve.
    public struct CurvePoint: Encodable, Sendable, Equatable {
        public var endsAt: String
        public var accepted: Int
        public var refused: Int
        public var pending: Int
    }

    /// How many buckets of the acceptance curve the summary carries.
    public static let curveBuckets = 48

    /// The incident's complainants' cases: how many stand in each state, and how many have a deadline overdue.
    public struct CaseCounts: Encodable, Sendable, Equatable {
        public var byState: [String: Int]
        public var overdue: Int
    }

    public struct MediaMention: Encodable, Sendable, Equatable {
        public var at: String
        public var outlet: String
        public var tone: String
    }

    public var id: IncidentID
    public var title: String
    public var state: String
    public var level: WarningLevel?
    public var phase: String?
    public var clusterId: ClusterID
    public var openedAt: String
    public var nextDeadline: Deadline?
    public var overdueTasks: Int
    /// Open follow-ups and authorities' response deadlines that contacts set, soonest first.
    public var followUps: [Deadline]
    public var complaintCount: Int
    public var distinctComplainants: Int
    public var acceptance: Acceptance?
    public var cases: CaseCounts
    public var mediaContacts: [MediaMention]
    public var dailyCounts: [DailyCount]
    /// Public mentions about the incident: the last 24 hours against the 24 before, its top outlets and negative
    /// stories, and mentions per day on the same days as `dailyCounts`.
    public var publicOpinion: DailyMediaReport

    /// Keeps `null` for absent values, so every key of the documented shape is always there.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(state, forKey: .state)
        try container.encode(level, forKey: .level)
        try container.encode(phase, forKey: .phase)
        try container.encode(clusterId, forKey: .clusterId)
        try container.encode(openedAt, forKey: .openedAt)
        try container.encode(nextDeadline, forKey: .nextDeadline)
        try container.encode(overdueTasks, forKey: .overdueTasks)
        try container.encode(followUps, forKey: .followUps)
        try container.encode(complaintCount, forKey: .complaintCount)
        try container.encode(distinctComplainants, forKey: .distinctComplainants)
        try container.encode(acceptance, forKey: .acceptance)
        try container.encode(cases, forKey: .cases)
        try container.encode(mediaContacts, forKey: .mediaContacts)
        try container.encode(dailyCounts, forKey: .dailyCounts)
        try container.encode(publicOpinion, forKey: .publicOpinion)
    }

    enum CodingKeys: String, CodingKey {
        case id, title, state, level, phase, clusterId, openedAt, nextDeadline, overdueTasks, followUps, complaintCount
        case distinctComplainants, acceptance, cases, mediaContacts, dailyCounts, publicOpinion
    }
}

extension IncidentEngine {
    /// Every open (not closed) incident, newest first, in the executive summary's shape, judged at
    /// event time (`fallback`, the wall clock, only before any event carried time).
    public func summaries(now fallback: Date) async throws -> [IncidentSummary] {
        var result: [IncidentSummary] = []
        for record in try await store.incidents(activeOnly: true, clusterId: nil) {
            result.append(try await summary(of: record, now: now(or: fallback)))
        }
        return result
    }

    /// One incident in the summary's shape.
    public func summary(of record: IncidentRecord, now: Date) async throws -> IncidentSummary {
        guard let id = record.id else { throw IncidentError.invalid(field: "id", message: "an unsaved incident") }
        let sources = try await reportSources(record, id: id)
        let openTasks = sources.tasks.filter { $0.task.status == .open }
        let next = openTasks.filter { $0.task.dueAt >= now }.min { ($0.task.dueAt, $0.id) < ($1.task.dueAt, $1.id) }
        let cluster = (try? await liveCluster(record.clusterId))?.id ?? record.clusterId
        let dailyCounts = try await store.clusterDailyCounts(cluster)
        return IncidentSummary(
            id: id, title: record.title, state: record.state.rawValue, level: record.level, phase: phase(of: record),
            clusterId: record.clusterId, openedAt: RFC3339.format(record.openedAt),
            nextDeadline: next.map { Self.deadline($0, now: now) },
            overdueTasks: openTasks.filter { $0.task.dueAt < now }.count,
            followUps: openTasks.filter { ($0.task.kind ?? .playbook) != .playbook }
                .sorted { ($0.task.dueAt, $0.id) < ($1.task.dueAt, $1.id) }.map { Self.deadline($0, now: now) },
            complaintCount: sources.arrivals.count,
            distinctComplainants: sources.distinctComplainants,
            acceptance: acceptance(sources, now: now),
            cases: try await caseCounts(sources, now: now),
            mediaContacts: sources.media.map { IncidentSummary.MediaMention(at: RFC3339.format($0.at), outlet: $0.outlet, tone: $0.tone.rawValue) },
            dailyCounts: dailyCounts,
            publicOpinion: DailyMediaReport(
                period: DateInterval(start: now.addingTimeInterval(-86_400), end: now), mentions: sources.mentions,
                days: dailyCounts.map(\.day), localDay: Self.utcDay))
    }

    /// The UTC day of an instant, as the cluster's daily counts name days.
    static func utcDay(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    static func deadline(_ entry: (id: Int64, task: IncidentTask), now: Date) -> IncidentSummary.Deadline {
        IncidentSummary.Deadline(
            taskId: entry.id, title: entry.task.titleEn, dueAt: RFC3339.format(entry.task.dueAt), ownerRole: entry.task.ownerRole,
            kind: entry.task.kind ?? .playbook,
            overdue: IncidentTaskDeadline(status: entry.task.status, dueAt: entry.task.dueAt, now: now).isOverdue)
    }

    private func caseCounts(_ sources: ReportSources, now: Date) async throws -> IncidentSummary.CaseCounts {
        let readings = try await cases.readings(of: sources.members)
        return IncidentSummary.CaseCounts(
            byState: Dictionary(grouping: readings, by: \.complaintCase.state.rawValue).mapValues(\.count),
            overdue: readings.filter { !$0.overdue(at: now).isEmpty }.count)
    }

    private func acceptance(_ sources: ReportSources, now: Date) -> IncidentSummary.Acceptance? {
        guard let current = sources.offers.last else { return nil }
        let answers = sources.responses.filter { $0.offerId == current.id }
        let accepted = answers.filter { $0.decision == .accepted }.map(\.at)
        let at = max(now, answers.map(\.at).max() ?? now)
        let offer = current.offer.offer
        guard let totals = try? offer.totals(acceptedAt: accepted, eligible: current.offer.eligible, at: at) else { return nil }
        let width: AcceptanceCurve.Width = at.timeIntervalSince(offer.publishedAt) <= 2 * 86_400 ? .hour : .day
        let curve = try? AcceptanceCurve(
            offer: offer, eligible: current.offer.eligible,
            answers: answers.map { AcceptanceCurve.Answer(accepted: $0.decision == .accepted, at: $0.at) }, width: width, until: at,
            timeZone: playbook.timeZone)
        return IncidentSummary.Acceptance(
            eligible: totals.eligible, accepted: totals.accepted, rate: totals.acceptanceRate ?? 0,
            currentTier: totals.currentTierIndex.map { $0 + 1 },
            tierEndsAt: totals.currentTierIndex.map { RFC3339.format(offer.tiers[$0].endsAt) },
            offerId: current.id, refused: answers.count - accepted.count, curveBucket: width.rawValue,
            curve: (curve?.buckets ?? []).suffix(IncidentSummary.curveBuckets).map {
                IncidentSummary.CurvePoint(endsAt: RFC3339.format($0.endsAt), accepted: $0.accepted, refused: $0.refused, pending: $0.pending)
            },
            tierEnds: offer.tiers.map { RFC3339.format($0.endsAt) })
    }
}
