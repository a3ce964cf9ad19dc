import Testing
import SwellCore

@testable import SwellEngine
@testable import SwellServer

@Suite struct FeedSubscriptionTests {
    let start = ContinuousClock.now

    func at(_ seconds: Int) -> ContinuousClock.Instant { start.advanced(by: .seconds(seconds)) }

    @Test func aSubscriberWithinTheLimitIsNeverSlow() {
        let subscription = FeedSubscription(id: 0, startHead: 0, heartbeatsAtStart: 0)
        subscription.start(at: 90)
        for second in 0...30 { #expect(!subscription.isSlow(head: 100, limit: 10, patience: .seconds(5), now: at(second))) }
    }

    @Test func aStalledSubscriberIsSlowOncePatienceRunsOut() {
        let subscription = FeedSubscription(id: 0, startHead: 0, heartbeatsAtStart: 0)
        #expect(!subscription.isSlow(head: 100, limit: 10, patience: .seconds(5), now: at(0)))
        #expect(!subscription.isSlow(head: 120, limit: 10, patience: .seconds(5), now: at(4)))
        #expect(subscription.isSlow(head: 120, limit: 10, patience: .seconds(5), now: at(5)))
    }

    @Test func aSubscriberThatGainsOnTheHeadGetsAnotherPeriod() {
        let subscription = FeedSubscription(id: 0, startHead: 0, heartbeatsAtStart: 0)
        #expect(!subscription.isSlow(head: 10_000, limit: 10, patience: .seconds(5), now: at(0)))  // e.g. since=0
        subscription.wrote(through: 4_000)
        #expect(!subscription.isSlow(head: 10_000, limit: 10, patience: .seconds(5), now: at(5)))
        subscription.wrote(through: 8_000)
        #expect(!subscription.isSlow(head: 10_000, limit: 10, patience: .seconds(5), now: at(10)))
        // It stops gaining (the tab froze) and is let go one period later
        #expect(!subscription.isSlow(head: 10_000, limit: 10, patience: .seconds(5), now: at(14)))
        #expect(subscription.isSlow(head: 10_000, limit: 10, patience: .seconds(5), now: at(15)))
    }

    @Test func catchingUpClearsTheRecord() {
        let subscription = FeedSubscription(id: 0, startHead: 0, heartbeatsAtStart: 0)
        #expect(!subscription.isSlow(head: 100, limit: 10, patience: .seconds(5), now: at(0)))
        subscription.wrote(through: 100)
        #expect(!subscription.isSlow(head: 100, limit: 10, patience: .seconds(5), now: at(6)))
        #expect(!subscription.isSlow(head: 200, limit: 10, patience: .seconds(5), now: at(7)))
        #expect(!subscription.isSlow(head: 200, limit: 10, patience: .seconds(5), now: at(11)))
        #expect(subscription.isSlow(head: 200, limit: 10, patience: .seconds(5), now: at(12)))
    }
}

@Suite struct FeedWakeUpTests {
    func frames(_ types: EventType...) -> EventTypeSet {
        EventTypeSet(types.enumerated().map { FeedFrame(seq: Int64($0.offset + 1), type: $0.element, publishedAt: nil, text: .init()) })
    }

    func dashboard() throws -> FeedSubscription {
        let selection = FeedSelection(types: try EventTypeFilter(parsing: "warning.*,incident.*,complaint.received"), mode: .summary, role: .executive)
        let subscription = FeedSubscription(id: 0, startHead: 0, heartbeatsAtStart: 0, interest: FeedInterest(selection))
        subscription.start(at: 100)
        return subscription
    }

    @Test func aSessionIsWokenForWhatItSendsOrCounts() throws {
        let subscription = try dashboard()
        #expect(subscription.shouldRing(for: frames(.warningRaised), after: 100, head: 101, catchUpLag: 50))
        #expect(subscription.shouldRing(for: frames(.caseAssigned, .incidentOpened), after: 100, head: 102, catchUpLag: 50))
        subscription.holding(from: 101)
        #expect(subscription.shouldRing(for: frames(.complaintReceived), after: 100, head: 103, catchUpLag: 50))
        #expect(subscription.written == 100)
    }

    @Test func anIdleSessionSleepsThroughWhatItSkipsAndItsCursorMovesPast() throws {
        let subscription = try dashboard()
        #expect(!subscription.shouldRing(for: frames(.caseAssigned, .clusterCreated), after: 100, head: 102, catchUpLag: 50))
        #expect(subscription.written == 102)
        #expect(subscription.queued == 102)
        #expect(!subscription.shouldRing(for: frames(.caseAssigned), after: 102, head: 103, catchUpLag: 50))
        #expect(subscription.written == 103)
    }

    @Test func aBusySessionIsLeftToReadWhatItSkipsAndWokenBeforeTheBacklogForgetsIt() throws {
        let subscription = try dashboard()
        // Still writing up to 100 when 101…149 are published: its cursor stays, its own reading takes them
        #expect(!subscription.shouldRing(for: frames(.caseAssigned), after: 120, head: 149, catchUpLag: 50))
        #expect(subscription.written == 100)
        #expect(subscription.shouldRing(for: frames(.caseAssigned), after: 149, head: 150, catchUpLag: 50))
        #expect(subscription.written == 100)
    }

    @Test func everyTypeOutsideTheCatalogWakesTheSession() throws {
        let subscription = try dashboard()
        #expect(subscription.shouldRing(for: frames(EventType(rawValue: "something.new")), after: 100, head: 101, catchUpLag: 50))
    }
}
