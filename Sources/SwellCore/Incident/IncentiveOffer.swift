public import Foundation

/// A published settlement offer with tiered early-acceptance bonuses, tier ends already resolved
/// to instants (the playbook's durations and calendar have done their work).
public struct IncentiveOffer: Sendable, Hashable, Codable {
    /// One bonus tier: acceptances at or before ``endsAt`` (and after the previous tier) earn it.
    public struct Tier: Sendable, Hashable, Codable {
        /// The last instant of the tier, included.
        public let endsAt: Date
        /// Bonus as a share of the base, in basis points (10% = 1000).
        public let percentBasisPoints: Int
        /// A fixed bonus on top, if any.
        public let fixed: SettlementMoney?

        public init(endsAt: Date, percentBasisPoints: Int, fixed: SettlementMoney? = nil) {
            self.endsAt = endsAt
            self.percentBasisPoints = percentBasisPoints
            self.fixed = fixed
        }
    }

    /// When the offer was published (T0).
    public let publishedAt: Date
    /// The base settlement each accepting complainant is paid.
    public let base: SettlementMoney
    /// Tiers in order of their ends.
    public let tiers: [Tier]
    /// A bonus for everyone once enough of the group accepted; nil for none (and for offers published before
    /// the playbook could set one).
    public let collective: CollectiveBonus?

    public init(publishedAt: Date, base: SettlementMoney, tiers: [Tier], collective: CollectiveBonus? = nil) {
        self.publishedAt = publishedAt
        self.base = base
        self.tiers = tiers.sorted { $0.endsAt < $1.endsAt }
        self.collective = collective
    }

    /// The tier an acceptance at `instant` falls in: the first whose end is at or after it.
    /// `nil` after the last tier (no bonus).
    public func tierIndex(at instant: Date) -> Int? {
        tiers.firstIndex { instant <= $0.endsAt }
    }

    /// What an acceptance at `acceptedAt` earns.
    public func evaluate(acceptedAt: Date) throws(IncentiveError) -> IncentiveAcceptance {
        guard acceptedAt >= publishedAt else {
            throw .acceptedBeforePublication(acceptedAt: acceptedAt, publishedAt: publishedAt)
        }
        guard let index = tierIndex(at: acceptedAt) else {
            return IncentiveAcceptance(acceptedAt: acceptedAt, tierIndex: nil, bonus: .zero(base.currency), base: base)
        }
        let tier = tiers[index]
        var bonus = base.percentage(basisPoints: tier.percentBasisPoints)
        if let fixed = tier.fixed {
            guard let sum = bonus.plus(fixed) else {
                throw .currencyMismatch(base: base.currency, bonus: fixed.currency)
            }
            bonus = sum
        }
        return IncentiveAcceptance(acceptedAt: acceptedAt, tierIndex: index, bonus: bonus, base: base)
    }

    /// How long the tier current at `now` still lasts; `nil` before publication or after the last tier.
    public func timeUntilCurrentTierEnds(at now: Date) -> TimeInterval? {
        guard now >= publishedAt, let index = tierIndex(at: now) else { return nil }
        return tiers[index].endsAt.timeIntervalSince(now)
    }
}

/// What one acceptance earned.
public struct IncentiveAcceptance: Sendable, Hashable, Codable {
    public let acceptedAt: Date
    /// The tier it fell in (0 = earliest, highest bonus); `nil` when it came after every tier.
    public let tierIndex: Int?
    public let bonus: SettlementMoney
    public let base: SettlementMoney

    /// Base plus bonus.
    public var payout: SettlementMoney {
        SettlementMoney.sum([base, bonus], currency: base.currency)
    }
}

/// Why an acceptance cannot be evaluated.
public enum IncentiveError: Error, Sendable, Equatable, CustomStringConvertible {
    case acceptedBeforePublication(acceptedAt: Date, publishedAt: Date)
    case currencyMismatch(base: String, bonus: String)

    public var description: String {
        switch self {
        case .acceptedBeforePublication(let accepted, let published):
            "acceptance at \(accepted) is before the offer was published at \(published)"
        case .currencyMismatch(let base, let bonus):
            "the base is in \(base) but a fixed bonus is in \(bonus)"
        }
    }
}
