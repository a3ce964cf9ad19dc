import Foundation
import Testing
@testable import SwellPlaybook

@Suite("Loader errors say where and what")
struct PlaybookLoaderErrorTests {
    @Test func minimalPlaybookLoads() {
        #expect(loadErrors(minimalPlaybookYAML).isEmpty)
    }

    @Test func badDurationPointsAtItsLine() throws {
        let errors = loadErrors(minimalPlaybook(replacingLine: 5, with: "  window: 48"))
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.line == 5)
        #expect(error.column == 11)
        #expect(error.path == "warning.window")
        #expect(error.description.contains("test.yaml:5:11"))
        #expect(error.description.contains("no unit"))
        #expect(error.description.contains("m, h, d, w or wd"))
    }

    @Test func badDurationInsideADue() throws {
        let error = try #require(loadErrors(minimalPlaybook(replacingLine: 15, with: "        due: 1 hour after warning")).first)
        #expect(error.line == 15)
        #expect(error.path == "phases[0].tasks[0].due")
    }

    @Test func unknownKeyIsAnErrorWithASuggestion() throws {
        let error = try #require(loadErrors(minimalPlaybook(replacingLine: 14, with: "        onwer: incident_manager")).first)
        #expect(error.line == 14)
        #expect(error.column == 9)
        guard case .unknownKey("onwer", _, let suggestion) = error.problem else {
            Issue.record("expected an unknown key, got \(error.problem)")
            return
        }
        #expect(suggestion == "owner")
        #expect(error.description.contains("did you mean \"owner\""))
    }

    @Test func unknownTopLevelKey() throws {
        let error = try #require(loadErrors(minimalPlaybookYAML + "\ndailyReports: {}\n").first)
        #expect(error.line == 35)
        #expect(error.problem == .unknownKey("dailyReports", allowed: PlaybookLoader.topLevelKeys, suggestion: "dailyReport"))
    }

    @Test func anUnknownTopLevelKeyDoesNotHideOtherSections() {
        let yaml = minimalPlaybook(replacingLine: 5, with: "  window: 48").replacingOccurrences(of: "autoOpen:", with: "autoOpn:")
        let errors = loadErrors(yaml)
        #expect(errors.map(\.line) == [5, 6])
        #expect(errors.last?.problem == .unknownKey("autoOpn", allowed: PlaybookLoader.topLevelKeys, suggestion: "autoOpen"))
    }

    @Test func aMisspeltSectionIsStillChecked() {
        let yaml = minimalPlaybook(replacingLine: 7, with: "  atLevel: purple").replacingOccurrences(of: "autoOpen:", with: "autoOpn:")
        #expect(loadErrors(yaml).map(\.line) == [6, 7])
    }

    @Test func unknownRoleListsTheRoles() throws {
        let error = try #require(loadErrors(minimalPlaybook(replacingLine: 14, with: "        owner: manager")).first)
        #expect(error.line == 14)
        #expect(error.path == "phases[0].tasks[0].owner")
        #expect(error.description.contains("admin, incident_manager, intake, pr, executive"))
    }

    @Test func missingFieldPointsAtTheMapping() throws {
        let error = try #require(loadErrors(minimalPlaybook(replacingLine: 14, with: "")).first)
        #expect(error.problem == .missingField("owner"))
        #expect(error.line == 12)  // where the task's mapping starts
        #expect(error.path == "phases[0].tasks[0].owner")
    }

    @Test func missingSectionIsReported() throws {
        let errors = loadErrors(minimalPlaybook(replacingLine: 1, with: "# no name"))
        #expect(errors.map(\.problem) == [.missingField("name")])
    }

    @Test func severalProblemsAreAllReportedInLineOrder() {
        var yaml = minimalPlaybook(replacingLine: 5, with: "  window: 2 days")
        yaml = yaml.replacingOccurrences(of: "owner: incident_manager        # 21", with: "owner: boss")
        yaml = yaml.replacingOccurrences(of: "percent: 20 }", with: "percentage: 20 }")
        #expect(loadErrors(yaml).map(\.line) == [5, 21, 25])
    }

    @Test func duplicateTaskIdsAreRejected() throws {
        let error = try #require(loadErrors(minimalPlaybook(replacingLine: 19, with: "      - id: notify_leadership")).first)
        #expect(error.line == 19)
        #expect(error.problem == .duplicateId("notify_leadership", firstLine: 12))
    }

    @Test func phaseReferencesMustExist() throws {
        let error = try #require(loadErrors(minimalPlaybook(replacingLine: 15, with: "        due: 2h after phase_started:liason")).first)
        #expect(error.line == 15)
        #expect(error.problem == .unknownPhase("liason", known: ["early_warning", "monitoring"]))
    }

    @Test func aTaskNeedsDueOrRepeatButNotBoth() throws {
        let neither = try #require(loadErrors(minimalPlaybook(replacingLine: 22, with: "")).first)
        #expect(neither.problem == .missingField("due (or repeat)"))
        let both = minimalPlaybookYAML.replacingOccurrences(
            of: "repeat: every day at 18:00     # 22", with: "repeat: every day at 18:00\n        due: 1h after warning")
        #expect(loadErrors(both).first?.line == 22)
    }

    @Test func badRecurrenceSaysWhatIsAccepted() throws {
        let error = try #require(loadErrors(minimalPlaybook(replacingLine: 22, with: "        repeat: daily at 6pm")).first)
        #expect(error.line == 22)
        #expect(error.description.contains("every day at HH:MM"))
    }

    @Test func tiersMustGrow() throws {
        let error = try #require(loadErrors(minimalPlaybook(replacingLine: 26, with: "    - { within: 3d, percent: 10 }")).first)
        #expect(error.line == 26)
    }

    @Test func badPenaltyAndPercent() {
        #expect(loadErrors(minimalPlaybook(replacingLine: 32, with: "      penalty: 20 of tour_price")).first?.line == 32)
        #expect(loadErrors(minimalPlaybook(replacingLine: 25, with: "    - { within: 72h, percent: 12.345 }")).first?.line == 25)
    }

    @Test func yamlSyntaxErrorHasALine() throws {
        let error = try #require(loadErrors(minimalPlaybook(replacingLine: 10, with: "    title: { zh: 预警, en: Warning")).first)
        guard case .yamlSyntax = error.problem else {
            Issue.record("expected a syntax error, got \(error.problem)")
            return
        }
        #expect(error.line != nil)
    }

    @Test func duplicateKeysAreRejected() {
        let yaml = minimalPlaybook(replacingLine: 2, with: "name: twice")
        #expect(loadErrors(yaml).count == 1)
    }

    @Test func emptyDocumentIsAnError() {
        #expect(loadErrors("").count == 1)
        #expect(loadErrors("# only a comment\n").count == 1)
    }

    @Test func wrongShapeSaysWhatWasFound() throws {
        let yaml = minimalPlaybook(replacingLine: 7, with: "").replacingOccurrences(of: "autoOpen: ", with: "autoOpen: orange")
        let error = try #require(loadErrors(yaml).first)
        #expect(error.line == 6)
        #expect(error.problem == .wrongShape(found: "the text \"orange\"", expected: "a mapping with keys atLevel"))
    }
}
