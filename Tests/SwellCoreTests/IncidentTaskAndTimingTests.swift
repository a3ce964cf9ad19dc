import Foundation
import Testing
@testable import SwellCore

@Suite("Task deadlines and incident timing")
struct IncidentTaskAndTimingTests {
    let due = Date(timeIntervalSince1970: 1_000_000)

    @Test func openTaskIsOverdueOnlyAfterItsDueInstant() {
        #expect(!IncidentTaskDeadline(status: .open, dueAt: due, now: due.addingTimeInterval(-60)).isOverdue)
        #expect(IncidentTaskDeadline(status: .open, dueAt: due, now: due) == .pending(remaining: 0))
        #expect(IncidentTaskDeadline(status: .open, dueAt: due, now: due.addingTimeInterval(1)) == .overdue(by: 1))
    }

    @Test func doneAndCancelledTasksAreNeverOverdue() {
        let late = due.addingTimeInterval(86_400)
        #expect(IncidentTaskDeadline(status: .done, dueAt: due, now: late) == .settled)
        #expect(IncidentTaskDeadline(status: .cancelled, dueAt: due, now: late) == .settled)
    }

    @Test func timingRecordMeasuresDetectOpenRespond() {
        let start = Date(timeIntervalSince1970: 0)
        let record = IncidentTimingRecord()
            .recording(.firstComplaint, at: start)
            .recording(.warningRaised, at: start.addingTimeInterval(3600))
            .recording(.opened, at: start.addingTimeInterval(4200))
            .recording(.firstReply, at: start.addingTimeInterval(6000))
        #expect(record.timeToDetect == 3600)
        #expect(record.timeToOpen == 600)
        #expect(record.timeToRespond == 1800)
        #expect(record.timeToOffer == nil)
    }

    @Test func timingRecordKeepsTheEarliestInstant() {
        let early = Date(timeIntervalSince1970: 100)
        let late = Date(timeIntervalSince1970: 200)
        let record = IncidentTimingRecord().recording(.firstReply, at: late).recording(.firstReply, at: early)
        #expect(record[.firstReply] == early)
        #expect(record.recording(.firstReply, at: late) == record)
    }
}

@Suite("Incident values encode as plain JSON")
struct IncidentCodingTests {
    @Test func timingRecordEncodesAsAnObjectKeyedByMilestone() throws {
        let record = IncidentTimingRecord().recording(.firstReply, at: Date(timeIntervalSince1970: 0))
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let json = String(decoding: try encoder.encode(record), as: UTF8.self)
        #expect(json == #"{"instants":{"first_reply":"1970-01-01T00:00:00Z"}}"#)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(IncidentTimingRecord.self, from: Data(json.utf8)) == record)
    }
}
