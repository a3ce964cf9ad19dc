import Foundation

/// A cluster's warning thread: its `raised` record and the `escalated` records written as it reached higher
/// levels, by ascending id (the order they were written).
///
/// A person's action on one warning applies to that record and to the earlier records of its cluster; later
/// records keep their state. So a new escalation starts open even after the thread was acknowledged or
/// dismissed: that is how a dismissed cluster warns again when it reaches the next level. An incident opened on
/// the cluster links every record not yet linked to an incident.
public struct WarningThread: Sendable, Equatable {
    public private(set) var records: [WarningRecord]

    /// The records of one cluster, in any order.
    public init(_ records: [WarningRecord]) {
        self.records = records.sorted { ($0.id ?? WarningID(0)) < ($1.id ?? WarningID(0)) }
    }

    /// `action` taken on warning `target`: the target must allow it (or the whole action is refused), and the
    /// earlier records that allow it move with it; an earlier record that does not (say one already dismissed,
    /// when a later one is acknowledged) keeps its state. Returns the records that moved and the event to append.
    public func handling(_ action: WarningAction, on target: WarningID) throws(WarningHandlingError) -> WarningThreadChange {
        guard let targetRecord = records.first(where: { $0.id == target }) else { throw .notFound(target) }
        let handled: WarningHandling
        do {
            handled = try targetRecord.handling.applying(action)
        } catch {
            throw .transition(target, error)
        }
        var moved: [WarningRecord] = []
        for var record in records {
            guard let id = record.id, id <= target else { continue }
            if id == target {
                record.handling = handled
            } else if let next = try? record.handling.applying(action) {
                record.handling = next
            } else {
                continue
            }
            moved.append(record)
        }
        return WarningThreadChange(
            records: moved,
            event: Self.event(action, clusterId: targetRecord.clusterId, target: target, from: targetRecord.handling.state, moved: moved))
    }

    /// An incident opened on the cluster: every record not yet linked to an incident moves to `incident`
    /// (open, acknowledged and dismissed ones alike). Nil when no record moves.
    public func linking(_ incident: IncidentID, at: Date) -> WarningThreadChange? {
        let action = WarningAction.linkIncident(incident, at: at)
        let moved = records.compactMap { record -> WarningRecord? in
            guard let next = try? record.handling.applying(action) else { return nil }
            var linked = record
            linked.handling = next
            return linked
        }
        guard let clusterId = moved.first?.clusterId else { return nil }
        return WarningThreadChange(
            records: moved, event: Self.event(action, clusterId: clusterId, target: nil, from: nil, moved: moved))
    }

    private static func event(
        _ action: WarningAction, clusterId: ClusterID, target: WarningID?, from: WarningState?, moved: [WarningRecord]
    ) -> EventDraft {
        let type: EventType =
            switch action {
            case .acknowledge: .warningAcknowledged
            case .dismiss: .warningDismissed
            case .linkIncident: .warningLinked
            }
        let payload = WarningHandledPayload(
            warningId: target, warningIds: moved.compactMap(\.id), state: action.state, from: from, by: action.by,
            incidentId: action.incidentId, at: RFC3339.format(action.at))
        return EventDraft(
            type: type, at: action.at, clusterId: clusterId, incidentId: action.incidentId, payload: EventDraft.payload(payload))
    }
}

/// What one action on a warning thread changes: the records with their new handling, and the audited event.
public struct WarningThreadChange: Sendable, Equatable {
    public var records: [WarningRecord]
    public var event: EventDraft
}

/// Why an action on a warning was refused.
public enum WarningHandlingError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(WarningID)
    case transition(WarningID, WarningTransitionError)

    public var description: String {
        switch self {
        case .notFound(let id): "there is no warning \(id)"
        case .transition(let id, let error): "warning \(id): \(error)"
        }
    }
}

/// Payload of `warning.acknowledged`, `warning.dismissed` and `warning.linked`: ids, states, a staff name and a
/// time. Never the dismissal's reason, which is free text and may name complainants.
public struct WarningHandledPayload: Codable, Sendable, Equatable {
    /// The warning a person acted on; absent for `warning.linked`.
    public var warningId: WarningID?
    /// Every record that moved: the warning and the earlier records of its cluster that could.
    public var warningIds: [WarningID]
    public var state: WarningState
    /// The acted-on warning's state before.
    public var from: WarningState?
    public var by: String?
    public var incidentId: IncidentID?
    public var at: String

    public init(
        warningId: WarningID?, warningIds: [WarningID], state: WarningState, from: WarningState?, by: String?,
        incidentId: IncidentID?, at: String
    ) {
        self.warningId = warningId
        self.warningIds = warningIds
        self.state = state
        self.from = from
        self.by = by
        self.incidentId = incidentId
        self.at = at
    }
}

extension EventType {
    public static let warningAcknowledged = EventType("warning.acknowledged")
    public static let warningDismissed = EventType("warning.dismissed")
    public static let warningLinked = EventType("warning.linked")
}
