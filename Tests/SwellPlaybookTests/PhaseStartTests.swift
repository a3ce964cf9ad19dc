import Foundation
import SwellCore
import Testing
@testable import SwellPlaybook

@Suite("Phases start from the incident's states")
struct PhaseStartTests {
    let opened = instant("2026-11-20T01:30:00Z")
    let responding = instant("2026-11-20T02:00:00Z")
    let settling = instant("2026-11-22T02:00:00Z")

    @Test func defaultPhasesStartWithTheirStates() throws {
        let starts = try defaultPlaybook().phaseStarts(history: [(.open, opened), (.responding, responding), (.settling, settling)])
        #expect(starts == [
            "early_warning": opened, "liaison": opened, "monitoring": responding, "settlement": settling,
        ])
    }

    @Test func aSkippedStateStillStartsItsPhase() throws {
        let yaml = minimalPlaybook(replacingLine: 17, with: "    title: { zh: 监控, en: Monitor }\n    startsWhen: monitoring")
        let playbook = try PlaybookLoader.load(yaml: yaml, file: "test.yaml")
        let starts = playbook.phaseStarts(history: [(.open, opened), (.responding, responding), (.settling, settling)])
        #expect(starts == ["monitoring": settling])  // early_warning has no startsWhen: started by hand
    }

    @Test func aFalseAlarmStartsOnlyTheOpeningPhases() throws {
        let starts = try defaultPlaybook().phaseStarts(history: [(.open, opened), (.closed, responding)])
        #expect(starts == ["early_warning": opened, "liaison": opened])
    }

    @Test func phaseStartsFeedTheSchedule() throws {
        let playbook = try defaultPlaybook()
        var anchors = TaskAnchorInstants(warningRaisedAt: opened, incidentOpenedAt: opened)
        anchors.phaseStarts = playbook.phaseStarts(history: [(.open, opened)])
        let plan = TaskSchedule(playbook: playbook).plan(anchors: anchors, existingKeys: [], now: opened)
        #expect(plan.newTasks.contains { $0.key == "appoint_liaison" })
        #expect(plan.waiting["appoint_monitor"] == .phaseStarted("monitoring"))
    }

    @Test func unknownStateIsALoadError() {
        let yaml = minimalPlaybook(replacingLine: 17, with: "    title: { zh: 监控, en: Monitor }\n    startsWhen: monitored")
        let error = loadErrors(yaml).first
        #expect(error?.line == 18)
        #expect(error?.description.contains("open, responding, monitoring, settling, resolved, closed") == true)
    }
}
