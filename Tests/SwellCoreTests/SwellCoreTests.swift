import Foundation
import Testing

@testable import SwellCore

@Suite struct RFC3339Tests {
    @Test func parsesUTCAndOffsets() throws {
        let utc = try #require(RFC3339.parse("2026-07-01T08:15:00Z"))
        let shanghai = try #require(RFC3339.parse("2026-07-01T16:15:00+08:00"))
        #expect(utc == shanghai)
        #expect(RFC3339.format(utc) == "2026-07-01T08:15:00Z")
    }

    @Test func keepsMilliseconds() throws {
        let date = try #require(RFC3339.parse("2026-07-01T08:15:00.250Z"))
        #expect(RFC3339.format(date) == "2026-07-01T08:15:00.250Z")
    }

    @Test(arguments: ["2026-07-01", "2026-07-01T08:15:00", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z",
                      "2026-07-01T25:00:00Z", "yesterday", "2026-07-01T08:15:00+0800", "2026-07-01T08:15:00.Z"])
    func rejectsNonRFC3339(_ text: String) {
        #expect(RFC3339.parse(text) == nil)
    }

    @Test func roundTripsAcrossCenturies() throws {
        for text in ["1999-12-31T23:59:59Z", "2000-02-29T00:00:00Z", "2100-03-01T12:00:00Z", "1970-01-01T00:00:00Z"] {
            #expect(RFC3339.format(try #require(RFC3339.parse(text))) == text)
        }
    }
}

@Suite struct CalendarDateTests {
    @Test func parsesRealDatesOnly() {
        #expect(CalendarDate("2026-06-12")?.description == "2026-06-12")
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("2026-02-29") == nil)
        #expect(CalendarDate("2026-6-12") == nil)
        #expect(CalendarDate("12/06/2026") == nil)
    }
}

@Suite struct ComplaintValidatorTests {
    let now = RFC3339.parse("2026-07-02T00:00:00Z")!
    let valid = ComplaintSubmission(
        externalId: "hotline-1", receivedAt: "2026-07-01T08:15:00Z", channel: "hotline", text: "酒店与合同不符",
        complainant: ComplainantSubmission(name: "张三", phone: "138 1234 5678"), product: "AU-8D-0612",
        departure: "2026-06-12")

    @Test func acceptsAValidComplaint() throws {
        let complaint = try ComplaintValidator.validate(valid, now: now).get()
        #expect(complaint.channel == .hotline)
        #expect(complaint.departure == CalendarDate("2026-06-12"))
        #expect(complaint.complainant.identityKey == "tel:13812345678")
    }

    private func errors(_ change: (inout ComplaintSubmission) -> Void) -> [FieldError] {
        var input = valid
        change(&input)
        if case .failure(let failure) = ComplaintValidator.validate(input, now: now) { return failure.errors }
        return []
    }

    @Test func namesEveryWrongField() {
        let found = errors {
            $0.text = nil
            $0.receivedAt = nil
            $0.channel = "fax"
        }
        #expect(Set(found.map(\.field)) == ["text", "receivedAt", "channel"])
    }

    @Test func rejectsEachBadValue() {
        #expect(errors { $0.text = "   " }.first?.code == "empty")
        #expect(errors { $0.text = String(repeating: "很", count: IntakeLimits.maxTextCharacters + 1) }.first?.code == "too_long")
        #expect(errors { $0.receivedAt = "2026-07-01 08:15" }.first?.code == "invalid")
        #expect(errors { $0.receivedAt = "2026-07-04T00:00:00Z" }.first?.code == "in_future")
        #expect(errors { $0.receivedAt = "1999-01-01T00:00:00Z" }.first?.code == "too_early")
        #expect(errors { $0.departure = "June 12" }.first?.field == "departure")
        #expect(errors { $0.complainant = ComplainantSubmission(email: "nobody") }.first?.field == "complainant.email")
        #expect(errors { $0.externalId = "" }.first?.field == "externalId")
    }

    @Test func blankOptionalFieldsAreAbsent() throws {
        var input = valid
        input.product = "  "
        #expect(try ComplaintValidator.validate(input, now: now).get().product == nil)
    }
}

@Suite struct PersonalDataMaskingTests {
    @Test func masksPhonesEmailsAndIDNumbers() {
        let masked = PersonalDataMasking.mask("电话13812345678，邮箱 zhang.san@example.com，身份证110101199003071234")
        #expect(!masked.contains("13812345678"))
        #expect(masked.contains("138****5678"))
        #expect(!masked.contains("zhang.san@"))
        #expect(masked.contains("@example.com"))
        #expect(!masked.contains("110101199003071234"))
    }

    @Test func leavesOrdinaryNumbersAlone() {
        let text = "团费3980元，6月12日出发，航班CA1234，12人受影响"
        #expect(PersonalDataMasking.mask(text) == text)
    }

    @Test func masksInternationalAndLandlineNumbers() {
        let masked = PersonalDataMasking.mask("call +61 412 345 678 or 010-87654321")
        #expect(!masked.contains("412 345 678"))
        #expect(!masked.contains("87654321"))
    }
}

@Suite struct RoleTests {
    @Test func onlyThreeRolesSeePersonalData() {
        #expect(Role.allCases.filter(\.seesPersonalData) == [.admin, .incidentManager, .intake])
    }

    @Test func intakeMaySubmitButNotRunIncidents() {
        #expect(Role.intake.may(.submitComplaints))
        #expect(!Role.intake.may(.runIncidents))
        #expect(Role.pr.may(.logContacts))
        #expect(!Role.executive.may(.submitComplaints))
        #expect(Role.allCases.filter { $0.may(.administer) } == [.admin])
    }
}

@Suite struct CursorTests {
    @Test func roundTripsAndRejectsGarbage() throws {
        let cursor = ComplaintCursor(receivedAtMilliseconds: 1_782_000_000_000, id: ComplaintID(42))
        #expect(ComplaintCursor(token: cursor.token) == cursor)
        #expect(ComplaintCursor(token: "not a cursor") == nil)
    }
}
