public import Foundation

/// Turns a playbook's task templates into the concrete tasks of one incident.
///
/// Idempotent by design: give it the keys already generated and the current instant, and it
/// returns only what is new. One-off tasks appear as soon as their anchor has happened;
/// each occurrence of a recurring task appears when its window opens (at its start, then at
/// the previous occurrence's due instant), so one upcoming occurrence is always open, until
/// the task's `until` anchor has happened: after it no new occurrence opens.
public struct TaskSchedule: Sendable {
    public let playbook: Playbook

    public init(playbook: Playbook) {
        self.playbook = playbook
    }

    /// What a planning run found.
    public struct Plan: Sendable, Hashable {
        /// Tasks not among the existing keys, in playbook order, occurrences in order.
        public let newTasks: [PlannedTask]
        /// Task ids whose anchor has not happened yet, with the anchor they wait for.
        public let waiting: [String: TaskAnchor]
    }

    /// The tasks to add at `now`, given the anchors reached and the keys already generated. Occurrences of
    /// recurring tasks due before `skippingOccurrencesDueBefore` are left out (a caller catching up after a
    /// long gap bounds its work this way); one-off tasks never are.
    public func plan(
        anchors: TaskAnchorInstants, existingKeys: Set<String>, now: Date, skippingOccurrencesDueBefore skip: Date? = nil
    ) -> Plan {
        var newTasks: [PlannedTask] = []
        var waiting: [String: TaskAnchor] = [:]
        for (phase, task) in playbook.tasks {
            guard let anchorInstant = anchors.instant(of: task.anchor) else {
                waiting[task.id] = task.anchor
                continue
            }
            let planned = tasks(for: task, in: phase, anchoredAt: anchorInstant, anchors: anchors, now: now)
            newTasks += planned.filter { task in
                !existingKeys.contains(task.key) && !(task.occurrence != nil && skip.map { task.dueAt < $0 } == true)
            }
        }
        return Plan(newTasks: newTasks, waiting: waiting)
    }

    /// Every concrete task one template yields by `now`.
    private func tasks(
        for task: PlaybookTask, in phase: PlaybookPhase, anchoredAt anchor: Date, anchors: TaskAnchorInstants, now: Date
    ) -> [PlannedTask] {
        switch task.timing {
        case .once(let due):
            return [PlannedTask(
                taskId: task.id, phaseId: phase.id, title: task.title, owner: task.owner,
                opensAt: anchor, dueAt: playbook.calendar.adding(due.after, to: anchor))]
        case .recurring(let recurrence, _, let until):
            let series = RecurrenceSeries(recurrence, from: anchor, calendar: playbook.calendar)
            let stop = until.flatMap { anchors.instant(of: $0) }.map { min($0, now) } ?? now
            return series.occurrences(openingBy: stop).map { occurrence in
                PlannedTask(
                    taskId: task.id, phaseId: phase.id, title: task.title, owner: task.owner,
                    opensAt: occurrence.opensAt, dueAt: occurrence.dueAt, occurrence: occurrence.number)
            }
        }
    }
}
