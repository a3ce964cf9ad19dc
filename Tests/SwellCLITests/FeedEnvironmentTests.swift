import ArgumentParser
import SwellServer
import Testing

@testable import SwellCLI

@Suite struct FeedEnvironmentTests {
    @Test func unsetVariablesKeepTheDefaults() throws {
        let feed = try ServeCommand.feedConfiguration([:])
        #expect(feed.bufferSize == FeedConfiguration().bufferSize)
        #expect(feed.pollInterval == .seconds(1))
        #expect(feed.slowConsumerPatience == .seconds(10))
    }

    @Test func eachVariableSetsItsTunable() throws {
        let feed = try ServeCommand.feedConfiguration([
            "SWELL_FEED_BUFFER": "2048", "SWELL_FEED_HEARTBEAT_SECONDS": "5", "SWELL_FEED_TICKET_SECONDS": "7",
            "SWELL_FEED_POLL_SECONDS": "60", "SWELL_FEED_SLOW_SECONDS": "3",
        ])
        #expect(feed.bufferSize == 2048)
        #expect(feed.heartbeatInterval == .seconds(5))
        #expect(feed.ticketLifetime == .seconds(7))
        #expect(feed.pollInterval == .seconds(60))
        #expect(feed.slowConsumerPatience == .seconds(3))
    }

    @Test(arguments: [("SWELL_FEED_BUFFER", "8"), ("SWELL_FEED_POLL_SECONDS", "0"), ("SWELL_FEED_TICKET_SECONDS", "soon"),
        ("SWELL_FEED_SLOW_SECONDS", "-1")])
    func badValuesAreRefusedByName(name: String, value: String) {
        #expect {
            _ = try ServeCommand.feedConfiguration([name: value])
        } throws: { error in
            "\(error)".contains(name) && "\(error)".contains(value)
        }
    }
}
