import Foundation
import SwellCore

/// The events the incident engine writes, and their payloads. Payloads carry ids, states, times, roles
/// and staff names, never complainants' personal data or free text from complaints.
enum IncidentEvents {
    struct Opened: Encodable {
        var clusterId: ClusterID
        var warningId: WarningID?
        var level: WarningLevel?
        var title: String
        var playbook: String
        var playbookVersion: String
        var openedAt: String
        var openedBy: String
    }

    static func opened(_ record: IncidentRecord) -> EventDraft {
        EventDraft(
            type: .incidentOpened, at: record.openedAt, clusterId: record.clusterId,
            payload: EventDraft.payload(Opened(
                clusterId: record.clusterId, warningId: record.warningId, level: record.level, title: record.title,
                playbook: record.playbook.name, playbookVersion: record.playbook.version,
                openedAt: RFC3339.format(record.openedAt), openedBy: record.openedBy)))
    }

    struct StateChanged: Encodable {
        var from: IncidentState
        var to: IncidentState
        var stepBack: Bool
        var by: String
    }

    static func stateChanged(_ id: IncidentID, _ transition: IncidentTransition, at: Date, by: String, cluster: ClusterID) -> EventDraft {
        EventDraft(
            type: .incidentStateChanged, at: at, clusterId: cluster, incidentId: id,
            payload: EventDraft.payload(StateChanged(from: transition.from, to: transition.to, stepBack: transition.isStepBack, by: by)))
    }

    struct TaskPayload: Encodable {
        var key: String
        var templateId: String
        var phaseId: String
        var kind: IncidentTaskKind
        var titleZh: String
        var titleEn: String
        var ownerRole: Role
        var assignee: String?
        var status: IncidentTaskStatus
        var dueAt: String
        var by: String?
    }

    static func task(_ type: EventType, _ task: IncidentTask, incident: IncidentID, at: Date, by: String? = nil) -> EventDraft {
        EventDraft(
            type: type, at: at, incidentId: incident,
            payload: EventDraft.payload(TaskPayload(
                key: task.key, templateId: task.templateId, phaseId: task.phaseId, kind: task.kind ?? .playbook,
                titleZh: task.titleZh, titleEn: task.titleEn, ownerRole: task.ownerRole,
                assignee: task.assignee, status: task.status, dueAt: RFC3339.format(task.dueAt), by: by)))
    }

    /// A small payload of named values (ids, counts, kinds), for the simpler events.
    static func simple(_ type: EventType, incident: IncidentID, at: Date, complaint: ComplaintID? = nil, _ fields: [String: String]) -> EventDraft {
        EventDraft(type: type, at: at, complaintId: complaint, incidentId: incident, payload: EventDraft.payload(fields))
    }
}
