
/// What a complaint category is owed, by default after China's national tourism service-quality
/// compensation standard (旅行社服务质量赔偿标准), plus an optional company uplift.
public struct CompensationTable: Sendable, Equatable {
    /// The currency amounts are computed in.
    public let currency: String
    /// A goodwill uplift on the whole statutory amount (refund + penalty), in basis points.
    public let upliftBasisPoints: Int
    /// One rule per complaint category, in playbook order.
    public let rules: [CompensationRule]

    public init(currency: String, upliftBasisPoints: Int = 0, rules: [CompensationRule]) {
        self.currency = currency
        self.upliftBasisPoints = upliftBasisPoints
        self.rules = rules
    }

    /// The rule for a category, if the table has one.
    public func rule(for category: String) -> CompensationRule? {
        rules.first { $0.category == category }
    }
}

/// How one complaint category is compensated: optionally refund the case's amount (a price
/// difference, a skipped attraction's price, a direct loss), then a penalty (违约金).
public struct CompensationRule: Sendable, Equatable {
    /// What the penalty is a share of.
    public enum Base: String, Sendable, Hashable {
        /// The case's own amount (difference, price or loss).
        case amount
        /// The total price of the tour.
        case tourPrice = "tour_price"
    }

    /// A penalty: a share of a base, once or per occurrence.
    public struct Penalty: Sendable, Equatable {
        /// The share, in basis points (20% = 2000).
        public let basisPoints: Int
        /// What the share is taken of.
        public let of: Base
        /// Whether the penalty is owed once per occurrence (e.g. per shopping stop).
        public let perOccurrence: Bool

        public init(basisPoints: Int, of base: Base, perOccurrence: Bool = false) {
            self.basisPoints = basisPoints
            self.of = base
            self.perOccurrence = perOccurrence
        }
    }

    /// The category key complaints are classified under, e.g. `forced_shopping`.
    public let category: String
    public let title: BilingualText
    /// Whether the case's amount itself is paid back.
    public let refundsAmount: Bool
    /// The penalty on top, if any.
    public let penalty: Penalty?
    /// Where the rule comes from (a clause of the standard, a company decision), for the record.
    public let basis: String?

    public init(category: String, title: BilingualText, refundsAmount: Bool, penalty: Penalty?, basis: String? = nil) {
        self.category = category
        self.title = title
        self.refundsAmount = refundsAmount
        self.penalty = penalty
        self.basis = basis
    }

    /// Whether computing this rule needs the case's amount.
    public var needsAmount: Bool { refundsAmount || penalty?.of == .amount }
    /// Whether computing this rule needs the tour price.
    public var needsTourPrice: Bool { penalty?.of == .tourPrice }
}
