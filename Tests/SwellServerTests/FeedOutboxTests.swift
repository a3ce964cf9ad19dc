import Foundation
import NIOCore
import SwellCore
import Testing

@testable import SwellServer

@Suite struct FeedOutboxTests {
    func frame(_ seq: Int64, _ type: EventType) -> FeedFrame {
        FeedFrame(seq: seq, type: type, publishedAt: nil, text: ByteBuffer(string: #"{"seq":\#(seq),"type":"\#(type)"}"#))
    }

    func texts(_ run: FeedOutbox.Run) -> [String] { run.texts.map { String(buffer: $0) } }

    @Test func aSelectionTakesItsTypesAndHidesTokenEventsFromAllButAdmins() throws {
        var executive = FeedSelection(types: try EventTypeFilter(parsing: "warning.*,token.*"), role: .executive)
        #expect(executive.decision(for: frame(1, .warningRaised)) == .send)
        #expect(executive.decision(for: frame(2, .complaintReceived)) == .skip)
        #expect(executive.decision(for: frame(3, .tokenCreated)) == .skip)
        var admin = FeedSelection(types: .everything, mode: .summary, role: .admin)
        #expect(admin.decision(for: frame(3, .tokenCreated)) == .send)
        #expect(admin.decision(for: frame(4, .complaintReceived)) == .summarise)
        #expect(admin.decision(for: frame(5, .clusterUpdated)) == .summarise)
        #expect(admin.decision(for: frame(6, .clusterMerged)) == .send)
        // A type outside the catalog is decided by its name
        #expect(admin.decision(for: frame(7, EventType("custom.thing"))) == .send)
    }

    @Test func summaryModeCountsComplaintEventsAndSendsTheCountBeforeAnyLaterEvent() {
        var outbox = FeedOutbox(selection: FeedSelection(mode: .summary, role: .executive), summaryInterval: .seconds(60))
        let start = ContinuousClock.now
        // The first count after a quiet spell goes out at once
        let first = outbox.sort([frame(1, .complaintReceived), frame(2, .clusterCreated)], now: start)
        #expect(texts(first).count == 1)
        let summary = try? JSONSerialization.jsonObject(with: Data(texts(first)[0].utf8)) as? [String: Any]
        #expect(summary?["type"] as? String == "complaints.arrived")
        #expect(summary?["seq"] as? Int == 2 && summary?["fromSeq"] as? Int == 1)
        #expect(summary?["count"] as? Int == 1 && summary?["events"] as? Int == 2)
        // Within the interval complaint events are held, and a client told of seq 2 resumes from there
        let held = outbox.sort([frame(3, .complaintReceived), frame(4, .clusterUpdated)], now: start + .seconds(1))
        #expect(held.texts.isEmpty)
        #expect(outbox.toldThrough(4) == 2)
        #expect(outbox.summaryAlarm == start + .seconds(60))
        // A warning flushes the held count first, so the order of the log holds
        let warned = outbox.sort([frame(5, .complaintReceived), frame(6, .warningRaised), frame(7, .complaintReceived)], now: start + .seconds(2))
        #expect(texts(warned).count == 2)
        #expect(texts(warned)[0].contains(#""seq":5,"fromSeq":3,"count":2,"events":3"#))
        #expect(texts(warned)[1].contains(#""type":"warning.raised""#))
        #expect(warned.events.map(\.seq) == [6] && warned.summaries == 1)
        #expect(outbox.toldThrough(7) == 6)
        // Once due, the held count goes out without another event
        #expect(outbox.dueSummary(now: start + .seconds(30)).texts.isEmpty)
        let due = outbox.dueSummary(now: start + .seconds(62))
        #expect(texts(due).count == 1 && texts(due)[0].contains(#""seq":7,"fromSeq":7,"count":1"#))
        #expect(outbox.held == nil && outbox.toldThrough(7) == 7)
    }

    @Test func eventsModeSendsEachChosenEventAsItIs() throws {
        var outbox = FeedOutbox(
            selection: FeedSelection(types: try EventTypeFilter(parsing: "complaint.*,warning.*"), role: .pr), summaryInterval: .seconds(1))
        let run = outbox.sort([frame(1, .complaintReceived), frame(2, .clusterCreated), frame(3, .warningRaised)], now: .now)
        #expect(run.events.map(\.seq) == [1, 3])
        #expect(run.summaries == 0 && outbox.held == nil)
    }
}
