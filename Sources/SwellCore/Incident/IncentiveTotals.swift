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
    /// The collective bonus, when the offer has one.
    public let collective: CollectiveBonusTotal?

    /// Accepted ÷ eligible; `nil` when nobody is eligible.
    public var acceptanceRate: Double? {
        eligible > 0 ? Double(accepted) / Double(eligible) : nil
    }

    /// All bonuses together, the collective one included.
    public var totalBonus: SettlementMoney {
        SettlementMoney.sum(byTier.map(\.bonus) + [collective?.total].compactMap { $0 }, currency: currency)
    }

    /// All payouts (base + bonuses) together.
    public var totalPayout: SettlementMoney {
        SettlementMoney.sum(byTier.map(\.payout) + [collective?.total].compactMap { $0 }, currency: currency)
    }

    /// The offer's currency.
    private var currency: String { byTier.first?.payout.currency ?? "CNY" }
}

extension IncentiveOffer {
    /// The totals at `now` for acceptances at the given instants, out of `eligible` complainants.
    /// Acceptances after `now` are not counted yet, so replaying history gives the same answer.
    public func totals(acceptedAt acceptances: [Date], eligible: Int, at now: Date) throws(IncentiveError) -> IncentiveTotals {
        let counted = acceptances.filter { $0 <= now }
        var buckets = Array(repeating: [IncentiveAcceptance](), count: tiers.count + 1)
        for acceptedAt in counted {
            let result = try evaluate(acceptedAt: acceptedAt)
            buckets[result.tierIndex ?? tiers.count].append(result)
        }
        let byTier = buckets.enumerated().map { slot, results in
            IncentiveTotals.TierTotal(
                tierIndex: slot < tiers.count ? slot : nil,
                accepted: results.count,
                bonus: SettlementMoney.sum(results.map(\.bonus), currency: base.currency),
                payout: SettlementMoney.sum(results.map(\.payout), currency: base.currency))
        }
        var collectiveTotal: CollectiveBonusTotal?
        if let collective {
            let each = try collective.amount(base: base)
            let reached = collective.reachedAt(acceptances: counted, eligible: eligible, at: now)
            collectiveTotal = CollectiveBonusTotal(
                threshold: collective.threshold(eligible: eligible), reachedAt: reached, perComplainant: each,
                total: reached == nil ? .zero(base.currency) : each.times(counted.count))
        }
        return IncentiveTotals(
            eligible: eligible,
            accepted: counted.count,
            byTier: byTier,
            currentTierIndex: now >= publishedAt ? tierIndex(at: now) : nil,
            timeUntilCurrentTierEnds: timeUntilCurrentTierEnds(at: now),
            collective: collectiveTotal)
    }
}
