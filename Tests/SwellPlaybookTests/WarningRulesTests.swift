import Foundation
import Testing
@testable import SwellPlaybook

@Suite("Warning rules read against arrivals")
struct WarningRulesTests {
    let now = instant("2026-11-20T10:00:00Z")
    let hour: TimeInterval = 3600

    func arrivals(_ hoursAgo: [Double]) -> [Date] {
        hoursAgo.map { now.addingTimeInterval(-$0 * hour) }
    }

    @Test func eightWithin48HoursFiresTheMainRule() throws {
        let rules = try defaultPlaybook().warning
        let trigger = rules.trigger(arrivals: arrivals([1, 2, 3, 5, 8, 13, 21, 47]), at: now, calendar: shanghaiCalendar())
        #expect(trigger == .window(index: 0, rules.windows[0]))
        #expect(trigger?.description == "8 complainants within 48h")
    }

    @Test func theWindowExcludesItsStartInstant() throws {
        let rules = WarningRules(minComplaints: 8, window: try PlaybookDuration(parsing: "48h"))
        let trigger = rules.trigger(arrivals: arrivals([1, 2, 3, 5, 8, 13, 21, 48]), at: now, calendar: shanghaiCalendar())
        #expect(trigger == nil)
    }

    @Test func aSlowIncidentIsCaughtByTheLongerWindow() throws {
        let rules = try defaultPlaybook().warning
        // Three a day for four days: never 8 within 48h, but 12 within 4d.
        let slow = arrivals([2, 10, 20, 26, 34, 44, 50, 58, 68, 74, 82, 92])
        #expect(rules.trigger(arrivals: slow, at: now, calendar: shanghaiCalendar()) == .window(index: 1, rules.windows[1]))
    }

    @Test func growthAgainstTheBaselineFires() throws {
        let rules = try defaultPlaybook().warning
        // One a day for the week before, then five in the last day: 5 / 1 = 5× ≥ 3×.
        let burst = arrivals([1, 3, 5, 7, 9] + (1...7).map { Double($0) * 24 + 12 })
        let trigger = rules.trigger(arrivals: burst, at: now, calendar: shanghaiCalendar())
        #expect(trigger == .growth(observed: 5))
        #expect(rules.growthFactor(arrivals: arrivals([1, 2]), at: now, calendar: shanghaiCalendar()) == nil)  // below minComplaints
        #expect(rules.growthFactor(arrivals: arrivals([1, 2, 3, 4, 5]), at: now, calendar: shanghaiCalendar()) == .infinity)
    }

    @Test func aFewComplaintsRaiseNothing() throws {
        let rules = try defaultPlaybook().warning
        #expect(rules.trigger(arrivals: arrivals([1, 30, 60]), at: now, calendar: shanghaiCalendar()) == nil)
    }

    @Test func windowsInWorkingDaysAreRefused() {
        let error = loadErrors(minimalPlaybook(replacingLine: 5, with: "  window: 2wd")).first
        #expect(error?.line == 5)
        #expect(error?.description.contains("elapsed time") == true)
    }
}
