import Foundation
import Testing
@testable import SwellPlaybook

@Suite("Durations with units")
struct PlaybookDurationTests {
    @Test(arguments: [
        ("30m", 30, PlaybookDuration.Unit.minutes),
        ("1h", 1, .hours),
        ("48h", 48, .hours),
        ("30d", 30, .days),
        ("2w", 2, .weeks),
        ("5wd", 5, .workingDays),
        ("0h", 0, .hours),
    ])
    func parsesWithUnit(text: String, amount: Int, unit: PlaybookDuration.Unit) throws {
        let duration = try PlaybookDuration(parsing: text)
        #expect(duration.amount == amount)
        #expect(duration.unit == unit)
        #expect(duration.description == text)
    }

    @Test func bareNumberIsAnError() {
        #expect(throws: PlaybookDurationError.missingUnit("48")) { try PlaybookDuration(parsing: "48") }
    }

    @Test(arguments: ["", "h", "-3h", "1.5h", "3 h", "3hours", "3H", "0wd", "wd5", "999999999999d"])
    func rejectsMalformed(text: String) {
        #expect(throws: PlaybookDurationError.self) { try PlaybookDuration(parsing: text) }
    }

    @Test func unknownUnitNamesTheUnit() {
        #expect(throws: PlaybookDurationError.unknownUnit("3y", unit: "y")) { try PlaybookDuration(parsing: "3y") }
    }

    @Test func minutesAndHoursAreExactSeconds() throws {
        #expect(try PlaybookDuration(parsing: "30m").fixedSeconds == 1800)
        #expect(try PlaybookDuration(parsing: "48h").fixedSeconds == 172_800)
        #expect(try PlaybookDuration(parsing: "2d").fixedSeconds == nil)
    }
}
