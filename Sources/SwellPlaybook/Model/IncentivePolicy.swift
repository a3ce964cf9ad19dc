public import Foundation
public import SwellCore

/// Tiered early-acceptance incentives (奖励配合): accepting the settlement offer soon after it is
/// published earns a bonus; the earlier tier pays more; after the last tier there is none.
public struct IncentivePolicy: Sendable, Equatable {
    /// One tier: acceptances up to ``within`` after publication (inclusive) earn this bonus.
    public struct Tier: Sendable, Equatable {
        /// How long after publication the tier lasts, counted from the publication instant.
        public let within: PlaybookDuration
        /// Bonus as a share of the complainant's base settlement, in basis points (10% = 1000).
        public let percentBasisPoints: Int
        /// A fixed bonus on top of the percentage, if any.
        public let fixed: SettlementMoney?

        public init(within: PlaybookDuration, percentBasisPoints: Int, fixed: SettlementMoney? = nil) {
            self.within = within
            self.percentBasisPoints = percentBasisPoints
            self.fixed = fixed
        }
    }

    /// A bonus for everyone who accepted, once a share of the group has (``CollectiveBonus``).
    public struct Collective: Sendable, Equatable {
        /// The share of eligible complainants, in basis points (90% = 9000).
        public let shareBasisPoints: Int
        public let percentBasisPoints: Int
        public let fixed: SettlementMoney?
        /// The share must be reached within this time of publication; nil: any time.
        public let within: PlaybookDuration?

        public init(shareBasisPoints: Int, percentBasisPoints: Int, fixed: SettlementMoney?, within: PlaybookDuration?) {
            self.shareBasisPoints = shareBasisPoints
            self.percentBasisPoints = percentBasisPoints
            self.fixed = fixed
            self.within = within
        }
    }

    /// Tiers in order; each one ends later than the one before.
    public let tiers: [Tier]
    public let collective: Collective?

    public init(tiers: [Tier], collective: Collective? = nil) {
        self.tiers = tiers
        self.collective = collective
    }

    /// The concrete offer for a publication instant and a base amount, tier ends resolved in `calendar`.
    public func offer(publishedAt: Date, base: SettlementMoney, calendar: PlaybookCalendar) -> IncentiveOffer {
        IncentiveOffer(
            publishedAt: publishedAt,
            base: base,
            tiers: tiers.map { tier in
                IncentiveOffer.Tier(
                    endsAt: calendar.adding(tier.within, to: publishedAt),
                    percentBasisPoints: tier.percentBasisPoints,
                    fixed: tier.fixed)
            },
            collective: collective.map { rule in
                CollectiveBonus(
                    shareBasisPoints: rule.shareBasisPoints, percentBasisPoints: rule.percentBasisPoints, fixed: rule.fixed,
                    endsAt: rule.within.map { calendar.adding($0, to: publishedAt) })
            })
    }
}
