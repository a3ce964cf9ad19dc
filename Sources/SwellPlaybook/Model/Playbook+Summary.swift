extension Playbook {
    /// One line for `swell playbook check`: what the playbook holds, e.g.
    /// `group-complaint v1 (Asia/Shanghai): 5 phases, 24 tasks (6 recurring), 2 incentive tiers, 9 compensation categories, auto-open at orange`.
    public var summary: String {
        let recurring = tasks.count { entry in
            if case .recurring = entry.task.timing { return true }
            return false
        }
        let autoOpenText = autoOpen.atLevel.map { "auto-open at \($0.rawValue)" } ?? "opened by hand"
        return "\(name) v\(version) (\(timeZone.identifier)): \(phases.count) phases, \(tasks.count) tasks (\(recurring) recurring), "
            + "\(incentives.tiers.count) incentive tiers, \(compensation.rules.count) compensation categories, \(autoOpenText)"
    }
}
