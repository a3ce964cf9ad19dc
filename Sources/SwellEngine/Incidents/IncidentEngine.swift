import Foundation
import Logging
import SwellCore
import SwellPlaybook
import SwellStore

/// Runs incidents by the playbook: opens them (by hand, or by the playbook's auto-open rule when a
/// warning reaches its level), keeps their tasks, overdue marks and daily reports in step with event
/// time, and applies people's changes. Every change is written with its event in one transaction.
///
/// One actor per process serialises the follower (`catchUp`) and the HTTP commands, so a check such as
/// "the cluster has no open incident yet" holds until the write that depends on it.
public actor IncidentEngine {
    public static let followerName = "incidents"
    public static let autoOpener = "auto-open"

    let store: any CaseStore
    public nonisolated let playbook: Playbook
    /// Earlier playbook versions kept in the store, by name and version: an incident opened under one of them is
    /// still judged by it (`rules(for:)`).
    nonisolated let pinned: [IncidentRecord.PlaybookPin: Playbook]
    /// The complainants' cases, on the same store and playbook (the summary counts them).
    public nonisolated let cases: CaseDesk
    let logger: Logger
    let pageSize: Int
    let schedulerClock: SchedulerClock
    var clock = EventClock()
    /// The next instant a pass has something to do (`distantPast` before the first pass).
    var nextDue = Date.distantPast
    var checkpoint: Int64 = 0
    var gate = SerialGate()
    /// Closed incidents that may still hold open corrective actions, which the scheduler keeps marking overdue:
    /// found at start, and added whenever a review is written or an incident closes.
    var watchedClosed: Set<IncidentID> = []
    /// Incidents whose pinned playbook differs from the loaded one, already logged.
    var mismatchNoted: Set<IncidentID> = []

    /// `earlier`: other playbook versions this store ran (`PlaybookRegistry`), for incidents opened under them.
    public init(
        store: any CaseStore, playbook: Playbook, earlier: [Playbook] = [], logger: Logger, clock: SchedulerClock = .eventTime,
        pageSize: Int = 1_000
    ) {
        self.store = store
        self.playbook = playbook
        self.pinned = Dictionary(earlier.map { (IncidentRecord.PlaybookPin(name: $0.name, version: $0.version), $0) }, uniquingKeysWith: { a, _ in a })
        self.cases = CaseDesk(store: store, playbook: playbook, logger: logger)
        self.logger = logger
        self.schedulerClock = clock
        self.pageSize = pageSize
    }

    // MARK: - Opening

    /// Opens an incident on a cluster (or on a warning's cluster). `at` is the opening instant in event
    /// time; the playbook's tasks whose anchors have happened are planned at once.
    public func open(
        clusterId: ClusterID?, warningId: WarningID?, title: String?, at: Date, by: String
    ) async throws -> IncidentRecord {
        try await serialized { try await openUnserialized(clusterId: clusterId, warningId: warningId, title: title, at: at, by: by) }
    }

    func openUnserialized(
        clusterId: ClusterID?, warningId: WarningID?, title: String?, at: Date, by: String
    ) async throws -> IncidentRecord {
        var cluster = clusterId
        var warning: WarningRecord?
        if let warningId {
            guard let found = try await store.warning(warningId) else { throw IncidentError.warningNotFound(warningId) }
            warning = found
            cluster = cluster ?? found.clusterId
        }
        guard let requested = cluster else { throw IncidentError.invalid(field: "clusterId", message: "give a clusterId or a warningId") }
        let snapshot = try await liveCluster(requested)
        // An incident answers complaints that came in: it cannot open before the first of them. (An opening in the
        // year 124 would otherwise have the scheduler plan eighteen centuries of daily reports.)
        guard at >= snapshot.firstAt else {
            throw IncidentError.invalid(
                field: "at", message: "must not be before the cluster's first complaint (\(RFC3339.format(snapshot.firstAt)))")
        }
        let warnings = try await store.warnings(limit: 1_000, clusterId: snapshot.id)
        warning = warning ?? warnings.first
        if let existing = try await store.incidents(activeOnly: true, clusterId: snapshot.id).first, let id = existing.id {
            throw IncidentError.alreadyOpen(id)
        }
        var timing = IncidentTimingRecord().recording(.firstComplaint, at: snapshot.firstAt)
        if let firstWarning = warnings.map(\.raisedAt).min() { timing = timing.recording(.warningRaised, at: firstWarning) }
        let record = IncidentRecord(
            title: title ?? Self.defaultTitle(snapshot),
            clusterId: snapshot.id, warningId: warning?.id, level: Self.higher(snapshot.level, warning?.level),
            playbook: .init(name: playbook.name, version: playbook.version), openedAt: at, openedBy: by, timing: timing)
        let opened: [Event]
        do {
            // The cluster's warnings move to `incident` in the same transaction (`warning.linked`).
            opened = try await store.apply(
                [.openIncident(record, event: IncidentEvents.opened(record)), .linkWarnings(snapshot.id, incident: nil, at: at)],
                checkpoint: nil)
        } catch {
            // Another instance on the same PostgreSQL store may have opened one first (the store allows one
            // incident per cluster that is not closed).
            if let other = try? await store.incidents(activeOnly: true, clusterId: snapshot.id).first, let id = other.id {
                throw IncidentError.alreadyOpen(id)
            }
            throw error
        }
        guard let id = opened.first?.draft.incidentId, let stored = try await store.incident(id) else {
            throw IncidentError.clusterNotFound(snapshot.id)
        }
        logger.info("Incident opened", metadata: ["incident.id": "\(id)", "cluster.id": "\(snapshot.id)", "by": "\(by)"])
        _ = try await store.apply(try await planTasks(stored, now: max(at, currentTime ?? at)), checkpoint: nil)
        return stored
    }

    /// The cluster, following merges to the one that absorbed it.
    func liveCluster(_ id: ClusterID) async throws -> ClusterSnapshot {
        var current = id
        for _ in 0..<16 {
            guard let snapshot = try await store.cluster(current) else { throw IncidentError.clusterNotFound(id) }
            guard let next = snapshot.mergedInto else { return snapshot }
            current = next
        }
        throw IncidentError.clusterNotFound(id)
    }

    /// The higher of two warning levels, either possibly absent.
    static func higher(_ a: WarningLevel?, _ b: WarningLevel?) -> WarningLevel? {
        [a, b].compactMap { $0 }.max()
    }

    /// The cluster's title (problem · trip · entity), else its top terms, with its number.
    static func defaultTitle(_ cluster: ClusterSnapshot) -> String {
        if let title = cluster.title { return "\(title) (#\(cluster.id))" }
        let terms = cluster.topTerms.prefix(3).joined(separator: " ")
        return terms.isEmpty ? "Cluster \(cluster.id)" : "Cluster \(cluster.id): \(terms)"
    }

    /// An incident that exists, or `incidentNotFound`.
    func existing(_ id: IncidentID) async throws -> IncidentRecord {
        guard let record = try await store.incident(id) else { throw IncidentError.incidentNotFound(id) }
        return record
    }

    /// An incident that exists and is not closed.
    func active(_ id: IncidentID) async throws -> IncidentRecord {
        let record = try await existing(id)
        guard record.isActive else { throw IncidentError.closed(id) }
        return record
    }

    /// An incident that exists and is not closed, for a change at `at`, which must not be before its opening.
    func active(_ id: IncidentID, changedAt at: Date, field: String = "at") async throws -> IncidentRecord {
        let record = try await active(id)
        guard at >= record.openedAt else {
            throw IncidentError.invalid(
                field: field, message: "must not be before the incident was opened (\(RFC3339.format(record.openedAt)))")
        }
        return record
    }

    // MARK: - Reading

    public func incident(_ id: IncidentID) async throws -> IncidentRecord { try await existing(id) }

    /// The playbook an incident is judged by: the version it opened under, when this server loaded it or the store
    /// keeps it; else (an incident older than the store's record of versions) the loaded one.
    public nonisolated func rules(for record: IncidentRecord) -> Playbook {
        if record.playbook.name == playbook.name, record.playbook.version == playbook.version { return playbook }
        return pinned[record.playbook] ?? playbook
    }

    public func incidents(activeOnly: Bool) async throws -> [IncidentRecord] {
        try await store.incidents(activeOnly: activeOnly, clusterId: nil)
    }

    /// The phase an incident is in: the phase started last for its state history (of phases started
    /// together, the first in playbook order).
    public func phase(of record: IncidentRecord) -> String? {
        let rules = rules(for: record)
        let starts = rules.phaseStarts(history: record.history.map { ($0.state, $0.at) })
        return rules.phases.enumerated()
            .compactMap { index, phase in starts[phase.id].map { (at: $0, index: index, id: phase.id) } }
            .max { $0.at != $1.at ? $0.at < $1.at : $0.index > $1.index }?.id
    }
}
