public import Foundation

/// What the warning evaluator knows of one cluster at one instant. The detector fills it incrementally;
/// ``WarningRules/observe(_:at:)`` fills it from a plain list of complaints, for tests and backtests.
public struct ClusterObservation: Sendable, Equatable {
    /// Distinct complainants of the cluster.
    public var complainants: Int
    /// Distinct complainants within each count rule's window, in rule order. A count may stop at the rule's
    /// threshold: the evaluator only asks whether it is reached.
    public var windowComplainants: [Int]
    /// Of those, the distinct complainants whose complaint in the window carries any escalation signal, in rule
    /// order (may stop at the rule's `signalled`).
    public var windowSignalled: [Int]
    /// The growth factor (see ``WarningRules/GrowthRule``); nil when not measured: no growth rule, fewer than
    /// its `minComplaints` in the last window, nobody in the baseline, or a cluster younger than the growth
    /// window and its baseline (a new cluster is judged by its counts).
    public var growthFactor: Double?
    /// Distinct complainants carrying each signal. A count may stop at the signal's threshold.
    public var signalComplainants: [EscalationSignal: Int]
    /// Negative public coverage matched to the cluster.
    public var coverage: MediaCoverage

    public init(
        complainants: Int, windowComplainants: [Int], windowSignalled: [Int] = [], growthFactor: Double?,
        signalComplainants: [EscalationSignal: Int], coverage: MediaCoverage = .none
    ) {
        self.coverage = coverage
        self.complainants = complainants
        self.windowComplainants = windowComplainants
        self.windowSignalled = windowSignalled
        self.growthFactor = growthFactor
        self.signalComplainants = signalComplainants
    }
}

/// Why a warning was raised or its level set: a stable code and a sentence for people.
public struct WarningReason: Sendable, Hashable, Codable {
    /// e.g. `rule.burst`, `level.yellow.complaints`, `signal.regulator_referral`, `entity.venue`.
    public var code: String
    public var detail: String

    public init(code: String, detail: String) {
        self.code = code
        self.detail = detail
    }
}

extension WarningRules {
    /// The rule that makes a cluster a warning.
    public enum Trigger: Sendable, Hashable {
        /// A count rule and the complainants counted in its window.
        case count(CountRule, complainants: Int)
        /// The growth rule and the factor observed.
        case growth(factor: Double)

        /// The rule's name as recorded on the warning: the count rule's name, or `growth`.
        public var name: String {
            switch self {
            case .count(let rule, _): rule.name
            case .growth: "growth"
            }
        }

        public var reason: WarningReason {
            switch self {
            case .count(let rule, let people):
                WarningReason(
                    code: "rule.\(rule.name)",
                    detail: "\(people) distinct complainants within \(Self.hours(rule.window)) (rule \(rule.name): \(rule.complaints)"
                        + (rule.signalled > 0 ? ", \(rule.signalled) of them naming a regulator, the media, a lawyer or another signal)" : ")"))
            case .growth(let factor):
                WarningReason(code: "rule.growth", detail: "complainants grew \(Self.format(factor))× against the cluster's baseline")
            }
        }

        static func hours(_ seconds: TimeInterval) -> String {
            seconds.truncatingRemainder(dividingBy: 86_400) == 0 && seconds >= 86_400 ? "\(Int(seconds / 86_400)) d" : "\(Int(seconds / 3600)) h"
        }

        static func format(_ factor: Double) -> String { String(format: "%.1f", factor) }
    }

    /// The rule that holds now, if any: count rules in order, then growth.
    public func trigger(_ observation: ClusterObservation) -> Trigger? {
        for (index, rule) in countRules.enumerated() {
            let people = index < observation.windowComplainants.count ? observation.windowComplainants[index] : 0
            let signalled = index < observation.windowSignalled.count ? observation.windowSignalled[index] : 0
            if people >= rule.complaints, signalled >= rule.signalled { return .count(rule, complainants: people) }
        }
        if let growth, let factor = observation.growthFactor, factor >= growth.factor { return .growth(factor: factor) }
        return nil
    }

    /// The signals that count for the cluster: carried by at least their threshold of distinct complainants, and
    /// `media_attention` when the cluster's negative coverage meets ``mediaCoverage``.
    public func countingSignals(_ observation: ClusterObservation) -> Set<EscalationSignal> {
        var signals = Set(observation.signalComplainants.filter { $0.value >= signalMinComplainants(for: $0.key) }.keys)
        if coverageCounts(observation.coverage) { signals.insert(.mediaAttention) }
        return signals
    }

    /// Whether a cluster's negative coverage makes `media_attention` count.
    public func coverageCounts(_ coverage: MediaCoverage) -> Bool {
        mediaCoverage?.isMet(by: coverage) ?? false
    }

    /// The level of a warning: the highest level any of its rules' conditions meets; at least blue. With the
    /// reasons for it (the conditions met at that level), most decisive first.
    public func level(_ observation: ClusterObservation) -> (level: WarningLevel, reasons: [WarningReason]) {
        let signals = countingSignals(observation)
        var best: (level: WarningLevel, reasons: [WarningReason]) = (.blue, [])
        for rule in levels where rule.level > best.level || best.reasons.isEmpty && rule.level == best.level {
            let reasons = conditionsMet(rule, observation: observation, signals: signals)
            if !reasons.isEmpty { best = (rule.level, reasons) }
        }
        return best
    }

    private func conditionsMet(_ rule: LevelRule, observation: ClusterObservation, signals: Set<EscalationSignal>) -> [WarningReason] {
        var reasons: [WarningReason] = []
        let name = rule.level.rawValue
        for signal in rule.signals.sorted() where signals.contains(signal) {
            let people = observation.signalComplainants[signal] ?? 0
            if signal == .mediaAttention, people < signalMinComplainants(for: signal) {
                let coverage = observation.coverage
                reasons.append(WarningReason(
                    code: "signal.media_attention.coverage",
                    detail: "\(coverage.negativeStories) negative stor\(coverage.negativeStories == 1 ? "y" : "ies") in the media or online "
                        + "reaching \(coverage.negativeReach) people (\(name))"))
                continue
            }
            reasons.append(WarningReason(
                code: "signal.\(signal.rawValue)",
                detail: "\(people) complainant\(people == 1 ? "" : "s") mention \(signal.humanName) (\(name): \(signalMinComplainants(for: signal)))"))
        }
        if let complaints = rule.complaints, observation.complainants >= complaints {
            reasons.append(WarningReason(
                code: "level.\(name).complaints",
                detail: "\(observation.complainants) distinct complainants in the cluster (\(name): \(complaints))"))
        }
        if let growth = rule.growth, let factor = observation.growthFactor, factor >= growth {
            reasons.append(WarningReason(
                code: "level.\(name).growth",
                detail: "complainants grew \(Trigger.format(factor))× against the cluster's baseline (\(name): \(Trigger.format(growth))×)"))
        }
        return reasons
    }
}
