import Foundation
import Testing
@testable import SwellCore

@Suite("Early-acceptance incentive tiers")
struct IncidentIncentiveTests {
    let published = Date(timeIntervalSince1970: 1_800_000_000)
    let hour: TimeInterval = 3600

    /// 72h → 20%, 7d → 10%, afterwards nothing; base 1 000.00 CNY.
    var offer: IncentiveOffer {
        IncentiveOffer(
            publishedAt: published,
            base: SettlementMoney(minorUnits: 100_000, currency: "CNY"),
            tiers: [
                .init(endsAt: published.addingTimeInterval(72 * hour), percentBasisPoints: 2000),
                .init(endsAt: published.addingTimeInterval(7 * 24 * hour), percentBasisPoints: 1000),
            ])
    }

    @Test func exactlyAtTheEndOfTheFirstTierStillEarnsIt() throws {
        let result = try offer.evaluate(acceptedAt: published.addingTimeInterval(72 * hour))
        #expect(result.tierIndex == 0)
        #expect(result.bonus == SettlementMoney(minorUnits: 20_000, currency: "CNY"))
        #expect(result.payout.minorUnits == 120_000)
    }

    @Test func justAfterFallsToTheSecondTier() throws {
        let result = try offer.evaluate(acceptedAt: published.addingTimeInterval(72 * hour + 1))
        #expect(result.tierIndex == 1)
        #expect(result.bonus.minorUnits == 10_000)
    }

    @Test func afterTheLastTierThereIsNoBonus() throws {
        let result = try offer.evaluate(acceptedAt: published.addingTimeInterval(7 * 24 * hour + 1))
        #expect(result.tierIndex == nil)
        #expect(result.bonus.minorUnits == 0)
        #expect(result.payout.minorUnits == 100_000)
    }

    @Test func atPublicationIsTheFirstTier() throws {
        #expect(try offer.evaluate(acceptedAt: published).tierIndex == 0)
    }

    @Test func acceptingBeforePublicationIsAnError() {
        let early = published.addingTimeInterval(-1)
        #expect(throws: IncentiveError.acceptedBeforePublication(acceptedAt: early, publishedAt: published)) {
            try offer.evaluate(acceptedAt: early)
        }
    }

    @Test func fixedBonusIsAddedAndCurrencyChecked() throws {
        let withFixed = IncentiveOffer(
            publishedAt: published, base: SettlementMoney(minorUnits: 100_000, currency: "CNY"),
            tiers: [.init(endsAt: published.addingTimeInterval(hour), percentBasisPoints: 500,
                          fixed: SettlementMoney(minorUnits: 20_000, currency: "CNY"))])
        #expect(try withFixed.evaluate(acceptedAt: published).bonus.minorUnits == 25_000)
        let mismatched = IncentiveOffer(
            publishedAt: published, base: SettlementMoney(minorUnits: 100_000, currency: "CNY"),
            tiers: [.init(endsAt: published.addingTimeInterval(hour), percentBasisPoints: 0,
                          fixed: SettlementMoney(minorUnits: 1, currency: "USD"))])
        #expect(throws: IncentiveError.currencyMismatch(base: "CNY", bonus: "USD")) {
            try mismatched.evaluate(acceptedAt: published)
        }
    }

    @Test func totalsCountTiersRateAndTimeLeft() throws {
        let acceptances = [
            published.addingTimeInterval(hour),
            published.addingTimeInterval(72 * hour),
            published.addingTimeInterval(80 * hour),
            published.addingTimeInterval(200 * hour),  // after `now`: not counted yet
        ]
        let now = published.addingTimeInterval(100 * hour)
        let totals = try offer.totals(acceptedAt: acceptances, eligible: 10, at: now)
        #expect(totals.accepted == 3)
        #expect(totals.acceptanceRate == 0.3)
        #expect(totals.byTier.map(\.accepted) == [2, 1, 0])
        #expect(totals.byTier.map(\.tierIndex) == [0, 1, nil])
        #expect(totals.totalBonus.minorUnits == 50_000)
        #expect(totals.totalPayout.minorUnits == 350_000)
        #expect(totals.currentTierIndex == 1)
        #expect(totals.timeUntilCurrentTierEnds == 68 * hour)
    }

    @Test func percentagesRoundHalfAwayFromZero() {
        let base = SettlementMoney(minorUnits: 12_345, currency: "CNY")
        #expect(base.percentage(basisPoints: 1000).minorUnits == 1235)  // 1234.5 → 1235
        #expect(base.percentage(basisPoints: 333).minorUnits == 411)    // 411.0885 → 411
        #expect(base.description == "123.45 CNY")
        #expect(SettlementMoney(minorUnits: 5, currency: "JPY").description == "5 JPY")
        #expect(SettlementMoney(minorUnits: -7, currency: "CNY").description == "-0.07 CNY")
    }
}

@Suite("Money arithmetic saturates")
struct SettlementMoneyLimitTests {
    @Test func hugeAmountsSaturateInsteadOfTrapping() {
        let huge = SettlementMoney(minorUnits: .max / 2, currency: "CNY")
        #expect(huge.percentage(basisPoints: 100_000).minorUnits == .max)
        #expect(huge.times(3).minorUnits == .max)
        #expect(huge.plus(huge)?.minorUnits == Int64.max - 1)
        #expect(SettlementMoney.sum([huge, huge, huge], currency: "CNY").minorUnits == .max)
        #expect(SettlementMoney(minorUnits: .min, currency: "CNY").times(2).minorUnits == .min)
    }

    @Test func sumIgnoresOtherCurrencies() {
        let amounts = [SettlementMoney(minorUnits: 100, currency: "CNY"), SettlementMoney(minorUnits: 5, currency: "USD")]
        #expect(SettlementMoney.sum(amounts, currency: "cny") == SettlementMoney(minorUnits: 100, currency: "CNY"))
    }
}
