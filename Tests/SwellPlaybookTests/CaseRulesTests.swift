import Foundation
import SwellCore
import Testing

@testable import SwellPlaybook

/// The playbook's `cases` section and the deadlines it gives each case.
@Suite("Case rules")
struct CaseRulesTests {
    @Test func theDefaultPlaybookNamesTheAuthoritiesPeriods() throws {
        let rules = try defaultPlaybook().cases
        #expect(rules.acknowledge.description == "1h")
        #expect(rules.answerPeriod(of: "12315").description == "7wd")
        #expect(rules.answerPeriod(of: "12301").description == "10d")
        #expect(rules.answerPeriod(of: "unknown bureau") == rules.otherReferral)
    }

    @Test func aPlaybookWithoutTheSectionGetsTheStandardPeriods() throws {
        let playbook = try PlaybookLoader.load(yaml: minimalPlaybookYAML, file: "minimal.yaml")
        #expect(playbook.cases == .standard)
    }

    @Test func personalDataIsKeptThreeYearsUnlessThePlaybookSaysOtherwise() throws {
        #expect(try defaultPlaybook().cases.retainPersonalData?.description == "1095d")
        let forever = try PlaybookLoader.load(yaml: minimalPlaybookYAML + "\ncases:\n  retainPersonalData: forever\n", file: "m.yaml")
        #expect(forever.cases.retainPersonalData == nil)
        let twoYears = try PlaybookLoader.load(yaml: minimalPlaybookYAML + "\ncases:\n  retainPersonalData: 104w\n", file: "m.yaml")
        #expect((twoYears.cases.retainPersonalData?.windowSeconds ?? 0) == 104.0 * 7 * 86_400)
        for tooShort in ["10d", "5wd", "2h"] {
            let errors = loadErrors(minimalPlaybookYAML + "\ncases:\n  retainPersonalData: \(tooShort)\n")
            #expect(errors.first?.path == "cases.retainPersonalData", "\(tooShort)")
        }
    }

    @Test func anAcknowledgementLongerThanADayIsRefused() {
        let errors = loadErrors(minimalPlaybookYAML + "\ncases:\n  acknowledge: 2d\n")
        #expect(errors.count == 1)
        #expect(errors.first?.path == "cases.acknowledge")
        #expect(errors.first?.description.contains("at most 24h") == true)
    }

    @Test func aRepeatedAuthorityAndAnUnknownKeyAreRefused() {
        let repeated = loadErrors(minimalPlaybookYAML + """

            cases:
              referrals:
                - { authority: "12315", answer: 7wd }
                - { authority: "12315", answer: 5wd }
            """)
        #expect(repeated.count == 1)
        let typo = loadErrors(minimalPlaybookYAML + "\ncases:\n  acknowlege: 1h\n")
        #expect(typo.first?.description.contains("acknowledge") == true)
    }

    /// Received on Friday 2026-07-03 10:00 Shanghai: working days skip the weekend, a referral counts from
    /// when it reached the company, and a reopening restarts the answer and close periods.
    @Test func deadlinesFollowTheCalendarAndRestartOnReopening() throws {
        let playbook = try defaultPlaybook()
        let received = instant("2026-07-03T02:00:00Z")
        var complaintCase = ComplaintCase(complaintId: ComplaintID(9))
        complaintCase.referral = CaseReferral(authority: "12315", referenceNo: "SH-2026-0042", receivedAt: instant("2026-07-06T01:00:00Z"))
        let deadlines = playbook.cases.deadlines(of: complaintCase, receivedAt: received, calendar: playbook.calendar)
        let due = Dictionary(uniqueKeysWithValues: deadlines.map { ($0.kind, $0.dueAt) })
        #expect(due[.acknowledge] == instant("2026-07-03T03:00:00Z"))
        // 5 working days after Friday 3 July: Mon 6 … Fri 10 July, ending at 24:00 Shanghai.
        #expect(due[.answer] == instant("2026-07-10T16:00:00Z"))
        // 7 working days after Monday 6 July (the referral's day): Tue 7 … Wed 15 July.
        #expect(due[.authorityAnswer] == instant("2026-07-15T16:00:00Z"))
        #expect(deadlines.first { $0.kind == .authorityAnswer }?.authority == "12315")
        #expect(due[.followUpVisit] == nil, "no visit is owed before closing")
        #expect(deadlines.allSatisfy { $0.metAt == nil })
        #expect(deadlines.first { $0.kind == .acknowledge }?.isOverdue(at: instant("2026-07-03T03:00:01Z")) == true)

        let answeredAt = instant("2026-07-07T02:00:00Z")
        let closedAt = instant("2026-07-08T02:00:00Z")
        let closed = try complaintCase.moving(to: .answered, at: answeredAt, by: "li").moving(to: .closed, at: closedAt, by: "li")
        let afterClosing = playbook.cases.deadlines(of: closed, receivedAt: received, calendar: playbook.calendar)
        #expect(afterClosing.first { $0.kind == .answer }?.metAt == answeredAt)
        #expect(afterClosing.first { $0.kind == .authorityAnswer }?.metAt == answeredAt)
        #expect(afterClosing.first { $0.kind == .followUpVisit }?.dueAt == instant("2026-07-15T02:00:00Z"))

        let reopenedAt = instant("2026-07-13T02:00:00Z")
        let reopened = try closed.moving(to: .reopened, at: reopenedAt, by: "li")
        let again = playbook.cases.deadlines(of: reopened, receivedAt: received, calendar: playbook.calendar)
        #expect(again.first { $0.kind == .answer }?.metAt == nil, "the earlier answer does not meet the new period")
        #expect(again.first { $0.kind == .answer }?.dueAt == instant("2026-07-20T16:00:00Z"))
        #expect(again.first { $0.kind == .acknowledge }?.metAt == answeredAt)
    }
}

/// The collective bonus of the incentives section.
@Suite("Collective bonus rule")
struct CollectiveBonusRuleTests {
    @Test func theDefaultPlaybookRewardsTheGroupAtNinetyPercentWithinTwoWeeks() throws {
        let playbook = try defaultPlaybook()
        let collective = try #require(playbook.incentives.collective)
        #expect(collective.shareBasisPoints == 9_000 && collective.percentBasisPoints == 500)
        #expect(collective.within?.description == "14d")
        let offer = playbook.incentiveOffer(publishedAt: instant("2026-07-01T04:00:00Z"), base: SettlementMoney(minorUnits: 100, currency: "CNY"))
        #expect(offer.collective?.endsAt == instant("2026-07-15T04:00:00Z"))
    }

    @Test func aShareOfNothingOrAboveAllIsRefused() {
        let tiers = "    - { within: 7d, percent: 10 }      # 26"
        for share in ["0%", "150%"] {
            let yaml = minimalPlaybookYAML.replacingOccurrences(
                of: tiers, with: tiers + "\n  collective: { share: \(share), percent: 5 }")
            let errors = loadErrors(yaml)
            #expect(errors.count == 1, "share \(share)")
            #expect(errors.first?.path == "incentives.collective.share")
        }
    }
}
