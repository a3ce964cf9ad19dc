import Foundation

extension Detector {
    /// Runs the warning policy on a cluster after `trigger` changed it, at event time `time`:
    /// raises a warning when a rule first holds, escalates when the level rises.
    mutating func evaluateWarnings(cluster id: Int64, trigger: Int64, at time: Double) -> [WarningDecision] {
        guard let cluster = clusters[id], cluster.memberCount > 0 else { return [] }
        let policy = configuration.policy
        let counts = RecentActivity.count(
            cluster.members, in: complaints, at: time, policy: policy, signalMarks: cluster.signalCounts.reduce(0) { $0 + Int($1) })
        let activity = ClusterActivity(
            distinctComplainants: cluster.distinctComplainants, complaintCount: cluster.memberCount,
            recentComplainants: counts.growth, signalCounts: cluster.signalCounts)
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
        let shared = sharedEntity(of: cluster)
        if policy.minimumSharedEntityShare > 0 {
            guard let shared, Double(shared.count) >= policy.minimumSharedEntityShare * Double(cluster.memberCount) else {
                return []
            }
        }
        let entityReason = shared.map {
            WarningReason(
                code: "entity.\($0.entity.kind.rawValue)",
                detail: "\($0.count) of \(cluster.memberCount) complaints name \($0.entity.value)")
        }
        for (index, rule) in policy.rules.enumerated() {
            let (people, signalled) = counts.rules[index]
            guard people >= rule.minimumComplainants, signalled >= rule.minimumSignalledComplaints else { continue }
            clusters[id]?.level = level
            let hours = Int(rule.window / 3600)
            var detail = "\(people) distinct complainants within \(hours) h (rule \(rule.name): \(rule.minimumComplainants))"
            if rule.minimumSignalledComplaints > 0 { detail += ", \(signalled) signalling escalation" }
            let ruleReason = WarningReason(code: "rule.\(rule.name)", detail: detail)
            return [WarningDecision(
                clusterId: id, kind: .raised, level: level, previousLevel: nil,
                reasons: [ruleReason] + (entityReason.map { [$0] } ?? []) + levelReasons,
                triggeringComplaintId: trigger, complaintCount: cluster.memberCount,
                distinctComplainants: cluster.distinctComplainants, rule: rule.name, at: at)]
        }
        return []
    }

    /// The specific entity (date, product, flight, plate or venue) most members name.
    func sharedEntity(of cluster: ClusterState) -> EntityTally? {
        cluster.entities
            .filter { EntityEvidence.conflictWeight($0.entity.kind) > 0 }
            .max { $0.count != $1.count ? $0.count < $1.count : $0.entity > $1.entity }
    }
}
