import Foundation
import GRDB
import SwellCore

/// Notification channels and deliveries on SQLite.
extension SQLiteCaseStore {
    public func notificationChannels(includeDeleted: Bool) async throws -> [NotificationChannel] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT id, record FROM notification_channel \(includeDeleted ? "" : "WHERE deletedAt IS NULL") ORDER BY id"
            ).map(Self.decodeChannel)
        }
    }

    public func notificationChannel(_ id: ChannelID) async throws -> NotificationChannel? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT id, record FROM notification_channel WHERE id = ?", arguments: [id.rawValue])
                .map(Self.decodeChannel)
        }
    }

    public func deliveries(state: DeliveryState?, channel: ChannelID?, before: DeliveryID?, limit: Int) async throws -> [Delivery] {
        try await read { db in
            var conditions: [String] = []
            var arguments: [DatabaseValue] = []
            if let state { conditions.append("state = ?"); arguments.append(state.rawValue.databaseValue) }
            if let channel { conditions.append("channelId = ?"); arguments.append(channel.rawValue.databaseValue) }
            if let before { conditions.append("id < ?"); arguments.append(before.rawValue.databaseValue) }
            arguments.append(limit.databaseValue)
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(
                db, sql: "SELECT id, record FROM delivery \(filter) ORDER BY id DESC LIMIT ?", arguments: StatementArguments(arguments)
            ).map(Self.decodeDelivery)
        }
    }

    public func dueDeliveries(at now: Date, limit: Int) async throws -> [Delivery] {
        try await read { db in
            try Row.fetchAll(
                db, sql: """
                    SELECT id, record FROM delivery WHERE state IN \(NotificationSQL.retrying) AND nextAttemptAt <= ?
                    ORDER BY nextAttemptAt, id LIMIT ?
                    """, arguments: [now.millisecondsSince1970, limit]
            ).map(Self.decodeDelivery)
        }
    }

    public func nextDeliveryAttempt() async throws -> Date? {
        try await read { db in
            try Int64.fetchOne(db, sql: "SELECT MIN(nextAttemptAt) FROM delivery WHERE state IN \(NotificationSQL.retrying)")
                .map { Date(millisecondsSince1970: $0) }
        }
    }

    static func decodeChannel(_ row: Row) throws -> NotificationChannel {
        var channel = try StoredJSON.decode(NotificationChannel.self, from: row["record"], table: "notification_channel")
        channel.id = ChannelID(row["id"] as Int64)
        return channel
    }

    static func decodeDelivery(_ row: Row) throws -> Delivery {
        var delivery = try StoredJSON.decode(Delivery.self, from: row["record"], table: "delivery")
        delivery.id = DeliveryID(row["id"] as Int64)
        return delivery
    }

    /// The notification cases of `apply`, inside its transaction; returns the event appended, if any.
    static func applyNotificationChange(_ change: StoreChange, db: Database, events: inout EventAppender) throws -> Event? {
        switch change {
        case .addChannel(var channel, let event):
            channel.id = nil
            if try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM notification_channel WHERE name = ? AND deletedAt IS NULL)",
                arguments: [channel.name]) == true
            {
                throw StoreError.channelNameTaken(channel.name)
            }
            try db.execute(
                sql: "INSERT INTO notification_channel (name, deletedAt, record) VALUES (?, ?, ?)",
                arguments: [channel.name, channel.deletedAt?.millisecondsSince1970, try StoredJSON.encode(channel)])
            return try events.append(EventPayloadStamp.stamping(db.lastInsertedRowID, into: event))
        case .saveChannel(var channel):
            guard let id = channel.id else { throw StoreError.corruptRow(table: "notification_channel", detail: "saving a channel without an id") }
            channel.id = nil
            try db.execute(
                sql: "UPDATE notification_channel SET name = ?, deletedAt = ?, record = ? WHERE id = ?",
                arguments: [channel.name, channel.deletedAt?.millisecondsSince1970, try StoredJSON.encode(channel), id.rawValue])
            return nil
        case .addDelivery(var delivery):
            delivery.id = nil
            try db.execute(
                sql: "INSERT OR IGNORE INTO delivery (\(NotificationSQL.deliveryColumns)) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    delivery.eventSeq, delivery.channelId.rawValue, delivery.state.rawValue,
                    delivery.nextAttemptAt?.millisecondsSince1970, try StoredJSON.encode(delivery),
                ])
            return nil
        case .saveDelivery(var delivery):
            guard let id = delivery.id else { throw StoreError.corruptRow(table: "delivery", detail: "saving a delivery without an id") }
            delivery.id = nil
            try db.execute(
                sql: "UPDATE delivery SET state = ?, nextAttemptAt = ?, record = ? WHERE id = ?",
                arguments: [delivery.state.rawValue, delivery.nextAttemptAt?.millisecondsSince1970, try StoredJSON.encode(delivery), id.rawValue])
            return nil
        default:
            return nil
        }
    }
}
