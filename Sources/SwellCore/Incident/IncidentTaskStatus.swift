public import Foundation

/// Whether an incident task still needs doing.
public enum IncidentTaskStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case open
    case done
    case cancelled
}

/// A task's deadline as it stands at one instant.
public enum IncidentTaskDeadline: Sendable, Hashable {
    /// Finished or cancelled: no deadline applies.
    case settled
    /// Still open and due later; `remaining` seconds left.
    case pending(remaining: TimeInterval)
    /// Still open and past due by `by` seconds.
    case overdue(by: TimeInterval)

    /// A task with `status` due at `dueAt`, seen at `now`. Exactly at the due instant it is
    /// not yet overdue.
    public init(status: IncidentTaskStatus, dueAt: Date, now: Date) {
        guard status == .open else {
            self = .settled
            return
        }
        let remaining = dueAt.timeIntervalSince(now)
        self = remaining >= 0 ? .pending(remaining: remaining) : .overdue(by: -remaining)
    }

    /// Whether the task is open and past due.
    public var isOverdue: Bool {
        if case .overdue = self { return true }
        return false
    }
}
