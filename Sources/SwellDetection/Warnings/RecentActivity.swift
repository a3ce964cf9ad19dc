import SwellCore

/// The detector's incremental reading of a cluster for the warning evaluator: the same counts as
/// ``WarningRules/observe(_:at:)``, walked backwards from the newest member and stopped as soon as nothing
/// more can be learnt, so a busy cluster costs no more than a quiet one.
///
/// - count windows stop at their rule's threshold (the evaluator only asks whether it is reached);
/// - growth is measured only when asked (a level above the cluster's own, or a trigger, may read it);
/// - signals are counted only when asked, and the walk stops once every member carrying them has been passed
///   (the cluster's signal tally says how many there are), so a cluster without signals is never walked for them.
enum RecentActivity {
    /// What to read besides the cluster's total of complainants.
    struct Wanted {
        var windows: Bool
        var growth: Bool
        var signals: Set<EscalationSignal>
    }

    static func observe(
        _ cluster: ClusterState, in store: ComplaintStore, at time: Double, rules: WarningRules, wanted: Wanted
    ) -> ClusterObservation {
        var windows = wanted.windows ? rules.countRules.map { (length: $0.window, cap: $0.complaints, people: [UInt64]()) } : []
        // A cluster younger than the growth window and its baseline has no growth factor: no need to count.
        let growth = wanted.growth ? rules.growth.flatMap { time - cluster.firstAt >= $0.window + $0.baseline ? $0 : nil } : nil
        var recent = Set<UInt64>()
        var baseline = Set<UInt64>()
        var carriers: [EscalationSignal: Set<UInt64>] = [:]
        var marksLeft: [EscalationSignal: Int32] = [:]
        for signal in wanted.signals {
            let count = cluster.signalCount(signal)
            if count > 0 { marksLeft[signal] = count }
        }
        var mask: UInt16 = marksLeft.keys.reduce(0) { $0 | $1.bit }
        let longestWindow = max(windows.map(\.length).max() ?? 0, growth.map { $0.window + $0.baseline } ?? 0)
        // Arrival order is nearly event-time order: a day's slack past the longest window.
        let horizon = time - longestWindow - 86_400

        var pastHorizon = false
        for member in cluster.members.reversed() {
            let windowsOpen = !pastHorizon && (growth != nil || windows.contains { $0.people.count < $0.cap })
            if mask == 0 && !windowsOpen { break }
            guard let slot = store.slot(of: member) else { continue }
            let record = store.records[Int(slot)]
            if record.time < horizon { pastHorizon = true }
            guard record.time <= time else { continue }
            let person = record.complainant
            for index in windows.indices where !pastHorizon && windows[index].people.count < windows[index].cap {
                if record.time > time - windows[index].length, !windows[index].people.contains(person) {
                    windows[index].people.append(person)
                }
            }
            if let growth, !pastHorizon {
                if record.time > time - growth.window {
                    recent.insert(person)
                } else if record.time > time - growth.window - growth.baseline {
                    baseline.insert(person)
                }
            }
            if record.signals & mask != 0 {
                for signal in marksLeft.keys where record.signals & signal.bit != 0 {
                    carriers[signal, default: []].insert(person)
                    marksLeft[signal]! -= 1
                    if marksLeft[signal]! <= 0 { mask &= ~signal.bit }
                }
            }
        }
        return ClusterObservation(
            complainants: cluster.distinctComplainants,
            windowComplainants: windows.map(\.people.count),
            growthFactor: growth == nil
                ? nil : rules.growthFactor(recent: recent.count, baseline: baseline.count, age: time - cluster.firstAt),
            signalComplainants: carriers.mapValues(\.count))
    }
}
