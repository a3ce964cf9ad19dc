import Testing
import SwellCore
@testable import SwellPlaybook

@Suite("Compensation after the national standard")
struct CompensationTests {
    func cny(_ yuan: Int64) -> SettlementMoney { SettlementMoney(minorUnits: yuan * 100, currency: "CNY") }

    @Test func downgradedAccommodationPaysTheDifferencePlusTheSameAgain() throws {
        let table = try defaultPlaybook().compensation
        let award = try table.award(for: CompensationCase(category: "downgraded_service", amount: cny(300)))
        #expect(award.refund == cny(300))
        #expect(award.penalty == cny(300))
        #expect(award.total == cny(600))
    }

    @Test func forcedShoppingPaysTwentyPercentOfTheTourPriceEachTime() throws {
        let table = try defaultPlaybook().compensation
        let award = try table.award(for: CompensationCase(category: "forced_shopping", tourPrice: cny(5000), occurrences: 2))
        #expect(award.refund == cny(0))
        #expect(award.penalty == cny(2000))
    }

    @Test func skippedAttractionPaysItsPricePlusTheSameAgain() throws {
        let table = try defaultPlaybook().compensation
        #expect(try table.award(for: CompensationCase(category: "skipped_attraction", amount: cny(180))).total == cny(360))
    }

    @Test func suspendedServiceRefundsCostsAndThirtyPercentOfTheTour() throws {
        let table = try defaultPlaybook().compensation
        let award = try table.award(for: CompensationCase(category: "service_suspended", amount: cny(400), tourPrice: cny(6000)))
        #expect(award.total == cny(400 + 1800))
    }

    @Test func upliftAppliesToTheStatutoryTotal() throws {
        let rule = CompensationRule(
            category: "downgraded_service", title: BilingualText(zh: "降低标准", en: "Downgrade"),
            refundsAmount: true, penalty: .init(basisPoints: 10_000, of: .amount))
        let table = CompensationTable(currency: "CNY", upliftBasisPoints: 1000, rules: [rule])
        let award = try table.award(for: CompensationCase(category: "downgraded_service", amount: cny(300)))
        #expect(award.uplift == cny(60))
        #expect(award.total == cny(660))
    }

    @Test func missingInputsAndUnknownCategoriesAreTypedErrors() throws {
        let table = try defaultPlaybook().compensation
        #expect(throws: CompensationError.missingTourPrice(category: "forced_shopping")) {
            try table.award(for: CompensationCase(category: "forced_shopping"))
        }
        #expect(throws: CompensationError.missingAmount(category: "downgraded_service")) {
            try table.award(for: CompensationCase(category: "downgraded_service", tourPrice: cny(1)))
        }
        #expect(throws: CompensationError.wrongCurrency(expected: "CNY", found: "USD")) {
            try table.award(for: CompensationCase(category: "forced_shopping", tourPrice: SettlementMoney(minorUnits: 1, currency: "USD")))
        }
        #expect(throws: CompensationError.self) { try table.award(for: CompensationCase(category: "bad_weather")) }
        #expect(throws: CompensationError.invalidOccurrences(0)) {
            try table.award(for: CompensationCase(category: "forced_shopping", tourPrice: cny(1), occurrences: 0))
        }
    }
}
