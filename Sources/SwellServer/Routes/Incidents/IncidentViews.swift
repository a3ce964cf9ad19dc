import Foundation
import SwellCore
import SwellEngine

/// An incident as the API returns it.
struct IncidentView: Encodable, Sendable {
    struct StateEntryView: Encodable, Sendable {
        var state: IncidentState
        var at: String
        var by: String
    }

    var id: IncidentID?
    var title: String
    var state: IncidentState
    var allowedTransitions: [IncidentState]
    var level: WarningLevel?
    var phase: String?
    var clusterId: ClusterID
    var warningId: WarningID?
    var playbook: IncidentRecord.PlaybookPin
    var openedAt: String
    var openedBy: String
    var history: [StateEntryView]
    var linkedComplaints: [ComplaintID]
    var unlinkedComplaints: [ComplaintID]
    var timing: TimingView
    /// The review's version, once written (GET …/review has it).
    var reviewVersion: Int?
    var falseAlarm: FalseAlarmView?

    struct FalseAlarmView: Encodable, Sendable {
        var reason: String
        var by: String
        var at: String
    }

    init(_ record: IncidentRecord, phase: String?) {
        id = record.id
        title = record.title
        state = record.state
        allowedTransitions = record.state.allowedNextStates
        level = record.level
        self.phase = phase
        clusterId = record.clusterId
        warningId = record.warningId
        playbook = record.playbook
        openedAt = RFC3339.format(record.openedAt)
        openedBy = record.openedBy
        history = record.history.map { StateEntryView(state: $0.state, at: RFC3339.format($0.at), by: $0.by) }
        linkedComplaints = record.linkedComplaints
        unlinkedComplaints = record.unlinkedComplaints
        timing = TimingView(record.timing)
        reviewVersion = record.review?.version
        falseAlarm = record.falseAlarm.map { FalseAlarmView(reason: $0.reason, by: $0.by, at: RFC3339.format($0.at)) }
    }
}

/// The timing record: instants of each milestone reached, and the durations between them in seconds.
struct TimingView: Encodable, Sendable {
    var instants: [String: String]
    var durations: [String: Double]

    init(_ timing: IncidentTimingRecord) {
        var instants: [String: String] = [:]
        for milestone in IncidentMilestone.allCases {
            if let at = timing[milestone] { instants[milestone.rawValue] = RFC3339.format(at) }
        }
        self.instants = instants
        let named: [(String, TimeInterval?)] = [
            ("timeToDetect", timing.timeToDetect), ("timeToOpen", timing.timeToOpen), ("timeToRespond", timing.timeToRespond),
            ("timeToReportToRegulator", timing.timeToReportToRegulator), ("timeToOffer", timing.timeToOffer),
            ("timeToResolve", timing.timeToResolve),
        ]
        durations = Dictionary(uniqueKeysWithValues: named.compactMap { name, value in value.map { (name, $0) } })
    }
}

/// A task as the API returns it, with whether it is overdue at event time.
struct TaskView: Encodable, Sendable {
    var id: Int64
    var key: String
    var templateId: String
    var phaseId: String
    /// `playbook`, or a contact's deadline: `follow_up`, `authority_response`.
    var kind: IncidentTaskKind
    var contactId: Int64?
    var title: String
    var titleZh: String
    var ownerRole: Role
    var assignee: String?
    var opensAt: String
    var dueAt: String
    var status: IncidentTaskStatus
    var overdue: Bool
    var occurrence: Int?
    var overdueAt: String?
    var completedAt: String?
    var completedBy: String?
    var note: String?

    init(id: Int64, _ task: IncidentTask, now: Date) {
        self.id = id
        key = task.key
        templateId = task.templateId
        phaseId = task.phaseId
        kind = task.kind ?? .playbook
        contactId = task.contactId
        title = task.titleEn
        titleZh = task.titleZh
        ownerRole = task.ownerRole
        assignee = task.assignee
        opensAt = RFC3339.format(task.opensAt)
        dueAt = RFC3339.format(task.dueAt)
        status = task.status
        overdue = IncidentTaskDeadline(status: task.status, dueAt: task.dueAt, now: now).isOverdue
        occurrence = task.occurrence
        overdueAt = task.overdueAt.map(RFC3339.format)
        completedAt = task.completedAt.map(RFC3339.format)
        completedBy = task.completedBy
        note = task.note
    }
}

struct ItemList<Item: Encodable & Sendable>: Encodable, Sendable {
    var items: [Item]
}
