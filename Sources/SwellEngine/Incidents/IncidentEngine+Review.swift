import Foundation
import SwellCore
import SwellStore

extension IncidentEngine {
    /// A review as a person writes it: every field replaces the stored one. A corrective action with a `taskId`
    /// updates that action's task; one without becomes a new task; a stored action left out is cancelled.
    public struct ReviewDraft: Sendable {
        public struct Action: Sendable {
            public var taskId: Int64?
            public var title: String
            public var ownerRole: Role
            public var dueAt: Date
            /// `done` or `cancelled` to settle it here; nil or `open` leaves it as its task stands.
            public var status: IncidentTaskStatus?

            public init(taskId: Int64?, title: String, ownerRole: Role, dueAt: Date, status: IncidentTaskStatus?) {
                self.taskId = taskId
                self.title = title
                self.ownerRole = ownerRole
                self.dueAt = dueAt
                self.status = status
            }
        }

        public var summary: String
        public var rootCauses: [IncidentReview.RootCause]
        public var actions: [Action]
        public var lessons: String?
        public var highlights: [Int64]

        public init(summary: String, rootCauses: [IncidentReview.RootCause], actions: [Action], lessons: String?, highlights: [Int64]) {
            self.summary = summary
            self.rootCauses = rootCauses
            self.actions = actions
            self.lessons = lessons
            self.highlights = highlights
        }
    }

    /// Writes the next version of an incident's review (also after the incident closed: a review is finished
    /// later). Corrective actions become tasks of kind `corrective_action` that go overdue on the scheduler's clock.
    public func saveReview(incident id: IncidentID, _ draft: ReviewDraft, at: Date, by: String) async throws -> IncidentRecord {
        try await serialized {
            var record = try await existing(id)
            guard at >= record.openedAt else {
                throw IncidentError.invalid(field: "at", message: "must not be before the incident was opened (\(RFC3339.format(record.openedAt)))")
            }
            let categories = rules(for: record).rootCauseCategories
            for (index, cause) in draft.rootCauses.enumerated() where !categories.contains(cause.category) {
                throw IncidentError.invalid(
                    field: "rootCauses[\(index)].category",
                    message: "must be one of the playbook's categories: \(categories.joined(separator: ", "))")
            }
            let tasks = try await store.incidentItems(id, kind: .task)
            var changes: [StoreChange] = []
            var actions: [IncidentReview.CorrectiveAction] = []
            var kept = Set<Int64>()
            var next = tasks.filter { $0.key?.hasPrefix(Self.correctiveKeyPrefix) == true }.count + 1
            for (index, action) in draft.actions.enumerated() {
                if let taskId = action.taskId {
                    guard let item = tasks.first(where: { $0.id == taskId }), case .task(var task) = item.body,
                        task.kind == .correctiveAction
                    else { throw IncidentError.invalid(field: "correctiveActions[\(index)].taskId", message: "is not a corrective action of this incident") }
                    kept.insert(taskId)
                    let before = task
                    task.titleZh = action.title
                    task.titleEn = action.title
                    task.ownerRole = action.ownerRole
                    if task.dueAt != action.dueAt {
                        task.dueAt = action.dueAt
                        task.overdueAt = nil
                    }
                    if let status = action.status, status != task.status {
                        task.status = status
                        task.completedAt = status == .done ? at : nil
                        task.completedBy = status == .done ? by : nil
                    }
                    if task != before {
                        var updated = item
                        updated.body = .task(task)
                        updated.at = task.dueAt
                        changes += [.saveIncidentItem(updated), .appendEvent(IncidentEvents.task(.taskUpdated, task, incident: id, at: at, by: by))]
                    }
                    actions.append(.init(taskId: taskId, title: action.title, ownerRole: action.ownerRole, dueAt: action.dueAt))
                } else {
                    var task = IncidentTask(
                        key: "\(Self.correctiveKeyPrefix)\(next)", templateId: IncidentTaskKind.correctiveAction.rawValue, phaseId: "review",
                        titleZh: action.title, titleEn: action.title, ownerRole: action.ownerRole, opensAt: at, dueAt: action.dueAt,
                        occurrence: nil)
                    task.kind = .correctiveAction
                    next += 1
                    // The new task's id is only known after the write (0 until then).
                    changes.append(.addIncidentItem(
                        IncidentItem(incidentId: id, key: task.key, at: task.dueAt, body: .task(task)),
                        event: IncidentEvents.task(.taskCreated, task, incident: id, at: at, by: by)))
                    actions.append(.init(taskId: 0, title: action.title, ownerRole: action.ownerRole, dueAt: action.dueAt))
                }
            }
            // Actions dropped from the review are cancelled, not deleted: the record stays.
            for item in tasks {
                guard case .task(var task) = item.body, task.kind == .correctiveAction, let itemId = item.id,
                    !kept.contains(itemId), task.status == .open
                else { continue }
                task.status = .cancelled
                var updated = item
                updated.body = .task(task)
                changes += [.saveIncidentItem(updated), .appendEvent(IncidentEvents.task(.taskUpdated, task, incident: id, at: at, by: by))]
            }
            // The ids of the tasks just created come back stamped in their `task.created` events, in order.
            let appended = try await store.apply(changes, checkpoint: nil)
            var newIds = appended.filter { $0.type == .taskCreated }.compactMap(StampedId.of).makeIterator()
            for index in actions.indices where actions[index].taskId == 0 {
                actions[index].taskId = newIds.next() ?? 0
            }
            let review = IncidentReview(
                version: (record.review?.version ?? 0) + 1, summary: draft.summary, rootCauses: draft.rootCauses,
                correctiveActions: actions, lessons: draft.lessons, highlights: draft.highlights, updatedBy: by, updatedAt: at)
            record.review = review
            let event = EventDraft(
                type: .incidentReviewUpdated, at: at, clusterId: record.clusterId, incidentId: id,
                payload: EventDraft.payload(ReviewPayload(
                    version: review.version, rootCauseCategories: review.rootCauses.map(\.category),
                    correctiveActions: review.correctiveActions.count, by: by)))
            _ = try await store.apply([.saveIncident(record), .appendEvent(event)], checkpoint: nil)
            watchedClosed.insert(id)
            logger.info("Review saved", metadata: ["incident.id": "\(id)", "review.version": "\(review.version)"])
            return record
        }
    }

    /// Task keys of corrective actions: `corrective#1`, `corrective#2`, …
    static let correctiveKeyPrefix = "corrective#"
}

/// Payload of `incident.review_updated`: categories and counts, not the text.
struct ReviewPayload: Encodable {
    var version: Int
    var rootCauseCategories: [String]
    var correctiveActions: Int
    var by: String
}

extension IncidentEngine {
    /// A corrective action still open, for the executive summary: it shows until it is done.
    public struct OpenCorrectiveAction: Encodable, Sendable, Equatable {
        public var incidentId: IncidentID
        public var incidentTitle: String
        public var taskId: Int64
        public var title: String
        public var ownerRole: Role
        public var dueAt: String
        public var overdue: Bool
    }

    /// Every open corrective action of every incident's review (closed incidents included), soonest due first.
    public func openCorrectiveActions(now fallback: Date) async throws -> [OpenCorrectiveAction] {
        let now = now(or: fallback)
        var open: [(Date, OpenCorrectiveAction)] = []
        for record in try await store.incidents(activeOnly: false, clusterId: nil) where !(record.review?.correctiveActions.isEmpty ?? true) {
            guard let id = record.id else { continue }
            for item in try await store.incidentItems(id, kind: .task) {
                guard case .task(let task) = item.body, task.kind == .correctiveAction, task.status == .open, let taskId = item.id else { continue }
                open.append((task.dueAt, OpenCorrectiveAction(
                    incidentId: id, incidentTitle: record.title, taskId: taskId, title: task.titleEn, ownerRole: task.ownerRole,
                    dueAt: RFC3339.format(task.dueAt), overdue: IncidentTaskDeadline(status: task.status, dueAt: task.dueAt, now: now).isOverdue)))
            }
        }
        return open.sorted { ($0.0, $0.1.taskId) < ($1.0, $1.1.taskId) }.map(\.1)
    }
}
