import Foundation
import Testing

@testable import SwellCore

/// The collective bonus and the tier arithmetic as properties: never negative, monotone in time, the same
/// answer from a stored (re-read) offer.
@Suite("Collective bonus")
struct CollectiveBonusTests {
    static let published = RFC3339.parse("2026-07-01T04:00:00Z")!
    static let base = SettlementMoney(minorUnits: 100_000, currency: "CNY")

    static func offer(share: Int = 9_000, endsAfterHours: Double? = 14 * 24) -> IncentiveOffer {
        IncentiveOffer(
            publishedAt: published, base: base,
            tiers: [
                .init(endsAt: published.addingTimeInterval(72 * 3600), percentBasisPoints: 2_000),
                .init(endsAt: published.addingTimeInterval(7 * 86_400), percentBasisPoints: 1_000),
            ],
            collective: CollectiveBonus(
                shareBasisPoints: share, percentBasisPoints: 500, fixed: nil,
                endsAt: endsAfterHours.map { published.addingTimeInterval($0 * 3600) }))
    }

    @Test func theThresholdIsTheShareRoundedUpAndAtLeastOne() {
        let bonus = CollectiveBonus(shareBasisPoints: 9_000, percentBasisPoints: 500, fixed: nil, endsAt: nil)
        #expect(bonus.threshold(eligible: 10) == 9)
        #expect(bonus.threshold(eligible: 11) == 10)
        #expect(bonus.threshold(eligible: 1) == 1)
        #expect(bonus.threshold(eligible: 0) == 1)
        #expect(CollectiveBonus(shareBasisPoints: 10_000, percentBasisPoints: 1, fixed: nil, endsAt: nil).threshold(eligible: 7) == 7)
    }

    @Test func onceReachedEveryAcceptanceGetsItAndLateReachingDoesNot() throws {
        let offer = Self.offer()
        let hours = { (n: Double) in Self.published.addingTimeInterval(n * 3600) }
        let nine = (1...9).map { hours(Double($0)) }
        let before = try offer.totals(acceptedAt: Array(nine.prefix(8)), eligible: 10, at: hours(100))
        #expect(before.collective?.reachedAt == nil)
        #expect(before.collective?.total.minorUnits == 0)
        let after = try offer.totals(acceptedAt: nine, eligible: 10, at: hours(100))
        #expect(after.collective?.reachedAt == hours(9))
        #expect(after.collective?.perComplainant.minorUnits == 5_000)
        #expect(after.collective?.total.minorUnits == 45_000)
        #expect(after.totalPayout.minorUnits == 9 * 120_000 + 45_000)
        // The ninth acceptance after the 14 days: the share was not reached in time
        let late = try offer.totals(acceptedAt: Array(nine.prefix(8)) + [hours(15 * 24)], eligible: 10, at: hours(16 * 24))
        #expect(late.collective?.reachedAt == nil)
    }

    /// Over many random histories: every amount is non-negative, the payout never falls as time passes, and the
    /// offer read back from its stored JSON gives the same totals (a restart changes nothing).
    @Test func totalsAreNonNegativeMonotoneAndTheSameAfterARestart() throws {
        var generator = SplitMix(seed: 7)
        let encoder = JSONEncoder()
        for _ in 0..<200 {
            let offer = Self.offer(
                share: Int.random(in: 1...10_000, using: &generator),
                endsAfterHours: Bool.random(using: &generator) ? Double.random(in: 1...400, using: &generator) : nil)
            let eligible = Int.random(in: 0...30, using: &generator)
            let acceptances = (0..<Int.random(in: 0...30, using: &generator)).map { _ in
                Self.published.addingTimeInterval(Double.random(in: 0...(20 * 86_400), using: &generator))
            }
            let stored = try JSONDecoder().decode(IncentiveOffer.self, from: try encoder.encode(offer))
            #expect(stored == offer)
            var previous: Int64 = 0
            for step in 0...20 {
                let now = Self.published.addingTimeInterval(Double(step) * 86_400)
                let totals = try offer.totals(acceptedAt: acceptances, eligible: eligible, at: now)
                #expect(totals == (try stored.totals(acceptedAt: acceptances.shuffled(using: &generator), eligible: eligible, at: now)))
                #expect(totals.totalBonus.minorUnits >= 0 && totals.totalPayout.minorUnits >= 0)
                #expect(totals.byTier.allSatisfy { $0.bonus.minorUnits >= 0 && $0.accepted >= 0 })
                #expect(totals.totalPayout.minorUnits >= previous, "the payout never falls as time passes")
                previous = totals.totalPayout.minorUnits
            }
        }
    }
}
