import Foundation
import SwellCore
import SwellPlaybook
import SwellStore

extension IncidentEngine {
    /// The anchors an incident has reached: the warning, the opening, phase starts, the offer.
    func anchors(of record: IncidentRecord) -> TaskAnchorInstants {
        TaskAnchorInstants(
            warningRaisedAt: record.timing[.warningRaised], incidentOpenedAt: record.openedAt,
            phaseStarts: rules(for: record).phaseStarts(history: record.history.map { ($0.state, $0.at) }),
            offerPublishedAt: record.timing[.offerPublished])
    }

    /// The tasks to add to an incident at `now` (idempotent: keys already stored are skipped).
    func planTasks(_ record: IncidentRecord, now: Date) async throws -> [StoreChange] {
        guard let id = record.id, record.isActive else { return [] }
        let existing = Set(try await store.incidentItems(id, kind: .task).compactMap(\.key))
        return planTasks(record, id: id, existingKeys: existing, now: now)
    }

    func planTasks(_ record: IncidentRecord, id: IncidentID, existingKeys: Set<String>, now: Date) -> [StoreChange] {
        let plan = TaskSchedule(playbook: rules(for: record)).plan(
            anchors: anchors(of: record), existingKeys: existingKeys, now: now,
            skippingOccurrencesDueBefore: now.addingTimeInterval(-Self.catchUpLimit))
        return plan.newTasks.map { planned in
            let task = IncidentTask(
                key: planned.key, templateId: planned.taskId, phaseId: planned.phaseId, titleZh: planned.title.zh,
                titleEn: planned.title.en, ownerRole: planned.owner, opensAt: planned.opensAt, dueAt: planned.dueAt,
                occurrence: planned.occurrence)
            return .addIncidentItem(
                IncidentItem(incidentId: id, key: task.key, at: task.dueAt, body: .task(task)),
                event: IncidentEvents.task(.taskCreated, task, incident: id, at: max(planned.opensAt, record.openedAt)))
        }
    }

    /// An incident's tasks, earliest due first.
    public func tasks(of id: IncidentID) async throws -> [(id: Int64, task: IncidentTask)] {
        _ = try await existing(id)
        return try await store.incidentItems(id, kind: .task).compactMap { item in
            guard case .task(let task) = item.body, let itemId = item.id else { return nil }
            return (itemId, task)
        }
    }

    /// What a person changes on a task.
    public struct TaskChange: Sendable {
        public var assignee: String??
        public var status: IncidentTaskStatus?
        public var note: String?
        /// A new deadline (e.g. 10 days from the regulator's notice, once it arrives).
        public var dueAt: Date?
        public var at: Date
        public var by: String
        public var role: Role

        public init(assignee: String??, status: IncidentTaskStatus?, note: String?, dueAt: Date?, at: Date, by: String, role: Role) {
            self.assignee = assignee
            self.status = status
            self.note = note
            self.dueAt = dueAt
            self.at = at
            self.by = by
            self.role = role
        }
    }

    /// Assigns, completes, cancels or reopens a task. Roles that run incidents may change any task;
    /// another role may complete the tasks it owns.
    public func updateTask(incident id: IncidentID, task taskId: Int64, change: TaskChange) async throws -> (id: Int64, task: IncidentTask) {
        try await serialized { try await updateTaskUnserialized(incident: id, task: taskId, change: change) }
    }

    private func updateTaskUnserialized(incident id: IncidentID, task taskId: Int64, change: TaskChange) async throws -> (id: Int64, task: IncidentTask) {
        var record = try await existing(id)
        guard let item = try await store.incidentItem(taskId), item.incidentId == id, case .task(var task) = item.body else {
            throw IncidentError.taskNotFound(taskId)
        }
        // A closed incident takes no more changes, except to its review's corrective actions.
        guard record.isActive || task.kind == .correctiveAction else { throw IncidentError.closed(id) }
        guard change.at >= record.openedAt else {
            throw IncidentError.invalid(field: "at", message: "must not be before the incident was opened (\(RFC3339.format(record.openedAt)))")
        }
        let runs = change.role.may(.runIncidents)
        let onlyCompletesOwnTask = change.assignee == nil && change.dueAt == nil && change.status == .done
            && task.ownerRole == change.role
        guard runs || onlyCompletesOwnTask else { throw IncidentError.notTaskOwner(ownerRole: task.ownerRole) }
        if let assignee = change.assignee { task.assignee = assignee }
        if let note = change.note { task.note = note }
        if let dueAt = change.dueAt, dueAt != task.dueAt {
            task.dueAt = dueAt
            task.overdueAt = nil  // judged again against the new deadline
        }
        if let status = change.status, status != task.status {
            task.status = status
            task.completedAt = status == .done ? change.at : nil
            task.completedBy = status == .done ? change.by : nil
        }
        var updated = item
        updated.body = .task(task)
        updated.at = task.dueAt
        var changes: [StoreChange] = [
            .saveIncidentItem(updated),
            .appendEvent(IncidentEvents.task(.taskUpdated, task, incident: id, at: change.at, by: change.by)),
        ]
        if task.status == .done, let milestone = Self.milestone(completing: task.templateId) {
            let timing = record.timing.recording(milestone, at: change.at)
            if timing != record.timing {
                record.timing = timing
                changes.append(.saveIncident(record))
            }
        }
        _ = try await store.apply(changes, checkpoint: nil)
        return (taskId, task)
    }

    /// Milestones that completing a playbook task reaches.
    static func milestone(completing templateId: String) -> IncidentMilestone? {
        switch templateId {
        case "first_reply_to_complainants": .firstReply
        case "regulator_report": .regulatorReportSent
        default: nil
        }
    }

    /// A task the system completes (the notifier, once leadership has been told): the incident's open task of
    /// `templateId`, if there is one, is marked done by `notifier` with `note`. Nothing happens otherwise.
    public func completeByNotification(incident id: IncidentID, templateId: String, at: Date, note: String) async throws {
        try await serialized {
            guard let record = try? await active(id), record.id != nil else { return }
            guard let item = try await store.incidentItems(id, kind: .task).first(where: { item in
                if case .task(let task) = item.body { return task.templateId == templateId && task.status == .open }
                return false
            }), let itemId = item.id else { return }
            _ = try await updateTaskUnserialized(
                incident: id, task: itemId,
                change: TaskChange(assignee: nil, status: .done, note: note, dueAt: nil, at: max(at, record.openedAt), by: "notifier", role: .admin))
        }
    }
}
