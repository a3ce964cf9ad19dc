public import Foundation

extension WarningRules {
    /// One complaint as the reference observation sees it.
    public struct ObservedComplaint<Complainant: Hashable & Sendable>: Sendable {
        public var complainant: Complainant
        public var receivedAt: Date
        public var signals: Set<EscalationSignal>

        public init(complainant: Complainant, receivedAt: Date, signals: Set<EscalationSignal>) {
            self.complainant = complainant
            self.receivedAt = receivedAt
            self.signals = signals
        }
    }

    /// The reference reading of a cluster at `now`, counted plainly from its complaints (those received at or
    /// before `now`): what the detector's incremental counts must agree with. A window covers `(now − window, now]`.
    public func observe<C>(_ complaints: [ObservedComplaint<C>], at now: Date) -> ClusterObservation {
        let seen = complaints.filter { $0.receivedAt <= now }
        func people(from start: Date, to end: Date) -> Int {
            Set(seen.filter { $0.receivedAt > start && $0.receivedAt <= end }.map(\.complainant)).count
        }
        var signalComplainants: [EscalationSignal: Int] = [:]
        for signal in EscalationSignal.allCases {
            let carriers = Set(seen.filter { $0.signals.contains(signal) }.map(\.complainant)).count
            if carriers > 0 { signalComplainants[signal] = carriers }
        }
        return ClusterObservation(
            complainants: Set(seen.map(\.complainant)).count,
            windowComplainants: countRules.map { people(from: now.addingTimeInterval(-$0.window), to: now) },
            windowSignalled: countRules.map { rule in
                Set(seen.filter { $0.receivedAt > now.addingTimeInterval(-rule.window) && !$0.signals.isEmpty }.map(\.complainant)).count
            },
            growthFactor: growth.flatMap { rule in
                let recentStart = now.addingTimeInterval(-rule.window)
                return growthFactor(
                    recent: people(from: recentStart, to: now),
                    baseline: people(from: recentStart.addingTimeInterval(-rule.baseline), to: recentStart),
                    age: seen.map(\.receivedAt).min().map { now.timeIntervalSince($0) } ?? 0)
            },
            signalComplainants: signalComplainants)
    }

    /// The growth factor from distinct complainants in the last growth window and in the baseline before it, for
    /// a cluster whose first complaint is `age` seconds old. Nil without a growth rule, below its `minComplaints`,
    /// and for a cluster younger than window + baseline: a baseline that began after the cluster did is no
    /// baseline, and a new cluster is judged by its counts.
    public func growthFactor(recent: Int, baseline: Int, age: TimeInterval) -> Double? {
        guard let growth, recent >= max(growth.minComplaints, 1), baseline > 0, age >= growth.window + growth.baseline else {
            return nil
        }
        let windowsInBaseline = growth.baseline / growth.window
        return Double(recent) / (Double(baseline) / windowsInBaseline)
    }
}
