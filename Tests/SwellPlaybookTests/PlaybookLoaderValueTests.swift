import Foundation
import Testing
import SwellCore
@testable import SwellPlaybook

@Suite("Loader values: calendar, money, recurrences, anchors")
struct PlaybookLoaderValueTests {
    func load(_ yaml: String) throws -> Playbook {
        try PlaybookLoader.load(yaml: yaml, file: "test.yaml")
    }

    @Test func calendarSectionWithRangesAndMakeUpDays() throws {
        let yaml = minimalPlaybookYAML + """

        timeZone: Europe/Berlin
        calendar:
          weekend: [friday, saturday]
          holidays: [2026-12-24..2026-12-26, 2026-12-31]
          workingDays: [2026-12-19]
        """
        let calendar = try load(yaml).calendar
        #expect(calendar.timeZone.identifier == "Europe/Berlin")
        #expect(calendar.weekend == [.friday, .saturday])
        #expect(calendar.holidays.count == 4)
        #expect(calendar.extraWorkingDays.map(\.description) == ["2026-12-19"])
    }

    @Test(arguments: [
        ("timeZone: Mars/Olympus", 35),
        ("calendar: { weekend: [funday] }", 35),
        ("calendar: { holidays: [2026-12-26..2026-12-24] }", 35),
        ("calendar: { holidays: [2026-13-01] }", 35),
        ("calendar: { holyday: [] }", 35),
    ])
    func badCalendarValuesAreLocated(extra: String, line: Int) {
        let errors = loadErrors(minimalPlaybookYAML + "\n" + extra)
        #expect(errors.count == 1)
        #expect(errors.first?.line == line)
    }

    @Test func fixedBonusesParseToMinorUnits() throws {
        let yaml = minimalPlaybook(replacingLine: 25, with: "    - { within: 72h, percent: 12.5, fixed: 199.50 CNY }")
        let tier = try #require(try load(yaml).incentives.tiers.first)
        #expect(tier.percentBasisPoints == 1250)
        #expect(tier.fixed == SettlementMoney(minorUnits: 19_950, currency: "CNY"))
    }

    @Test(arguments: ["199.505 CNY", "200 cny", "CNY 200", "200", "-5 CNY", "1e3 CNY"])
    func badMoneyIsRejected(money: String) {
        let yaml = minimalPlaybook(replacingLine: 25, with: "    - { within: 72h, fixed: \(money) }")
        #expect(loadErrors(yaml).first?.line == 25)
    }

    @Test func recurrenceForms() throws {
        let working = minimalPlaybook(replacingLine: 22, with: "        repeat: every working day at 9:30")
        let task = try #require(try load(working).phases.last?.tasks.first)
        #expect(task.timing == .recurring(.workingDays(at: try #require(PlaybookLocalTime(hour: 9, minute: 30))),
                                          from: .phaseStarted("monitoring"), until: nil))
        let interval = minimalPlaybook(replacingLine: 22, with: "        repeat: every 12h\n        from: offer_published\n        until: phase_started:early_warning")
        let every = try #require(try load(interval).phases.last?.tasks.first)
        #expect(every.timing == .recurring(.interval(try PlaybookDuration(parsing: "12h")), from: .offerPublished,
                                           until: .phaseStarted("early_warning")))
        #expect(loadErrors(minimalPlaybook(replacingLine: 22, with: "        repeat: every 2wd")).first?.line == 22)
        #expect(loadErrors(minimalPlaybook(replacingLine: 22, with: "        repeat: every 0h")).first?.line == 22)
    }

    @Test func fromAndUntilAreOnlyForRecurringTasks() {
        let from = minimalPlaybook(replacingLine: 15, with: "        due: 1h after warning\n        from: warning")
        #expect(loadErrors(from).first?.line == 16)
        let until = minimalPlaybook(replacingLine: 15, with: "        due: 1h after warning\n        until: warning")
        #expect(loadErrors(until).first?.line == 16)
    }

    @Test func untilMustNameAKnownPhase() {
        let yaml = minimalPlaybook(replacingLine: 22, with: "        repeat: every day at 18:00\n        until: phase_started:closing")
        #expect(loadErrors(yaml).first?.problem == .unknownPhase("closing", known: ["early_warning", "monitoring"]))
    }

    @Test func autoOpenCanBeNever() throws {
        let playbook = try load(minimalPlaybook(replacingLine: 7, with: "  atLevel: never"))
        #expect(playbook.autoOpen.atLevel == nil)
        #expect(!playbook.opensIncidentAutomatically(at: .red))
    }

    @Test func levelRulesNeedACondition() {
        let yaml = minimalPlaybook(replacingLine: 5, with: "  window: 48h\n  levels:\n    - { level: red }")
        let error = loadErrors(yaml).first
        #expect(error?.line == 7)
        #expect(error?.path == "warning.levels[0]")
    }

    @Test func unknownSignalIsRejected() {
        let yaml = minimalPlaybook(replacingLine: 5, with: "  window: 48h\n  levels:\n    - { level: red, signals: [fire] }")
        #expect(loadErrors(yaml).first?.description.contains("regulator_referral") == true)
    }

    @Test func idsMustBeSnakeCase() {
        #expect(loadErrors(minimalPlaybook(replacingLine: 12, with: "      - id: Notify-Leadership")).first?.line == 12)
    }

    @Test func dataThatIsNotUTF8IsAnError() {
        #expect(throws: PlaybookLoadFailure.self) {
            try PlaybookLoader.load(data: Data([0xff, 0xfe, 0x00]), file: "bad.yaml")
        }
    }

    @Test func advisoriesFlagStaleHolidaysAndMissingReportTask() throws {
        let playbook = try load(minimalPlaybookYAML)
        let advisories = playbook.advisories(today: try #require(PlaybookLocalDate(parsing: "2026-11-23")))
        #expect(advisories == [.noHolidaysListed(year: 2026), .noHolidaysListed(year: 2027)])
        let defaults = try defaultPlaybook().advisories(today: try #require(PlaybookLocalDate(parsing: "2026-06-01")))
        #expect(defaults.isEmpty)
    }
}

@Suite("YAML anchors and aliases")
struct PlaybookAliasTests {
    @Test func aliasesAreFollowed() throws {
        let yaml = minimalPlaybook(replacingLine: 10, with: "    title: &shared { zh: 预警, en: Warning }")
            .replacingOccurrences(of: "title: { zh: 监控, en: Monitor }", with: "title: *shared")
        let playbook = try PlaybookLoader.load(yaml: yaml, file: "test.yaml")
        #expect(playbook.phases.last?.title.en == "Warning")
    }
}
