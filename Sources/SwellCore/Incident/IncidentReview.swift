public import Foundation

/// The post-incident review (复盘): what happened, why (root causes by category), what the company changes
/// (corrective actions, each tracked as a task of the incident), and what it learned. Every edit is a new version.
public struct IncidentReview: Sendable, Codable, Equatable {
    public struct RootCause: Sendable, Codable, Equatable {
        /// One of the playbook's root-cause categories (`supplier`, `guide`, `transport`, …).
        public var category: String
        public var text: String

        public init(category: String, text: String) {
            self.category = category
            self.text = text
        }
    }

    /// A corrective action; its state and deadline live in the incident task that tracks it (``taskId``).
    public struct CorrectiveAction: Sendable, Codable, Equatable {
        public var taskId: Int64
        public var title: String
        public var ownerRole: Role
        public var dueAt: Date

        public init(taskId: Int64, title: String, ownerRole: Role, dueAt: Date) {
            self.taskId = taskId
            self.title = title
            self.ownerRole = ownerRole
            self.dueAt = dueAt
        }
    }

    public var version: Int
    public var summary: String
    public var rootCauses: [RootCause]
    public var correctiveActions: [CorrectiveAction]
    public var lessons: String?
    /// Sequence numbers of the log's events the review points to as the timeline's highlights.
    public var highlights: [Int64]
    public var updatedBy: String
    public var updatedAt: Date

    public init(
        version: Int, summary: String, rootCauses: [RootCause], correctiveActions: [CorrectiveAction], lessons: String?,
        highlights: [Int64], updatedBy: String, updatedAt: Date
    ) {
        self.version = version
        self.summary = summary
        self.rootCauses = rootCauses
        self.correctiveActions = correctiveActions
        self.lessons = lessons
        self.highlights = highlights
        self.updatedBy = updatedBy
        self.updatedAt = updatedAt
    }

    /// Whether the review lets the incident close: at least one root cause.
    public var allowsClosing: Bool { !rootCauses.isEmpty }
}

/// An incident closed as a false alarm, which needs no review.
public struct FalseAlarm: Sendable, Codable, Equatable {
    public var reason: String
    public var by: String
    public var at: Date

    public init(reason: String, by: String, at: Date) {
        self.reason = reason
        self.by = by
        self.at = at
    }
}

extension EventType {
    public static let incidentReviewUpdated = EventType("incident.review_updated")
}
