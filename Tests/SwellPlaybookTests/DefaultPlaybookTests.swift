import Foundation
import SwellCore
import Testing
@testable import SwellPlaybook

@Suite("The default group-complaint playbook")
struct DefaultPlaybookTests {
    @Test func loadsWithoutErrors() throws {
        do {
            let playbook = try defaultPlaybook()
            #expect(playbook.name == "group-complaint")
            #expect(playbook.timeZone.identifier == "Asia/Shanghai")
        } catch let failure as PlaybookLoadFailure {
            Issue.record("default playbook did not load:\n\(failure)")
        }
    }

    @Test func hasTheFivePhasesOfCompanyPractice() throws {
        let playbook = try defaultPlaybook()
        #expect(playbook.phases.map(\.id) == ["early_warning", "liaison", "monitoring", "settlement", "close"])
        #expect(playbook.tasks.count >= 20)
        #expect(playbook.dailyReportAt == PlaybookLocalTime(hour: 18, minute: 0))
    }

    @Test func warningRulesAndAutoOpen() throws {
        let playbook = try defaultPlaybook()
        #expect(playbook.warning.countRules.map(\.complaints) == [8, 5, 12, 20])
        #expect(playbook.warning.countRules.first?.window == TimeInterval(48 * 3600))
        #expect(playbook.opensIncidentAutomatically(at: .orange))
        #expect(playbook.opensIncidentAutomatically(at: .red))
        #expect(!playbook.opensIncidentAutomatically(at: .yellow))
    }

    @Test func calendarKnowsTheHolidays() throws {
        let calendar = try defaultPlaybook().calendar
        #expect(!calendar.isWorkingDay(try #require(PlaybookLocalDate(parsing: "2026-10-05"))))
        #expect(calendar.isWorkingDay(try #require(PlaybookLocalDate(parsing: "2026-10-10"))))  // make-up Saturday
        #expect(!calendar.isWorkingDay(try #require(PlaybookLocalDate(parsing: "2026-11-21"))))  // a plain Saturday
    }

    @Test func incentiveTiersAre72HoursAnd7Days() throws {
        let playbook = try defaultPlaybook()
        let published = instant("2026-11-20T02:00:00Z")
        let offer = playbook.incentiveOffer(publishedAt: published, base: .init(minorUnits: 100_000, currency: "CNY"))
        #expect(offer.tiers.map(\.endsAt) == [instant("2026-11-23T02:00:00Z"), instant("2026-11-27T02:00:00Z")])
        #expect(offer.tiers.map(\.percentBasisPoints) == [2000, 1000])
        #expect(try offer.evaluate(acceptedAt: instant("2026-11-23T02:00:00Z")).tierIndex == 0)
        #expect(try offer.evaluate(acceptedAt: instant("2026-11-23T02:00:01Z")).tierIndex == 1)
    }

    @Test func theReadmeExampleLoads() throws {
        let readme = try repositoryFile("playbooks/README.md")
        let section = try #require(readme.range(of: "## A complete small playbook"))
        let rest = readme[section.upperBound...]
        let start = try #require(rest.range(of: "```yaml\n"))
        let end = try #require(rest[start.upperBound...].range(of: "```"))
        let playbook = try PlaybookLoader.load(yaml: String(rest[start.upperBound..<end.lowerBound]), file: "README.md")
        #expect(playbook.name == "minimal")
    }

    @Test func summaryLine() throws {
        let summary = try defaultPlaybook().summary
        #expect(summary.hasPrefix("group-complaint v1 (Asia/Shanghai): 5 phases, "))
        #expect(summary.hasSuffix("2 incentive tiers, 9 compensation categories, auto-open at orange"))
    }
}
