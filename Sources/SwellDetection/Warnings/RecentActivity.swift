import SwellCore

/// The detector's incremental reading of a cluster for the warning evaluator: the same counts as
/// ``WarningRules/observe(_:at:)``, walked backwards from the newest member and stopped as soon as nothing
/// more can be learnt, so a busy cluster costs no more than a quiet one.
///
/// - count windows stop at their rule's threshold (the evaluator only asks whether it is reached), and their
///   signalled complainants at the rule's `signalled`, or once no member with a signal is left to pass;
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
        var windows = wanted.windows ? rules.countRules.map { Window(length: $0.window, cap: $0.complaints, signalCap: $0.signalled) } : []
        // Members with a signal not passed yet: once none is left, no window can gain a signalled complainant.
        var signalledLeft = cluster.signalledMembers
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
            let windowsOpen = !pastHorizon && (growth != nil || windows.contains { !$0.saturated(signalsLeft: signalledLeft > 0) })
            if mask == 0 && !windowsOpen { break }
            guard let slot = store.slot(of: member) else { continue }
            let record = store.records[Int(slot)]
            if record.time < horizon { pastHorizon = true }
            guard record.time <= time else { continue }
            let person = record.complainant
            let signalled = record.signals != 0
            if signalled { signalledLeft -= 1 }
            for index in windows.indices where !pastHorizon && record.time > time - windows[index].length {
                windows[index].count(person, signalled: signalled)
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
            windowSignalled: windows.map(\.signalled.count),
            growthFactor: growth == nil
                ? nil : rules.growthFactor(recent: recent.count, baseline: baseline.count, age: time - cluster.firstAt),
            signalComplainants: carriers.mapValues(\.count))
    }
}

extension RecentActivity {
    /// One count rule's window being counted: distinct complainants, and those carrying a signal, each kept
    /// only up to the number the rule asks for (so a linear search stays cheap).
    struct Window {
        var length: Double
        var cap: Int
        var signalCap: Int
        var people: [UInt64] = []
        var signalled: [UInt64] = []

        /// Nothing more this window could tell the rule: enough people, and enough signalled or none left to find.
        func saturated(signalsLeft: Bool) -> Bool {
            people.count >= cap && (signalled.count >= signalCap || !signalsLeft)
        }

        mutating func count(_ person: UInt64, signalled isSignalled: Bool) {
            if people.count < cap, !people.contains(person) { people.append(person) }
            if isSignalled, signalled.count < signalCap, !signalled.contains(person) { signalled.append(person) }
        }
    }
}
