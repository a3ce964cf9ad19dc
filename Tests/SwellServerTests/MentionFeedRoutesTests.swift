import Foundation
import Hummingbird
import HummingbirdTesting
import SwellCore
import SwellStore
import Testing

@testable import SwellServer

/// Feeds through the HTTP API: only admins register them, every wrong field is named, a feed is listed with its
/// polling state and deleted, and "poll now" needs a server that polls.
@Suite struct MentionFeedRoutesTests {
    @Test func adminsRegisterListAndDeleteFeeds() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let body = #"{"url":"https://news.example.cn/rss.xml","source":"news","outlet":"快报","interval":"15m"}"#
            #expect(try await client.post("/v1/mention-feeds", as: .pr, json: body, app: app).status == .forbidden)
            let created = try await client.post("/v1/mention-feeds", as: .admin, json: body, app: app)
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? Int)
            #expect(created.json["intervalSeconds"] as? Int == 900)
            #expect(created.json["nextPollAt"] as? String == "2026-07-02T00:00:00Z", "polled at once")
            let listed = try await client.get("/v1/mention-feeds", as: .admin, app: app).json["items"] as? [[String: Any]]
            #expect(listed?.count == 1)

            // Poll now needs a poller; this test server runs none
            let poll = try await client.post("/v1/mention-feeds/\(id)/poll", as: .admin, json: "", app: app)
            #expect(poll.status == .serviceUnavailable)

            let deleted = try await client.execute(uri: "/v1/mention-feeds/\(id)", method: .delete, headers: app.headers(.admin))
            #expect(deleted.status == .noContent)
            #expect(try await client.get("/v1/mention-feeds/\(id)", as: .admin, app: app).status == .notFound)
            let types = try await app.store.events(after: 0, limit: 100).map(\.type)
            #expect(types.contains(.mentionFeedCreated) && types.contains(.mentionFeedDeleted))
        }
    }

    @Test func everyWrongFieldIsNamed() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let response = try await client.post(
                "/v1/mention-feeds", as: .admin, json: #"{"url":"ftp://x","source":"radio","interval":"30s"}"#, app: app)
            #expect(response.status == .unprocessableContent)
            let fields = (response.json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
            #expect(Set(fields) == ["url", "source", "interval"])
            let tooOften = try await client.post(
                "/v1/mention-feeds", as: .admin, json: #"{"url":"https://a.example/rss","source":"news","interval":"0.5m"}"#, app: app)
            #expect((tooOften.json["errors"] as? [[String: Any]])?.first?["code"] as? String == "out_of_range")
        }
    }
}
