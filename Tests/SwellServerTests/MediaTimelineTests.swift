import Foundation
import Hummingbird
import HummingbirdTesting
import SwellCore
import Testing

@testable import SwellEngine
@testable import SwellServer

/// PR's media timeline: mentions of the incident's cluster, its media contacts and statements in one list, newest
/// first, paged without loss or repeat; across incidents, every mention too.
@Suite struct MediaTimelineTests {
    @Test func mentionsContactsAndStatementsInterleaveNewestFirst() async throws {
        let app = try await TestApp(detection: .standard, playbook: try TestPlaybook.load(autoOpen: "never"), liveClock: true)
        app.clock.set("2026-07-01T12:00:00Z")
        try await app.run { client in
            let story = IncidentStory(app: app, client: client)
            _ = try await story.burst(10)
            let warning = try await story.firstWarning()
            let opened = try await client.post(
                "/v1/incidents", as: .incidentManager, json: "{\"warningId\":\(try #require(warning["id"] as? Int))}", app: app)
            let id = try #require(opened.json["id"] as? Int)
            let cluster = try #require(warning["clusterId"] as? Int)
            app.clock.set("2026-07-01T13:00:00Z")

            let media = #"{"outlet":"新京报","channel":"phone","inquiry":"询问酒店降级，回电13812345678","tone":"negative","at":"2026-07-01T12:20:00Z"}"#
            #expect(try await client.post("/v1/incidents/\(id)/media-contacts", as: .pr, json: media, app: app).status == .created)
            let statement = #"{"kind":"statement","title":"关于澳洲团酒店问题的说明","text":"正在核实","at":"2026-07-01T12:30:00Z"}"#
            #expect(try await client.post("/v1/incidents/\(id)/statements", as: .pr, json: statement, app: app).status == .created)
            var mentionIds: [Int] = []
            for (n, at) in ["2026-07-01T12:10:00Z", "2026-07-01T12:25:00Z", "2026-07-01T12:40:00Z"].enumerated() {
                let created = try await client.post(
                    "/v1/mentions", as: .pr, json: MentionRoutesTests.mentionJSON("tl/\(n)", publishedAt: at), app: app)
                mentionIds.append(try #require(created.json["id"] as? Int))
            }
            // Two of them are about the incident's cluster, one is not
            for mention in mentionIds.prefix(2) {
                _ = try await client.execute(
                    uri: "/v1/mentions/\(mention)", method: .patch, headers: app.headers(.pr), body: ByteBuffer(string: "{\"clusterId\":\(cluster)}"))
            }
            _ = try await client.execute(
                uri: "/v1/mentions/\(mentionIds[2])", method: .patch, headers: app.headers(.pr), body: ByteBuffer(string: #"{"clusterId":null}"#))

            // The incident's timeline, two at a time
            var seen: [(String, String)] = []
            var cursor: String?
            repeat {
                let page = try await client.get(
                    "/v1/media-timeline?incidentId=\(id)&limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""), as: .executive, app: app).json
                for item in page["items"] as? [[String: Any]] ?? [] {
                    seen.append((item["kind"] as? String ?? "", item["at"] as? String ?? ""))
                    #expect((item["text"] as? String)?.contains("13812345678") == false)
                }
                cursor = page["nextCursor"] as? String
            } while cursor != nil
            #expect(seen.map(\.0) == ["statement", "mention", "media_contact", "mention"])
            #expect(seen.map(\.1) == ["2026-07-01T12:30:00Z", "2026-07-01T12:25:00Z", "2026-07-01T12:20:00Z", "2026-07-01T12:10:00Z"])

            // Across incidents: the unlinked mention too
            let all = try await client.get("/v1/media-timeline?limit=50", as: .executive, app: app).json["items"] as? [[String: Any]]
            #expect(all?.count == 5)
            #expect(try await client.get("/v1/media-timeline?incidentId=999", as: .executive, app: app).status == .notFound)
            #expect(try await client.get("/v1/media-timeline?cursor=nope", as: .executive, app: app).status == .badRequest)
        }
    }
}
