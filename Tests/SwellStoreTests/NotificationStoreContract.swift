import Foundation
import SwellCore
import SwellStore
import Testing

/// Notification channels and deliveries on every back end: a channel is stored with its audited event, names are
/// unique among live channels, a delivery is stored once per event and channel, and the due list and the filters
/// follow each attempt's outcome.
enum NotificationStoreContract {
    static let at = RFC3339.parse("2026-07-02T09:30:00Z")!

    static func roundTrip(_ store: any CaseStore) async throws {
        // Given a webhook channel, created with its event
        let channel = NotificationChannel(
            name: "leadership", kind: .webhook, settings: .init(url: "http://127.0.0.1:9/hook", secret: "s3cret"),
            createdAt: at, createdBy: "admin")
        let created = try await store.apply(
            [.addChannel(channel, event: EventDraft(type: EventType("notification_channel.created"), at: at, payload: "{}"))],
            checkpoint: nil)
        let id = ChannelID(try #require(created.first.flatMap(StampedId.of)))
        var stored = try #require(try await store.notificationChannel(id))
        #expect(stored.name == "leadership" && stored.settings.secret == "s3cret" && stored.id == id)

        // A second live channel of that name is refused, and nothing is written
        await #expect(throws: StoreError.channelNameTaken("leadership")) {
            _ = try await store.apply(
                [.addChannel(channel, event: EventDraft(type: EventType("notification_channel.created"), at: at))], checkpoint: nil)
        }
        #expect(try await store.notificationChannels(includeDeleted: false).count == 1)

        // Deliveries: the same event and channel twice is stored once
        let first = Delivery(eventSeq: 7, eventType: .warningRaised, channelId: id, channelName: "leadership", createdAt: at)
        let other = Delivery(eventSeq: 8, eventType: .warningEscalated, channelId: id, channelName: "leadership", createdAt: at.addingTimeInterval(60))
        _ = try await store.apply([.addDelivery(first), .addDelivery(first), .addDelivery(other)], checkpoint: FollowerCheckpoint(follower: "notifier", seq: 8))
        #expect(try await store.checkpoint(of: "notifier") == 8)
        let all = try await store.deliveries(state: nil, channel: nil, before: nil, limit: 10)
        #expect(all.map(\.eventSeq) == [8, 7], "newest first, one per event and channel")
        #expect(try await store.dueDeliveries(at: at, limit: 10).map(\.eventSeq) == [7])
        #expect(try await store.nextDeliveryAttempt() == at)

        // An attempt fails and is scheduled again; the other is sent
        var failed = try #require(all.last)
        failed.state = .failed
        failed.attempts = 1
        failed.lastStatus = 503
        failed.nextAttemptAt = at.addingTimeInterval(3600)
        var sent = try #require(all.first)
        sent.state = .sent
        sent.attempts = 1
        sent.sentAt = at.addingTimeInterval(61)
        sent.nextAttemptAt = nil
        _ = try await store.apply([.saveDelivery(failed), .saveDelivery(sent)], checkpoint: nil)
        #expect(try await store.dueDeliveries(at: at.addingTimeInterval(120), limit: 10).isEmpty)
        #expect(try await store.dueDeliveries(at: at.addingTimeInterval(3600), limit: 10).map(\.lastStatus) == [503])
        #expect(try await store.nextDeliveryAttempt() == at.addingTimeInterval(3600))
        #expect(try await store.deliveries(state: .sent, channel: id, before: nil, limit: 10).map(\.eventSeq) == [8])
        #expect(try await store.deliveries(state: nil, channel: ChannelID(99), before: nil, limit: 10).isEmpty)
        #expect(try await store.deliveries(state: nil, channel: nil, before: sent.id, limit: 10).map(\.eventSeq) == [7])

        // Deleting a channel frees its name
        stored.deletedAt = at
        _ = try await store.apply([.saveChannel(stored)], checkpoint: nil)
        #expect(try await store.notificationChannels(includeDeleted: false).isEmpty)
        #expect(try await store.notificationChannels(includeDeleted: true).count == 1)
        _ = try await store.apply(
            [.addChannel(channel, event: EventDraft(type: EventType("notification_channel.created"), at: at))], checkpoint: nil)
        #expect(try await store.notificationChannels(includeDeleted: false).count == 1)
    }
}
