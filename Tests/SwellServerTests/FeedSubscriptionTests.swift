import Testing

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
