import Foundation

/// When a cluster becomes a warning and how its level is graded. A value, so it can be read
/// from a playbook later.
public struct WarningPolicy: Sendable, Codable, Equatable {
    /// A cluster is warned when one rule holds: at least `minimumComplainants` distinct people
    /// within `window` (rolling, ending at the newest complaint), and at least
    /// `minimumSignalledComplaints` of those complaints carrying an escalation signal.
    public struct Rule: Sendable, Codable, Equatable {
        /// Machine-readable name recorded on the warning, e.g. `burst`.
        public var name: String
        public var minimumComplainants: Int
        public var window: TimeInterval
        public var minimumSignalledComplaints: Int

        public init(name: String, minimumComplainants: Int, window: TimeInterval, minimumSignalledComplaints: Int = 0) {
            self.name = name
            self.minimumComplainants = minimumComplainants
            self.window = window
            self.minimumSignalledComplaints = minimumSignalledComplaints
        }

        private enum CodingKeys: String, CodingKey { case name, minimumComplainants, window, minimumSignalledComplaints }

        /// Decodes a rule; `minimumSignalledComplaints` may be left out (0).
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                name: try c.decode(String.self, forKey: .name),
                minimumComplainants: try c.decode(Int.self, forKey: .minimumComplainants),
                window: try c.decode(TimeInterval.self, forKey: .window),
                minimumSignalledComplaints: try c.decodeIfPresent(Int.self, forKey: .minimumSignalledComplaints) ?? 0)
        }
    }

    /// Rules in order; the first that holds is recorded as the one that fired.
    public var rules: [Rule]
    /// Distinct complainants in the cluster that add one level point each time a step is reached.
    public var sizeSteps: [Int]
    /// Window over which growth is measured for the level.
    public var growthWindow: TimeInterval
    /// Distinct complainants within `growthWindow` that add one level point per step.
    public var growthSteps: [Int]
    /// Complaints a signal needs in the cluster before it counts towards the level.
    public var signalMinimumComplaints: Int
    /// Points a health signal (injury, hospital, food poisoning) adds; other signals add one.
    public var healthSignalPoints: Int
    /// Share of a cluster's members that must name one common specific entity (a date, product,
    /// flight, plate or venue) before it may raise a warning; 0 turns the check off. Incidents
    /// share their departure, hotel or flight; look-alike background complaints rarely do.
    public var minimumSharedEntityShare: Double
    /// Points needed for yellow, orange and red; fewer is blue.
    public var yellowPoints: Int
    public var orangePoints: Int
    public var redPoints: Int

    public init(
        rules: [Rule], sizeSteps: [Int], growthWindow: TimeInterval, growthSteps: [Int], signalMinimumComplaints: Int,
        healthSignalPoints: Int, yellowPoints: Int, orangePoints: Int, redPoints: Int, minimumSharedEntityShare: Double = 0.25
    ) {
        self.minimumSharedEntityShare = minimumSharedEntityShare
        self.rules = rules
        self.sizeSteps = sizeSteps
        self.growthWindow = growthWindow
        self.growthSteps = growthSteps
        self.signalMinimumComplaints = signalMinimumComplaints
        self.healthSignalPoints = healthSignalPoints
        self.yellowPoints = yellowPoints
        self.orangePoints = orangePoints
        self.redPoints = redPoints
    }

    /// A quarter of the members must share a specific entity.
    /// 8 people within 48 h (burst); 5 within 48 h when two of them signal escalation
    /// (signalled); 10 within 4 days (sustained: the slow incidents the burst rule misses).
    public static let standard = WarningPolicy(
        rules: [
            Rule(name: "burst", minimumComplainants: 8, window: 48 * 3600),
            Rule(name: "signalled", minimumComplainants: 5, window: 48 * 3600, minimumSignalledComplaints: 2),
            Rule(name: "sustained", minimumComplainants: 10, window: 96 * 3600),
        ],
        sizeSteps: [15, 30, 60], growthWindow: 24 * 3600, growthSteps: [10, 25], signalMinimumComplaints: 2,
        healthSignalPoints: 2, yellowPoints: 2, orangePoints: 3, redPoints: 5)

    /// The longest rule or growth window: how far back a cluster's members are looked at.
    var longestWindow: TimeInterval { max(rules.map(\.window).max() ?? 0, growthWindow) }
}

extension WarningPolicy {
    private enum CodingKeys: String, CodingKey {
        case rules, sizeSteps, growthWindow, growthSteps, signalMinimumComplaints, healthSignalPoints, yellowPoints,
            orangePoints, redPoints, minimumSharedEntityShare
    }

    /// Decodes a policy; any field left out takes its value from ``standard``, so a playbook
    /// may state only what it changes.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = WarningPolicy.standard
        self.init(
            rules: try c.decodeIfPresent([Rule].self, forKey: .rules) ?? d.rules,
            sizeSteps: try c.decodeIfPresent([Int].self, forKey: .sizeSteps) ?? d.sizeSteps,
            growthWindow: try c.decodeIfPresent(TimeInterval.self, forKey: .growthWindow) ?? d.growthWindow,
            growthSteps: try c.decodeIfPresent([Int].self, forKey: .growthSteps) ?? d.growthSteps,
            signalMinimumComplaints: try c.decodeIfPresent(Int.self, forKey: .signalMinimumComplaints) ?? d.signalMinimumComplaints,
            healthSignalPoints: try c.decodeIfPresent(Int.self, forKey: .healthSignalPoints) ?? d.healthSignalPoints,
            yellowPoints: try c.decodeIfPresent(Int.self, forKey: .yellowPoints) ?? d.yellowPoints,
            orangePoints: try c.decodeIfPresent(Int.self, forKey: .orangePoints) ?? d.orangePoints,
            redPoints: try c.decodeIfPresent(Int.self, forKey: .redPoints) ?? d.redPoints,
            minimumSharedEntityShare: try c.decodeIfPresent(Double.self, forKey: .minimumSharedEntityShare)
                ?? d.minimumSharedEntityShare)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rules, forKey: .rules)
        try c.encode(sizeSteps, forKey: .sizeSteps)
        try c.encode(growthWindow, forKey: .growthWindow)
        try c.encode(growthSteps, forKey: .growthSteps)
        try c.encode(signalMinimumComplaints, forKey: .signalMinimumComplaints)
        try c.encode(healthSignalPoints, forKey: .healthSignalPoints)
        try c.encode(yellowPoints, forKey: .yellowPoints)
        try c.encode(orangePoints, forKey: .orangePoints)
        try c.encode(redPoints, forKey: .redPoints)
        try c.encode(minimumSharedEntityShare, forKey: .minimumSharedEntityShare)
    }
}
