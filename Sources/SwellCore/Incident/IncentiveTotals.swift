public import Foundation

/// How an offer is being taken up at one instant: acceptances, payouts per tier, and how long
/// the current tier still runs.
public struct IncentiveTotals: Sendable, Hashable, Codable {
    /// Acceptances and money in one tier (or after every tier, when ``tierIndex`` is `nil`).
    public struct TierTotal: Sendable, Hashable, Codable {
        public let tierIndex: Int?
        public let accepted: Int
        public let bonus: SettlementMoney
        public let payout: SettlementMoney
    }

    /// Complainants the offer was made to.
    public let eligible: Int
    /// Of those, how many accepted by the instant of the totals.
    public let accepted: Int
    /// One entry per tier in order, then one for acceptances after every tier.
    public let byTier: [TierTotal]
    /// The tier an acceptance now would fall in; `nil` before publication and after the last tier.
    public let currentTierIndex: Int?
    /// Seconds until the current tier ends; `nil` before publication and after the last tier.
    public let timeUntilCurrentTierEnds: TimeInterval?

    /// Accepted ÷ eligible; `nil` when nobody is eligible.
    public var acceptanceRate: Double? {
        eligible > 0 ? Double(accepted) / Double(eligible) : nil
    }

    /// All bonuses together.
    public var totalBonus: SettlementMoney {
        sum(byTier.map(\.bonus))
    }

    /// All payouts (base + bonus) together.
    public var totalPayout: SettlementMoney {
        sum(byTier.map(\.payout))
    }

    private func sum(_ amounts: [SettlementMoney]) -> SettlementMoney {
        let currency = amounts.first?.currency ?? "CNY"
        return SettlementMoney(minorUnits: amounts.reduce(0) { $0 + $1.minorUnits }, currency: currency)
    }
}

extension IncentiveOffer {
    /// The totals at `now` for acceptances at the given instants, out of `eligible` complainants.
    /// Acceptances after `now` are not counted yet, so replaying history gives the same answer.
    public func totals(acceptedAt acceptances: [Date], eligible: Int, at now: Date) throws(IncentiveError) -> IncentiveTotals {
        let counted = acceptances.filter { $0 <= now }
        var buckets = Array(repeating: (count: 0, bonus: Int64(0), payout: Int64(0)), count: tiers.count + 1)
        for acceptedAt in counted {
            let result = try evaluate(acceptedAt: acceptedAt)
            let slot = result.tierIndex ?? tiers.count
            buckets[slot].count += 1
            buckets[slot].bonus += result.bonus.minorUnits
            buckets[slot].payout += result.payout.minorUnits
        }
        let byTier = buckets.enumerated().map { slot, bucket in
            IncentiveTotals.TierTotal(
                tierIndex: slot < tiers.count ? slot : nil,
                accepted: bucket.count,
                bonus: SettlementMoney(minorUnits: bucket.bonus, currency: base.currency),
                payout: SettlementMoney(minorUnits: bucket.payout, currency: base.currency))
        }
        return IncentiveTotals(
            eligible: eligible,
            accepted: counted.count,
            byTier: byTier,
            currentTierIndex: now >= publishedAt ? tierIndex(at: now) : nil,
            timeUntilCurrentTierEnds: timeUntilCurrentTierEnds(at: now))
    }
}
