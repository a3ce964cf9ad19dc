import Foundation
import SwellCore
import SwellStore
import Testing

/// Retention on every back end: which complaints are due (a case closed before the cutoff, or an untouched
/// complaint received before it), and erasing their personal data in fields, texts and the search index, once.
enum RetentionStoreContract {
    static func roundTrip(_ store: any CaseStore) async throws {
        func complaint(_ key: String, at: String, text: String) -> NewComplaint {
            NewComplaint(
                externalId: key, receivedAt: RFC3339.parse(at)!, channel: .hotline, text: text,
                complainant: Complainant(name: "王小明", phone: "13812345678", email: "wxm@example.com"), demand: "请致电13812345678退款")
        }
        let ids = try await store.ingest([
            complaint("old-untouched", at: "2022-01-01T00:00:00Z", text: "我是王小明，电话13812345678，身份证110101199003074578，酒店降级"),
            complaint("old-closed", at: "2022-01-02T00:00:00Z", text: "酒店降级，邮箱wxm@example.com"),
            complaint("old-open", at: "2022-01-03T00:00:00Z", text: "酒店降级"),
            complaint("recent", at: "2026-07-01T00:00:00Z", text: "王小明 13812345678"),
        ], at: storeNow).map(\.complaint.id)

        // A case closed long ago, and one still open
        let closedAt = RFC3339.parse("2022-02-01T00:00:00Z")!
        var closed = try ComplaintCase(complaintId: ids[1])
            .moving(to: .answered, at: closedAt, by: "li", note: "王小明说改打13900001111")
            .moving(to: .closed, at: closedAt, by: "li")
        closed.contacts = [CaseContact(
            number: 1, at: closedAt, channel: .phone, direction: .outbound, purpose: .answer,
            summary: "致电王小明13812345678，说明退款", outcome: "同意，邮件wxm@example.com确认", satisfaction: 4, recordedBy: "li")]
        closed.version = 1
        var open = try ComplaintCase(complaintId: ids[2]).moving(to: .acknowledged, at: closedAt, by: "li")
        open.version = 1
        _ = try await store.apply([.saveCase(closed, at: closedAt, events: []), .saveCase(open, at: closedAt, events: [])], checkpoint: nil)

        let cutoff = RFC3339.parse("2023-07-01T00:00:00Z")!
        let due = try await store.complaintsPastRetention(closedBefore: cutoff, receivedBefore: cutoff, limit: 100)
        #expect(due == [ids[0], ids[1]], "the untouched old one and the one closed long ago; not the open case, not the recent one")

        let seq = try await store.lastEventSeq()
        _ = try await store.apply([.erasePersonalData(due, at: storeNow)], checkpoint: nil)
        #expect(try await store.lastEventSeq() == seq, "erasing writes no personal data to the log")
        let erased = try #require(try await store.complaint(ids[0]))
        #expect(erased.content.complainant.isEmpty)
        #expect(erased.content.text == "我是***，电话***，身份证***，酒店降级")
        #expect(erased.content.demand == "请致电***退款")
        #expect(try await store.complaint(ids[1])?.content.text == "酒店降级，邮箱***")
        // What people wrote in the case goes too; its states and times stay
        let erasedCase = try #require(try await store.complaintCase(ids[1]))
        #expect(erasedCase.contacts.map(\.summary) == ["致电******，说明退款"])
        #expect(erasedCase.contacts.map(\.outcome) == ["同意，邮件***确认"])
        #expect(erasedCase.history.compactMap(\.note) == ["***说改打***"])
        #expect(erasedCase.state == .closed && erasedCase.closedAt == closedAt && erasedCase.contacts.first?.satisfaction == 4)
        #expect(erasedCase.version == 2, "an edit from the case as read before is refused")
        #expect(try await store.complaintCase(ids[2])?.history.count == 1, "a case not due is untouched")
        #expect(try await store.complaint(ids[3])?.content.complainant.name == "王小明", "recent data is kept")
        #expect(try await store.complaints(ComplaintQuery(search: ComplaintSearch("13812345678")!)).items.map(\.id) == [ids[3]],
                "the search index forgets the erased numbers")
        #expect(try await store.complaintsPastRetention(closedBefore: cutoff, receivedBefore: cutoff, limit: 100).isEmpty)
    }
}
