public import SwellCore

/// One task template in a playbook phase.
///
/// A task is either one-off, due a duration after an anchor, or recurring from an anchor
/// (see ``Timing``).
public struct PlaybookTask: Sendable, Hashable {
    /// Unique within the playbook, e.g. `notify_leadership`.
    public let id: String
    public let title: BilingualText
    public let owner: Role
    /// The task's kind of timing.
    public let timing: Timing
    public let description: BilingualText?

    /// When a task falls due.
    public enum Timing: Sendable, Hashable {
        /// Once, at a duration after an anchor.
        case once(TaskDue)
        /// Repeatedly, from an anchor onwards; no new occurrence opens after the `until`
        /// anchor, when it is set and has happened.
        case recurring(TaskRecurrence, from: TaskAnchor, until: TaskAnchor?)
    }

    public init(id: String, title: BilingualText, owner: Role, timing: Timing, description: BilingualText? = nil) {
        self.id = id
        self.title = title
        self.owner = owner
        self.timing = timing
        self.description = description
    }

    /// The anchor the task's timing depends on.
    public var anchor: TaskAnchor {
        switch timing {
        case .once(let due): due.anchor
        case .recurring(_, let from, _): from
        }
    }
}

/// A phase of the playbook: a titled group of tasks.
public struct PlaybookPhase: Sendable, Hashable {
    /// Unique within the playbook, e.g. `liaison`.
    public let id: String
    public let title: BilingualText
    public let tasks: [PlaybookTask]
    /// The incident state that starts this phase (see ``Playbook/phaseStarts(history:)``);
    /// `nil` when the phase is started by hand.
    public let startsWhen: IncidentState?

    public init(id: String, title: BilingualText, tasks: [PlaybookTask], startsWhen: IncidentState? = nil) {
        self.id = id
        self.title = title
        self.tasks = tasks
        self.startsWhen = startsWhen
    }
}
