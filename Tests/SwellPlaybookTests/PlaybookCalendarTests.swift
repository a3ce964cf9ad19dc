import Foundation
import Testing
@testable import SwellPlaybook

@Suite("Adding durations in the playbook calendar")
struct PlaybookCalendarTests {
    let calendar = shanghaiCalendar()

    @Test func hoursAreElapsedTime() throws {
        let anchor = instant("2026-11-20T02:00:00Z")
        #expect(calendar.adding(try .init(parsing: "48h"), to: anchor) == instant("2026-11-22T02:00:00Z"))
        #expect(calendar.adding(try .init(parsing: "30m"), to: anchor) == instant("2026-11-20T02:30:00Z"))
    }

    @Test func daysAndWeeksKeepTheLocalClockTime() throws {
        let anchor = instant("2026-11-20T02:00:00Z")  // Friday 10:00 in Shanghai
        #expect(calendar.adding(try .init(parsing: "30d"), to: anchor) == instant("2026-12-20T02:00:00Z"))
        #expect(calendar.adding(try .init(parsing: "2w"), to: anchor) == instant("2026-12-04T02:00:00Z"))
    }

    @Test func workingDaysSkipTheWeekendAndEndAtMidnight() throws {
        // Friday 2026-11-20, 10:00 Shanghai. The Friday itself is not counted: 1wd is Monday,
        // ending at 24:00 Monday Shanghai = Monday 16:00 UTC.
        let friday = instant("2026-11-20T02:00:00Z")
        #expect(calendar.adding(try .init(parsing: "1wd"), to: friday) == instant("2026-11-23T16:00:00Z"))
        #expect(calendar.adding(try .init(parsing: "5wd"), to: friday) == instant("2026-11-27T16:00:00Z"))
    }

    @Test func workingDaysFromAWeekendStartOnMonday() throws {
        let saturday = instant("2026-11-21T01:00:00Z")
        #expect(calendar.adding(try .init(parsing: "1wd"), to: saturday) == instant("2026-11-23T16:00:00Z"))
    }

    @Test func workingDaysSkipHolidaysAndCountMakeUpDays() throws {
        // National Day week 2026: 1–7 October off, Saturday 10 October worked.
        let holidays = (1...7).map { String(format: "2026-10-%02d", $0) }
        let calendar = shanghaiCalendar(holidays: holidays, workingDays: ["2026-10-10"])
        let lastDayBefore = instant("2026-09-30T04:00:00Z")  // Wednesday 30 September, noon
        // Thursday 8 October, Friday 9, Saturday 10 (make-up), Monday 12, Tuesday 13.
        #expect(calendar.workingDay(3, after: calendar.localDate(of: lastDayBefore)) == PlaybookLocalDate(parsing: "2026-10-10"))
        #expect(calendar.adding(try .init(parsing: "5wd"), to: lastDayBefore) == instant("2026-10-13T16:00:00Z"))
    }

    @Test func weekendIsConfigurable() throws {
        let sixDayWeek = PlaybookCalendar(timeZone: calendar.timeZone, weekend: [.sunday])
        let friday = instant("2026-11-20T02:00:00Z")
        #expect(sixDayWeek.adding(try .init(parsing: "1wd"), to: friday) == instant("2026-11-21T16:00:00Z"))
    }

    @Test func localDatesParseStrictly() {
        #expect(PlaybookLocalDate(parsing: "2026-02-29") == nil)
        #expect(PlaybookLocalDate(parsing: "2026-2-28") == nil)
        #expect(PlaybookLocalDate(parsing: "2028-02-29")?.description == "2028-02-29")
        #expect(PlaybookLocalTime(parsing: "24:00") == nil)
        #expect(PlaybookLocalTime(parsing: "9:30")?.description == "09:30")
    }
}
