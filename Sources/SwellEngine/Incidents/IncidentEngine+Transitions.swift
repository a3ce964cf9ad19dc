import Foundation
import SwellCore
import SwellStore

extension IncidentEngine {
    /// Moves an incident to another state if the state machine allows it; the phases that state starts
    /// bring their tasks at once.
    /// Closing needs a review with at least one root cause, or `falseAlarm` (the reason the warning was a false
    /// alarm), which needs none.
    public func transition(
        incident id: IncidentID, to next: IncidentState, at: Date, by: String, falseAlarm: String? = nil
    ) async throws -> IncidentRecord {
        try await serialized {
            var record = try await existing(id)
            guard at >= record.openedAt else {
                throw IncidentError.invalid(field: "at", message: "must not be before the incident was opened (\(RFC3339.format(record.openedAt)))")
            }
            let transition: IncidentTransition
            do {
                transition = try record.state.transition(to: next)
            } catch {
                throw IncidentError.transition(error as? IncidentTransitionError ?? .alreadyIn(record.state))
            }
            let instant = max(at, record.history.last?.at ?? at)
            if next == .closed {
                if let reason = falseAlarm {
                    record.falseAlarm = FalseAlarm(reason: reason, by: by, at: instant)
                } else if record.review?.allowsClosing != true {
                    throw IncidentError.reviewMissing(id)
                }
                watchedClosed.insert(id)
            } else if falseAlarm != nil {
                throw IncidentError.invalid(field: "falseAlarm", message: "only a closing can be a false alarm")
            }
            record.state = next
            record.history.append(.init(state: next, at: instant, by: by))
            if next == .resolved { record.timing = record.timing.recording(.resolved, at: instant) }
            var changes: [StoreChange] = [
                .saveIncident(record),
                .appendEvent(IncidentEvents.stateChanged(id, transition, at: instant, by: by, cluster: record.clusterId)),
            ]
            changes += try await planTasks(record, now: max(instant, currentTime ?? instant))
            _ = try await store.apply(changes, checkpoint: nil)
            logger.info("Incident state changed", metadata: ["incident.id": "\(id)", "from": "\(transition.from)", "to": "\(next)"])
            return record
        }
    }

    /// Writes (or rewrites) the response plan; a rewrite needs approving again.
    public func updatePlan(incident id: IncidentID, predictedIssues: [String], text: String, at: Date, by: String) async throws -> IncidentRecord {
        try await serialized {
            var record = try await active(id, changedAt: at)
            let plan = ResponsePlan(
                version: (record.plan?.version ?? 0) + 1, predictedIssues: predictedIssues, text: text, updatedBy: by, updatedAt: at)
            record.plan = plan
            _ = try await store.apply([
                .saveIncident(record),
                .appendEvent(IncidentEvents.simple(.incidentPlanUpdated, incident: id, at: at, ["version": "\(plan.version)", "by": by])),
            ], checkpoint: nil)
            return record
        }
    }

    /// Approves the current version of the response plan.
    public func approvePlan(incident id: IncidentID, at: Date, by: String) async throws -> IncidentRecord {
        try await serialized {
            var record = try await active(id, changedAt: at)
            guard var plan = record.plan else { throw IncidentError.noPlan }
            plan.approvedBy = by
            plan.approvedAt = at
            record.plan = plan
            _ = try await store.apply([
                .saveIncident(record),
                .appendEvent(IncidentEvents.simple(.incidentPlanApproved, incident: id, at: at, ["version": "\(plan.version)", "by": by])),
            ], checkpoint: nil)
            return record
        }
    }

    /// What the plan is built from: distinct complainants, and the demands complaints state, grouped
    /// and counted (personal data masked, for every role).
    public func planFacts(incident id: IncidentID) async throws -> (affected: Int, complaints: Int, demands: [(demand: String, count: Int)]) {
        let record = try await existing(id)
        let complaints = try await complaints(of: record)
        let demands = complaints.compactMap { $0.content.demand?.trimmingWhiteSpace() }
            .filter { !$0.isEmpty }
            .map(PersonalDataMasking.mask)
        let grouped = Dictionary(grouping: demands) { $0 }.map { (demand: $0.key, count: $0.value.count) }
            .sorted { ($1.count, $0.demand) < ($0.count, $1.demand) }
        return (Self.distinctComplainants(complaints), complaints.count, Array(grouped.prefix(20)))
    }
}
