import Foundation
import NIOCore
import SwellCore
import Testing

@testable import SwellEngine
@testable import SwellServer

@Suite struct FeedBacklogTests {
    static func frames(_ seqs: ClosedRange<Int64>) -> [FeedFrame] {
        seqs.map { FeedFrame(seq: $0, type: .complaintReceived, publishedAt: .now, text: ByteBuffer(string: #"{"seq":\#($0)}"#)) }
    }

    static func seqs(_ read: FeedBacklog.Read) -> [Int64]? {
        if case .frames(let frames) = read { return frames.map(\.seq) }
        return nil
    }

    @Test func aSubscriberGetsWhatFollowsItsCursorInPiecesOfTheLimit() {
        var backlog = FeedBacklog(head: 10, capacity: 100)
        #expect(Self.seqs(backlog.read(after: 10, limit: 5)) == nil)
        backlog.append(Self.frames(11...20))
        #expect(backlog.head == 20)
        #expect(Self.seqs(backlog.read(after: 10, limit: 4)) == [11, 12, 13, 14])
        #expect(Self.seqs(backlog.read(after: 17, limit: 10)) == [18, 19, 20])
        guard case .upToDate = backlog.read(after: 20, limit: 10) else { Issue.record("expected up to date"); return }
    }

    @Test func eventsPublishedBeforeTheHubStartedAreReadFromTheStore() {
        let backlog = FeedBacklog(head: 10, capacity: 100)
        guard case .missed(let through) = backlog.read(after: 3, limit: 10) else { Issue.record("expected missed"); return }
        #expect(through == 10)
    }

    @Test func aCursorOlderThanWhatIsKeptIsToldWhereTheBacklogStarts() {
        var backlog = FeedBacklog(head: 0, capacity: 10)
        backlog.append(Self.frames(1...25))  // more than twice the capacity: the oldest are let go
        guard case .missed(let through) = backlog.read(after: 2, limit: 10) else { Issue.record("expected missed"); return }
        #expect(through == 15)
        #expect(Self.seqs(backlog.read(after: through, limit: 100)) == Array(16...25))
    }

    @Test func eventsPublishedToNobodyAreReadFromTheStoreAndWhatFollowsFromTheBacklog() {
        var backlog = FeedBacklog(head: 0, capacity: 10)
        backlog.append(Self.frames(1...5))
        backlog.skip(to: 9)  // 6…9 went out while no socket was open
        #expect(backlog.head == 9)
        guard case .missed(let through) = backlog.read(after: 5, limit: 10) else { Issue.record("expected missed"); return }
        #expect(through == 9)
        backlog.append(Self.frames(10...12))
        #expect(Self.seqs(backlog.read(after: 9, limit: 100)) == Array(10...12))
        backlog.skip(to: 11)  // never backwards
        #expect(backlog.head == 12)
    }

    @Test func republishedEventsAreIgnored() {
        var backlog = FeedBacklog(head: 0, capacity: 10)
        backlog.append(Self.frames(1...5))
        backlog.append(Self.frames(4...7))
        #expect(Self.seqs(backlog.read(after: 0, limit: 100)) == Array(1...7))
    }
}
