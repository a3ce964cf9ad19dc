/// When a cluster of similar complaints becomes an early warning, and at what level.
///
/// The detection engine owns the counting; these are the thresholds a playbook sets for it.
/// Counts are of distinct complainants (one person complaining twice counts once).
public struct WarningRules: Sendable, Equatable {
    /// A count threshold over a sliding window: `complaints` or more within `window`.
    public struct Window: Sendable, Hashable {
        public let complaints: Int
        public let window: PlaybookDuration

        public init(complaints: Int, window: PlaybookDuration) {
            self.complaints = complaints
            self.window = window
        }
    }

    /// Growth against a baseline: the last `window` holds at least `factor` times the average
    /// count per `window` over the preceding `baseline`, and at least `minComplaints`.
    public struct Growth: Sendable, Equatable {
        public let factor: Double
        public let window: PlaybookDuration
        public let baseline: PlaybookDuration
        public let minComplaints: Int

        public init(factor: Double, window: PlaybookDuration, baseline: PlaybookDuration, minComplaints: Int) {
            self.factor = factor
            self.window = window
            self.baseline = baseline
            self.minComplaints = minComplaints
        }
    }

    /// A sign that a cluster is escalating beyond its size.
    public enum Signal: String, Sendable, Hashable, CaseIterable {
        /// A referral from a regulator or hotline (12315, 12345, 12301).
        case regulatorReferral = "regulator_referral"
        /// A journalist's enquiry or a published report.
        case mediaAttention = "media_attention"
        /// Complaints posted publicly on social media.
        case socialMedia = "social_media"
        /// Illness, injury or danger to safety.
        case safety
        /// A lawyer's letter or a threat of legal action.
        case legalThreat = "legal_threat"
        /// Complainants gathering in person (at an office, airport, hotel).
        case gathering
    }

    /// The conditions that raise a warning to one level; any one of them is enough.
    public struct LevelRule: Sendable, Equatable {
        public let level: PlaybookWarningLevel
        /// Reached when the cluster has at least this many complainants.
        public let complaints: Int?
        /// Reached when the growth factor is at least this.
        public let growth: Double?
        /// Reached when any of these signals is present.
        public let signals: Set<Signal>

        public init(level: PlaybookWarningLevel, complaints: Int? = nil, growth: Double? = nil, signals: Set<Signal> = []) {
            self.level = level
            self.complaints = complaints
            self.growth = growth
            self.signals = signals
        }

        /// Whether a cluster of this size, growth and signals meets the rule.
        public func isMet(complaints count: Int, growth factor: Double?, signals present: Set<Signal>) -> Bool {
            if let complaints, count >= complaints { return true }
            if let growth, let factor, factor >= growth { return true }
            return !signals.isDisjoint(with: present)
        }
    }

    /// The main rule: at least this many complainants within ``window``.
    public let minComplaints: Int
    /// The main rule's window.
    public let window: PlaybookDuration
    /// Further, longer windows that catch slow incidents (e.g. 12 within 4d).
    public let slowWindows: [Window]
    /// The growth rule, if the playbook sets one.
    public let growth: Growth?
    /// Level rules; a warning takes the highest level whose rule is met, and at least the lowest.
    public let levels: [LevelRule]

    public init(minComplaints: Int, window: PlaybookDuration, slowWindows: [Window] = [], growth: Growth? = nil, levels: [LevelRule] = []) {
        self.minComplaints = minComplaints
        self.window = window
        self.slowWindows = slowWindows
        self.growth = growth
        self.levels = levels
    }

    /// All count windows, the main one first.
    public var windows: [Window] {
        [Window(complaints: minComplaints, window: window)] + slowWindows
    }

    /// The level of a warning for a cluster: the highest level whose rule is met, else blue.
    public func level(complaints: Int, growth: Double?, signals: Set<Signal>) -> PlaybookWarningLevel {
        levels
            .filter { $0.isMet(complaints: complaints, growth: growth, signals: signals) }
            .map(\.level)
            .max() ?? .blue
    }
}

/// Whether and when the playbook opens an incident by itself.
public struct AutoOpenRule: Sendable, Equatable {
    /// Warnings at this level or above open an incident; `nil` means incidents are opened by hand.
    public let atLevel: PlaybookWarningLevel?

    public init(atLevel: PlaybookWarningLevel?) {
        self.atLevel = atLevel
    }

    /// Whether a warning at `level` opens an incident automatically.
    public func opensIncident(at level: PlaybookWarningLevel) -> Bool {
        guard let atLevel else { return false }
        return level >= atLevel
    }
}
