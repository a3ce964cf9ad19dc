import Foundation
import Testing
@testable import SwellPlaybook

@Suite("Task schedule from the default playbook")
struct TaskScheduleTests {
    // Warning Friday 2026-11-20 09:00 Shanghai (01:00Z); incident opened 09:30 (01:30Z).
    let warning = instant("2026-11-20T01:00:00Z")
    let opened = instant("2026-11-20T01:30:00Z")

    var anchors: TaskAnchorInstants {
        TaskAnchorInstants(
            warningRaisedAt: warning, incidentOpenedAt: opened,
            phaseStarts: ["early_warning": opened, "liaison": opened, "monitoring": opened])
    }

    func due(_ key: String, in plan: TaskSchedule.Plan) -> Date? {
        plan.newTasks.first { $0.key == key }?.dueAt
    }

    @Test func oneOffTasksFallDueAfterTheirAnchors() throws {
        let plan = TaskSchedule(playbook: try defaultPlaybook()).plan(anchors: anchors, existingKeys: [], now: opened)
        #expect(due("notify_leadership", in: plan) == instant("2026-11-20T02:00:00Z"))   // 1h after warning
        #expect(due("holding_statement", in: plan) == instant("2026-11-20T05:30:00Z"))   // 4h after opening
        #expect(due("regulator_report", in: plan) == instant("2026-11-21T01:30:00Z"))    // 24h after opening
        #expect(due("appoint_liaison", in: plan) == instant("2026-11-20T03:30:00Z"))     // 2h after phase start
        // 2wd from Friday: Monday and Tuesday, ending 24:00 Tuesday Shanghai.
        #expect(due("consumer_association", in: plan) == instant("2026-11-24T16:00:00Z"))
        let owner = plan.newTasks.first { $0.key == "holding_statement" }?.owner
        #expect(owner == .pr)
    }

    @Test func tasksWaitForAnchorsThatHaveNotHappened() throws {
        let plan = TaskSchedule(playbook: try defaultPlaybook()).plan(anchors: anchors, existingKeys: [], now: opened)
        #expect(plan.waiting["settlement_progress"] == .offerPublished)
        #expect(plan.waiting["remind_before_tier_ends"] == .offerPublished)
        #expect(plan.waiting["final_reply"] == .phaseStarted("close"))
        #expect(!plan.newTasks.contains { $0.phaseId == "close" })
        // Publishing the offer counts from opening, not from the settlement phase.
        #expect(due("publish_offer", in: plan) == instant("2026-11-22T01:30:00Z"))
    }

    @Test func recurringTasksOpenOneOccurrenceAtATime() throws {
        let plan = TaskSchedule(playbook: try defaultPlaybook()).plan(anchors: anchors, existingKeys: [], now: opened)
        let daily = plan.newTasks.filter { $0.taskId == "daily_report" }
        #expect(daily.map(\.key) == ["daily_report#1"])
        #expect(daily.first?.dueAt == instant("2026-11-20T10:00:00Z"))  // 18:00 Shanghai the same day
        #expect(daily.first?.opensAt == opened)
    }

    @Test func recurrenceGenerationIsIdempotent() throws {
        let schedule = TaskSchedule(playbook: try defaultPlaybook())
        let later = instant("2026-11-22T11:00:00Z")  // Sunday 19:00 Shanghai
        let first = schedule.plan(anchors: anchors, existingKeys: [], now: later)
        let daily = first.newTasks.filter { $0.taskId == "daily_report" }
        // Friday 18:00, Saturday 18:00, Sunday 18:00 are due by now; Monday's window is open.
        #expect(daily.map(\.key) == ["daily_report#1", "daily_report#2", "daily_report#3", "daily_report#4"])
        #expect(daily.last?.dueAt == instant("2026-11-23T10:00:00Z"))

        let keys = Set(first.newTasks.map(\.key))
        #expect(schedule.plan(anchors: anchors, existingKeys: keys, now: later).newTasks.isEmpty)

        let nextDay = schedule.plan(anchors: anchors, existingKeys: keys, now: instant("2026-11-23T10:00:00Z"))
        #expect(nextDay.newTasks.filter { $0.taskId == "daily_report" }.map(\.key) == ["daily_report#5"])
    }

    @Test func recurrenceStopsOpeningAfterItsUntilAnchor() throws {
        let schedule = TaskSchedule(playbook: try defaultPlaybook())
        var closing = anchors
        closing.phaseStarts["close"] = instant("2026-11-21T12:00:00Z")  // Saturday 20:00 Shanghai
        let plan = schedule.plan(anchors: closing, existingKeys: [], now: instant("2026-11-25T12:00:00Z"))
        let daily = plan.newTasks.filter { $0.taskId == "daily_report" }
        // Friday 18:00 and Saturday 18:00 were due; Sunday's window opened Saturday 18:00, before
        // the close phase started; nothing after.
        #expect(daily.map(\.key) == ["daily_report#1", "daily_report#2", "daily_report#3"])
    }

    @Test func workingDayAndIntervalRecurrences() throws {
        let calendar = shanghaiCalendar()
        let friday = instant("2026-11-20T11:00:00Z")  // Friday 19:00 Shanghai
        let workingDays = RecurrenceSeries(.workingDays(at: try #require(PlaybookLocalTime(parsing: "09:30"))), from: friday, calendar: calendar)
        let dues = workingDays.occurrences(openingBy: instant("2026-11-24T02:00:00Z")).map(\.dueAt)
        // Limit: Tuesday 10:00. Monday and Tuesday 09:30 are past; Wednesday's window opened at
        // Tuesday 09:30. The weekend is skipped.
        #expect(dues == [instant("2026-11-23T01:30:00Z"), instant("2026-11-24T01:30:00Z"), instant("2026-11-25T01:30:00Z")])

        let every12h = RecurrenceSeries(.interval(try PlaybookDuration(parsing: "12h")), from: friday, calendar: calendar)
        #expect(every12h.occurrences(openingBy: friday.addingTimeInterval(12 * 3600)).map(\.dueAt)
                == [friday.addingTimeInterval(12 * 3600), friday.addingTimeInterval(24 * 3600)])
        #expect(every12h.occurrences(openingBy: friday.addingTimeInterval(-1)).isEmpty)
    }

    @Test func dailyReportPeriodRunsFromReportTimeToReportTime() throws {
        let playbook = try defaultPlaybook()
        let period = playbook.dailyReportPeriod(on: try #require(PlaybookLocalDate(parsing: "2026-11-20")))
        #expect(period.start == instant("2026-11-19T10:00:00Z"))
        #expect(period.end == instant("2026-11-20T10:00:00Z"))
    }
}
