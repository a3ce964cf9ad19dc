public import Foundation
public import SwellCore

/// A concrete task of one incident, made from a playbook task template and the anchor instants.
public struct PlannedTask: Sendable, Hashable, Codable {
    /// Stable identity within the incident: the task id, and `#n` for the n-th occurrence of a
    /// recurring task (`daily_report#3`). Store it to keep generation idempotent.
    public let key: String
    /// The playbook task id.
    public let taskId: String
    public let phaseId: String
    public let title: BilingualText
    public let owner: Role
    /// From when the task can be worked on: the anchor, or the previous occurrence's due instant.
    public let opensAt: Date
    public let dueAt: Date
    /// 1-based occurrence number of a recurring task; `nil` for a one-off task.
    public let occurrence: Int?

    public init(taskId: String, phaseId: String, title: BilingualText, owner: Role,
                opensAt: Date, dueAt: Date, occurrence: Int? = nil) {
        self.key = occurrence.map { "\(taskId)#\($0)" } ?? taskId
        self.taskId = taskId
        self.phaseId = phaseId
        self.title = title
        self.owner = owner
        self.opensAt = opensAt
        self.dueAt = dueAt
        self.occurrence = occurrence
    }
}
