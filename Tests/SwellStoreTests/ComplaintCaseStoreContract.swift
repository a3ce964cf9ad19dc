import Foundation
import SwellCore
import SwellStore
import Testing

/// Complainants' cases: stored on first change, replaced version by version, never over another writer.
enum ComplaintCaseStoreContract {
    static func roundTrip(_ store: any CaseStore) async throws {
        let ids = try await store.ingest([sampleComplaint(1), sampleComplaint(2)], at: storeNow).map(\.complaint.id)
        #expect(try await store.complaintCase(ids[0]) == nil, "nothing is stored before the first change")

        var first = try ComplaintCase(complaintId: ids[0]).moving(to: .acknowledged, at: storeNow, by: "li")
        first.version = 1
        let event = EventDraft(type: .caseStateChanged, at: storeNow, complaintId: ids[0], payload: #"{"to":"acknowledged"}"#)
        let appended = try await store.apply([.saveCase(first, at: storeNow, events: [event])], checkpoint: nil)
        #expect(appended.map(\.type) == [.caseStateChanged])
        #expect(appended.first?.draft.complaintId == ids[0])
        #expect(try await store.complaintCase(ids[0]) == first)

        var second = first.assigned(to: "wang", at: storeNow, by: "li")
        second.version = 2
        _ = try await store.apply([.saveCase(second, at: storeNow, events: [])], checkpoint: nil)
        #expect(try await store.complaintCase(ids[0]) == second)
        #expect(try await store.complaintCases(assignee: "wang").map(\.complaintId) == [ids[0]])
        #expect(try await store.complaintCases(assignee: "li").isEmpty)

        // A writer that read version 1 (or thinks the case is new) is refused, with nothing written.
        let before = try await store.lastEventSeq()
        var stale = first
        stale.version = 2
        await #expect(throws: StoreError.caseMoved(ids[0])) {
            try await store.apply([.saveCase(stale, at: storeNow, events: [event])], checkpoint: nil)
        }
        await #expect(throws: StoreError.caseMoved(ids[0])) {
            try await store.apply([.saveCase(first, at: storeNow, events: [event])], checkpoint: nil)
        }
        #expect(try await store.lastEventSeq() == before)
        #expect(try await store.complaintCase(ids[0]) == second)

        // One stale case in a bulk refuses the whole transaction.
        var other = ComplaintCase(complaintId: ids[1])
        other.version = 1
        await #expect(throws: StoreError.caseMoved(ids[0])) {
            try await store.apply([.saveCase(other, at: storeNow, events: []), .saveCase(stale, at: storeNow, events: [])], checkpoint: nil)
        }
        #expect(try await store.complaintCase(ids[1]) == nil)
        #expect(Set(try await store.complaintCases(ids: ids + [ComplaintID(999)]).map(\.complaintId)) == [ids[0]])
    }
}
