import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SwellCore
import Testing

@testable import SwellEngine
@testable import SwellServer

/// Notification channels through the HTTP API: admins only, validated per kind, secrets never shown again,
/// renamed and deleted with audited events.
@Suite struct NotificationChannelRoutesTests {
    @Test func channelsAreAdminOnlyValidatedAndKeepTheirSecrets() async throws {
        let app = try await TestApp()
        try await app.run { client in
            func send(_ method: HTTPRequest.Method, _ uri: String, _ json: String = "{}", as role: Role = .admin) async throws -> TestResponse {
                try await client.execute(uri: uri, method: method, headers: app.headers(role), body: ByteBuffer(string: json))
            }
            let webhook = #"{"name":"leadership","kind":"webhook","settings":{"url":"https://hooks.example.com/x","secret":"s3cret"}}"#
            #expect(try await send(.post, "/v1/notification-channels", webhook, as: .incidentManager).status == .forbidden)
            #expect(try await send(.get, "/v1/deliveries", as: .executive).status == .forbidden)

            // Validation per kind, naming the fields
            let bad = try await send(.post, "/v1/notification-channels", #"{"name":"Bad Name","kind":"email","settings":{"host":"smtp.example.com","security":"none","to":[]}}"#)
            #expect(bad.status == .unprocessableContent)
            let body = String(buffer: bad.body)
            #expect(body.contains("name") && body.contains("settings.security") && body.contains("settings.to") && body.contains("settings.from"))
            let fax = try await send(.post, "/v1/notification-channels", #"{"name":"x","kind":"fax"}"#)
            #expect(fax.status == .unprocessableContent && String(buffer: fax.body).contains("kind"))

            let created = try await send(.post, "/v1/notification-channels", webhook)
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? Int)
            #expect((created.json["settings"] as? [String: Any])?["secret"] as? String == "********")
            #expect(created.json["secret"] == nil, "a given secret is not echoed")
            #expect(try await send(.post, "/v1/notification-channels", webhook).status == .conflict)

            // A PATCH without the secret keeps it; the kind cannot change
            let renamed = try await send(.patch, "/v1/notification-channels/\(id)", #"{"name":"leaders","settings":{"url":"https://hooks.example.com/y"}}"#)
            #expect(renamed.status == .ok)
            #expect(renamed.json["name"] as? String == "leaders")
            let stored = try #require(try await app.store.notificationChannel(ChannelID(Int64(id))))
            #expect(stored.settings.secret == "s3cret" && stored.settings.url == "https://hooks.example.com/y")
            #expect(try await send(.patch, "/v1/notification-channels/\(id)", #"{"kind":"email"}"#).status == .unprocessableContent)

            // Deleting frees the name; the channel is gone from the API
            #expect(try await send(.delete, "/v1/notification-channels/\(id)").status == .noContent)
            #expect(try await send(.get, "/v1/notification-channels/\(id)").status == .notFound)
            #expect(try await send(.post, "/v1/notification-channels", webhook.replacingOccurrences(of: "leadership", with: "leaders")).status == .created)
            let types = try await app.store.events(after: 0, limit: 100).map(\.type.rawValue)
            #expect(types.filter { $0.hasPrefix("notification_channel.") } == [
                "notification_channel.created", "notification_channel.updated", "notification_channel.deleted", "notification_channel.created",
            ])
            #expect(try await app.store.events(after: 0, limit: 100).allSatisfy { !$0.draft.payload.contains("s3cret") && !$0.draft.payload.contains("hooks.example.com") })
            #expect(try await send(.get, "/v1/deliveries?state=lost").status == .badRequest)
            #expect(try await send(.get, "/v1/deliveries?state=dead").status == .ok)
        }
    }
}
