import Foundation
import PostgresNIO
import SwellCore

/// Notification channels and deliveries on PostgreSQL.
extension PostgresCaseStore {
    public func notificationChannels(includeDeleted: Bool) async throws -> [NotificationChannel] {
        let rows = includeDeleted
            ? try await self.rows("SELECT id, record FROM notification_channel ORDER BY id")
            : try await self.rows("SELECT id, record FROM notification_channel WHERE deletedAt IS NULL ORDER BY id")
        return try rows.map(Self.decodeChannel)
    }

    public func notificationChannel(_ id: ChannelID) async throws -> NotificationChannel? {
        try await rows("SELECT id, record FROM notification_channel WHERE id = \(id.rawValue)").first.map(Self.decodeChannel)
    }

    public func deliveries(state: DeliveryState?, channel: ChannelID?, before: DeliveryID?, limit: Int) async throws -> [Delivery] {
        // NULL parameters switch a condition off, so one statement serves every filter.
        try await rows(
            """
            SELECT id, record FROM delivery
            WHERE (\(state?.rawValue)::text IS NULL OR state = \(state?.rawValue))
              AND (\(channel?.rawValue)::bigint IS NULL OR channelId = \(channel?.rawValue))
              AND (\(before?.rawValue)::bigint IS NULL OR id < \(before?.rawValue))
            ORDER BY id DESC LIMIT \(Int64(limit))
            """
        ).map(Self.decodeDelivery)
    }

    public func dueDeliveries(at now: Date, limit: Int) async throws -> [Delivery] {
        try await rows(
            """
            SELECT id, record FROM delivery WHERE state IN \(unescaped: NotificationSQL.retrying)
              AND nextAttemptAt <= \(now.millisecondsSince1970) ORDER BY nextAttemptAt, id LIMIT \(Int64(limit))
            """
        ).map(Self.decodeDelivery)
    }

    public func nextDeliveryAttempt() async throws -> Date? {
        let rows = try await self.rows(
            "SELECT MIN(nextAttemptAt) FROM delivery WHERE state IN \(unescaped: NotificationSQL.retrying)")
        return try rows.first?.decode(Int64?.self).map { Date(millisecondsSince1970: $0) }
    }

    static func decodeChannel(_ row: PostgresRow) throws -> NotificationChannel {
        let (id, document) = try row.decode((Int64, String).self)
        var channel = try StoredJSON.decode(NotificationChannel.self, from: document, table: "notification_channel")
        channel.id = ChannelID(id)
        return channel
    }

    static func decodeDelivery(_ row: PostgresRow) throws -> Delivery {
        let (id, document) = try row.decode((Int64, String).self)
        var delivery = try StoredJSON.decode(Delivery.self, from: document, table: "delivery")
        delivery.id = DeliveryID(id)
        return delivery
    }

    /// The notification cases of `apply`, inside its transaction; returns the event appended, if any.
    func applyNotificationChange(
        _ change: StoreChange, connection: PostgresConnection, events: inout PostgresEventAppender
    ) async throws -> Event? {
        switch change {
        case .addChannel(var channel, let event):
            channel.id = nil
            var taken = false
            for try await exists in try await connection.query(
                "SELECT EXISTS (SELECT 1 FROM notification_channel WHERE name = \(channel.name) AND deletedAt IS NULL)",
                logger: logger
            ).decode(Bool.self) { taken = exists }
            if taken { throw StoreError.channelNameTaken(channel.name) }
            let document = try StoredJSON.encode(channel)
            let id = try await insertReturningId(
                """
                INSERT INTO notification_channel (name, deletedAt, record)
                VALUES (\(channel.name), \(channel.deletedAt?.millisecondsSince1970), \(document)) RETURNING id
                """, connection: connection)
            return events.append(EventPayloadStamp.stamping(id, into: event))
        case .saveChannel(var channel):
            guard let id = channel.id else { throw StoreError.corruptRow(table: "notification_channel", detail: "saving a channel without an id") }
            channel.id = nil
            let document = try StoredJSON.encode(channel)
            try await connection.query(
                """
                UPDATE notification_channel SET name = \(channel.name), deletedAt = \(channel.deletedAt?.millisecondsSince1970),
                    record = \(document) WHERE id = \(id.rawValue)
                """, logger: logger)
            return nil
        case .addDelivery(var delivery):
            delivery.id = nil
            let document = try StoredJSON.encode(delivery)
            try await connection.query(
                """
                INSERT INTO delivery (\(unescaped: NotificationSQL.deliveryColumns))
                VALUES (\(delivery.eventSeq), \(delivery.channelId.rawValue), \(delivery.state.rawValue),
                        \(delivery.nextAttemptAt?.millisecondsSince1970), \(document))
                ON CONFLICT (eventSeq, channelId) DO NOTHING
                """, logger: logger)
            return nil
        case .saveDelivery(var delivery):
            guard let id = delivery.id else { throw StoreError.corruptRow(table: "delivery", detail: "saving a delivery without an id") }
            delivery.id = nil
            let document = try StoredJSON.encode(delivery)
            try await connection.query(
                """
                UPDATE delivery SET state = \(delivery.state.rawValue), nextAttemptAt = \(delivery.nextAttemptAt?.millisecondsSince1970),
                    record = \(document) WHERE id = \(id.rawValue)
                """, logger: logger)
            return nil
        default:
            return nil
        }
    }
}
