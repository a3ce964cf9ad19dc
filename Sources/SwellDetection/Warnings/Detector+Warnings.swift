import Foundation
import SwellCore

extension Detector {
    /// Runs the playbook's warning rules on a cluster after `trigger` changed it, at event time `time`: raises a
    /// warning when a rule first holds (and the cluster passes the shared-entity guard), escalates when the level
    /// the rules grant rises. The level is ``WarningRules/level(_:)`` of the cluster's observation; the detector
    /// only decides what is worth counting.
    mutating func evaluateWarnings(cluster id: Int64, trigger: Int64, at time: Double) -> [WarningDecision] {
        guard let cluster = clusters[id], cluster.memberCount > 0 else { return [] }
        let rules = configuration.rules
        let at = Date(timeIntervalSinceReferenceDate: time)
        // Most clusters carry no signal: then none is looked for (and no set is built).
        var present: Set<EscalationSignal> =
            cluster.signalledMembers == 0 ? [] : Set(EscalationSignal.allCases.filter { cluster.signalCount($0) > 0 })
        let covered = coverage[id] ?? .none
        if rules.coverageCounts(covered) { present.insert(.mediaAttention) }

        if let current = cluster.level {
            // The hot path of a big warned cluster: nothing above its level, or nothing that could reach it.
            guard rules.levels.contains(where: { $0.level > current }) else { return [] }
            let signals = present.isEmpty ? [] : rules.signalsThatMatter(above: current).intersection(present)
            let bySize = rules.levels.contains { rule in
                rule.level > current && rule.complaints.map { cluster.distinctComplainants >= $0 } ?? false
            }
            let growth = rules.growthMatters(above: current)
            guard bySize || growth || !signals.isEmpty else { return [] }
            var observation = RecentActivity.observe(
                cluster, in: complaints, at: time, rules: rules, wanted: .init(windows: false, growth: growth, signals: signals))
            observation.coverage = covered
            let (level, reasons) = rules.level(observation)
            guard level > current else { return [] }
            clusters[id]?.level = level
            return [WarningDecision(
                clusterId: id, kind: .escalated, level: level, previousLevel: current, reasons: reasons,
                triggeringComplaintId: trigger, complaintCount: cluster.memberCount,
                distinctComplainants: cluster.distinctComplainants, rule: "escalation", at: at)]
        }

        let shared = sharedEntity(of: cluster)
        if rules.minSharedEntityShare > 0 {
            guard let shared, Double(shared.count) >= rules.minSharedEntityShare * Double(cluster.memberCount) else { return [] }
        }
        var observation = RecentActivity.observe(
            cluster, in: complaints, at: time, rules: rules,
            wanted: .init(
                windows: true, growth: rules.growth != nil,
                signals: present.isEmpty ? [] : rules.signalsThatMatter(above: nil).intersection(present)))
        observation.coverage = covered
        guard let fired = rules.trigger(observation) else { return [] }
        let (level, levelReasons) = rules.level(observation)
        clusters[id]?.level = level
        let entityReason = shared.map {
            WarningReason(
                code: "entity.\($0.entity.kind.rawValue)",
                detail: "\($0.count) of \(cluster.memberCount) complaints name \($0.entity.value)")
        }
        return [WarningDecision(
            clusterId: id, kind: .raised, level: level, previousLevel: nil,
            reasons: [fired.reason] + (entityReason.map { [$0] } ?? []) + levelReasons,
            triggeringComplaintId: trigger, complaintCount: cluster.memberCount,
            distinctComplainants: cluster.distinctComplainants, rule: fired.name, at: at)]
    }

    /// The specific entity (date, product, flight, plate or venue) most members name.
    func sharedEntity(of cluster: ClusterState) -> EntityTally? {
        cluster.entities
            .filter { EntityEvidence.conflictWeight($0.entity.kind) > 0 }
            .max { $0.count != $1.count ? $0.count < $1.count : $0.entity > $1.entity }
    }
}
