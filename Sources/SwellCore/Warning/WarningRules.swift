public import Foundation

/// When a cluster of similar complaints becomes an early warning, and at which level: the playbook's `warning`
/// section as a value. One evaluator reads it (``trigger(_:)`` and ``level(_:)``), for the detector, the tests
/// and backtests alike. Every count is of distinct complainants: one person complaining twice counts once.
public struct WarningRules: Sendable, Equatable {
    /// At least `complaints` distinct complainants within a rolling `window` (seconds) ending now, of whom at
    /// least `signalled` carry an escalation signal (any of them) in the window.
    public struct CountRule: Sendable, Hashable {
        /// Recorded on the warning as the rule that fired: `burst` for the main window, `signalled-48h` for a
        /// signalled one, `slow-4d` for a slow one.
        public var name: String
        public var complaints: Int
        public var window: TimeInterval
        public var signalled: Int

        public init(name: String, complaints: Int, window: TimeInterval, signalled: Int = 0) {
            self.name = name
            self.complaints = complaints
            self.window = window
            self.signalled = signalled
        }
    }

    /// Growth against the cluster's own baseline: the last `window` holds at least `factor` times the average
    /// per `window` over the `baseline` before it, and at least `minComplaints` complainants.
    public struct GrowthRule: Sendable, Hashable {
        public var factor: Double
        public var window: TimeInterval
        public var baseline: TimeInterval
        public var minComplaints: Int

        public init(factor: Double, window: TimeInterval, baseline: TimeInterval, minComplaints: Int) {
            self.factor = factor
            self.window = window
            self.baseline = baseline
            self.minComplaints = minComplaints
        }
    }

    /// The conditions that grant one level; any one of them is enough.
    public struct LevelRule: Sendable, Hashable {
        public var level: WarningLevel
        /// Met when the cluster has at least this many distinct complainants.
        public var complaints: Int?
        /// Met when the growth factor (see ``GrowthRule``) is at least this.
        public var growth: Double?
        /// Met when any of these signals counts for the cluster (see ``signalMinComplainants(for:)``).
        public var signals: Set<EscalationSignal>

        public init(level: WarningLevel, complaints: Int? = nil, growth: Double? = nil, signals: Set<EscalationSignal> = []) {
            self.level = level
            self.complaints = complaints
            self.growth = growth
            self.signals = signals
        }
    }

    /// The count rules in order: the main one (`minComplaints` within `window`), the signalled windows, then the
    /// slow windows.
    public var countRules: [CountRule]
    public var growth: GrowthRule?
    public var levels: [LevelRule]
    /// Distinct complainants who must carry a signal before it counts for the cluster, per signal.
    public var signalThresholds: [EscalationSignal: Int]
    /// For signals not in ``signalThresholds``.
    public var defaultSignalThreshold: Int
    /// Share of a cluster's members that must name one specific entity (a date, product, flight, plate or venue)
    /// before the cluster may warn; 0 turns the guard off. Incidents share their departure, hotel or flight;
    /// look-alike background complaints (hotel reviews, one-person problems) rarely do. It decides only whether
    /// a cluster warns, never the level of a warning.
    public var minSharedEntityShare: Double
    /// When negative coverage matched to the cluster counts as `media_attention`; nil when only complainants'
    /// words do.
    public var mediaCoverage: MediaCoverageRule?
    /// When public mentions spike (`mentions.spike`); nil judges no spikes.
    public var mentionSpike: MentionSpikeRule?

    public init(
        countRules: [CountRule], growth: GrowthRule? = nil, levels: [LevelRule] = [],
        signalThresholds: [EscalationSignal: Int] = Self.standardSignalThresholds,
        defaultSignalThreshold: Int = 2, minSharedEntityShare: Double = 0.25, mediaCoverage: MediaCoverageRule? = nil,
        mentionSpike: MentionSpikeRule? = nil
    ) {
        self.mediaCoverage = mediaCoverage
        self.mentionSpike = mentionSpike
        self.countRules = countRules
        self.growth = growth
        self.levels = levels
        self.signalThresholds = signalThresholds
        self.defaultSignalThreshold = defaultSignalThreshold
        self.minSharedEntityShare = minSharedEntityShare
    }

    /// One complainant is enough for a regulator referral, a safety issue or a gathering: each is already more
    /// than one customer's problem. Other signals need two, since one person's "I will tell the press" is common.
    public static let standardSignalThresholds: [EscalationSignal: Int] = [
        .regulatorReferral: 1, .safety: 1, .gathering: 1,
    ]

    /// Distinct complainants a signal needs before it counts for a cluster.
    public func signalMinComplainants(for signal: EscalationSignal) -> Int {
        max(1, signalThresholds[signal] ?? defaultSignalThreshold)
    }

    /// The rules of the default playbook (`playbooks/group-complaint.yaml`), for callers without a playbook.
    public static let standard = WarningRules(
        countRules: [
            CountRule(name: "burst", complaints: 8, window: 48 * 3600),
            CountRule(name: "signalled-48h", complaints: 5, window: 48 * 3600, signalled: 2),
            CountRule(name: "slow-4d", complaints: 12, window: 4 * 86_400),
            CountRule(name: "slow-14d", complaints: 20, window: 14 * 86_400),
        ],
        growth: GrowthRule(factor: 3, window: 24 * 3600, baseline: 7 * 86_400, minComplaints: 5),
        levels: [
            LevelRule(level: .yellow, complaints: 15, growth: 3),
            LevelRule(level: .orange, complaints: 30, signals: [.regulatorReferral, .mediaAttention, .legalThreat]),
            LevelRule(level: .red, complaints: 80, signals: [.safety, .gathering]),
        ],
        mediaCoverage: .standard, mentionSpike: .standard)

    /// How far back from now any rule looks: the longest count window, or growth window plus baseline.
    public var lookBack: TimeInterval {
        max(countRules.map(\.window).max() ?? 0, growth.map { $0.window + $0.baseline } ?? 0)
    }

    /// Whether any level rule reads the growth factor above `level` (so it is worth measuring).
    public func growthMatters(above level: WarningLevel?) -> Bool {
        growth != nil && levels.contains { rule in rule.growth != nil && level.map { rule.level > $0 } ?? true }
    }

    /// The signals some level rule above `level` names (worth counting complainants for).
    public func signalsThatMatter(above level: WarningLevel?) -> Set<EscalationSignal> {
        levels.filter { rule in level.map { rule.level > $0 } ?? true }.reduce(into: []) { $0.formUnion($1.signals) }
    }
}

/// Whether and when the playbook opens an incident by itself.
public struct AutoOpenRule: Sendable, Equatable {
    /// Warnings at this level or above open an incident; `nil` means incidents are opened by hand.
    public let atLevel: WarningLevel?

    public init(atLevel: WarningLevel?) {
        self.atLevel = atLevel
    }

    /// Whether a warning at `level` opens an incident automatically.
    public func opensIncident(at level: WarningLevel) -> Bool {
        guard let atLevel else { return false }
        return level >= atLevel
    }
}
