import Foundation

extension Detector {
    /// Runs the warning policy on a cluster after `trigger` changed it, at event time `time`:
    /// raises a warning when a rule first holds, escalates when the level rises.
    mutating func evaluateWarnings(cluster id: Int64, trigger: Int64, at time: Double) -> [WarningDecision] {
        guard let cluster = clusters[id], cluster.memberCount > 0 else { return [] }
        let policy = configuration.policy
        let horizon = time - policy.longestWindow
        var recent: [(time: Double, complainant: UInt64, signalled: Bool)] = []
        for member in cluster.members.reversed() {
            guard let record = complaints[member] else { continue }
            if record.time < horizon - 86_400 { break }  // members are in arrival order: a day's slack
            if record.time >= horizon, record.time <= time {
                recent.append((record.time, record.complainant, record.signals != 0))
            }
        }
        func distinct(within window: TimeInterval) -> (people: Int, signalled: Int) {
            var people = Set<UInt64>()
            var signalled = 0
            for entry in recent where entry.time > time - window {
                people.insert(entry.complainant)
                if entry.signalled { signalled += 1 }
            }
            return (people.count, signalled)
        }
        let activity = ClusterActivity(
            distinctComplainants: cluster.distinctComplainants, complaintCount: cluster.memberCount,
            recentComplainants: distinct(within: policy.growthWindow).people, signalCounts: cluster.signalCounts)
        let (level, levelReasons) = WarningGrader.level(activity, policy: policy)
        let at = Date(timeIntervalSinceReferenceDate: time)

        if let current = cluster.level {
            guard level > current else { return [] }
            clusters[id]?.level = level
            return [WarningDecision(
                clusterId: id, kind: .escalated, level: level, previousLevel: current, reasons: levelReasons,
                triggeringComplaintId: trigger, complaintCount: cluster.memberCount,
                distinctComplainants: cluster.distinctComplainants, rule: "escalation", at: at)]
        }
        for rule in policy.rules {
            let (people, signalled) = distinct(within: rule.window)
            guard people >= rule.minimumComplainants, signalled >= rule.minimumSignalledComplaints else { continue }
            clusters[id]?.level = level
            let hours = Int(rule.window / 3600)
            var detail = "\(people) distinct complainants within \(hours) h (rule \(rule.name): \(rule.minimumComplainants))"
            if rule.minimumSignalledComplaints > 0 { detail += ", \(signalled) signalling escalation" }
            let ruleReason = WarningReason(code: "rule.\(rule.name)", detail: detail)
            return [WarningDecision(
                clusterId: id, kind: .raised, level: level, previousLevel: nil, reasons: [ruleReason] + levelReasons,
                triggeringComplaintId: trigger, complaintCount: cluster.memberCount,
                distinctComplainants: cluster.distinctComplainants, rule: rule.name, at: at)]
        }
        return []
    }
}
