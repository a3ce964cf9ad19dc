import Foundation
import Hummingbird
import HummingbirdTesting
import SwellCore
import SwellStore
import Testing

@testable import SwellServer

/// Public mentions through the HTTP API: PR records them (single, batch with a bad line), everyone reads them with
/// personal data masked, the tone is read on arrival, and PR corrects the tone and the link, audited.
@Suite struct MentionRoutesTests {
    static func mentionJSON(
        _ path: String, text: String = "跟团游三亚，说好的五星酒店变成了快捷酒店，旅行社太坑人了", source: String = "weibo",
        publishedAt: String = "2026-07-01T10:00:00Z", extra: String = ""
    ) -> String {
        #"{"url":"https://weibo.com/\#(path)?utm_source=share","source":"\#(source)","outlet":"三亚旅游吐槽","text":"\#(text)","publishedAt":"\#(publishedAt)","reach":52000\#(extra)}"#
    }

    @Test func prRecordsAMentionOnceAndEveryoneReadsItMasked() async throws {
        let app = try await TestApp()
        try await app.run { client in
            // When PR posts a negative post naming a phone number
            let body = Self.mentionJSON("a/1", text: "旅行社太坑人了，导游电话13812345678，打了没人接")
            let created = try await client.post("/v1/mentions", as: .pr, json: body, app: app)
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? Int)
            #expect(created.json["url"] as? String == "https://weibo.com/a/1", "the tracking parameter is gone")
            #expect(created.json["tone"] as? String == "negative")
            #expect(created.json["language"] as? String == "zh")
            #expect(created.headers[.location] == "/v1/mentions/\(id)")

            // Then the same URL again (another tracking tag) is the stored one
            let again = try await client.post("/v1/mentions", as: .incidentManager, json: body.replacingOccurrences(of: "share", with: "wechat"), app: app)
            #expect(again.status == .ok)
            #expect(again.json["id"] as? Int == id)

            // And every role reads it with the phone number masked, the admin too
            for role in [Role.executive, .admin, .intake] {
                let read = try await client.get("/v1/mentions/\(id)", as: role, app: app)
                #expect(read.status == .ok)
                let text = try #require(read.json["text"] as? String)
                #expect(!text.contains("13812345678") && text.contains("138****5678"), "\(role): \(text)")
            }
            let event = try await app.store.events(after: 0, limit: 100).last { $0.type == .mentionReceived }
            #expect(event?.draft.payload.contains("\"tone\":\"negative\"") == true)
        }
    }

    @Test func onlyPRManagersAndAdminsRecordMentions() async throws {
        let app = try await TestApp()
        try await app.run { client in
            for role in [Role.intake, .executive] {
                let refused = try await client.post("/v1/mentions", as: role, json: Self.mentionJSON("b/1"), app: app)
                #expect(refused.status == .forbidden)
            }
            #expect(try await client.post("/v1/mentions", as: nil, json: Self.mentionJSON("b/1"), app: app).status == .unauthorized)
        }
    }

    @Test func aBadMentionIsAProblemNamingEveryField() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let response = try await client.post(
                "/v1/mentions", as: .pr, json: #"{"url":"weibo.com/x","source":"radio","publishedAt":"yesterday","reach":-5}"#, app: app)
            #expect(response.status == .unprocessableContent)
            #expect(response.problemType == "urn:swell:problem:validation-failed")
            let fields = (response.json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
            #expect(Set(fields) == ["url", "source", "text", "publishedAt", "reach"])
            let malformed = try await client.post("/v1/mentions", as: .pr, json: "{not json", app: app)
            #expect(malformed.status == .badRequest)
        }
    }

    @Test func aBatchStoresTheGoodItemsAndNamesTheBadLine() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let lines = [
                Self.mentionJSON("c/1"),
                Self.mentionJSON("c/2", text: "Great trip, the guide was wonderful", source: "forum"),
                #"{"url":"https://weibo.com/c/3","source":"weibo"}"#,
                Self.mentionJSON("c/1"),
                "",
            ].joined(separator: "\n")
            let response = try await client.post("/v1/mentions/batch", as: .pr, json: lines, contentType: "application/x-ndjson", app: app)
            #expect(response.status == .ok)
            #expect(response.json["created"] as? Int == 2)
            #expect(response.json["duplicates"] as? Int == 1)
            #expect(response.json["rejected"] as? Int == 1)
            let results = response.json["results"] as? [[String: Any]] ?? []
            #expect(results.map { $0["status"] as? String } == ["created", "created", "rejected", "duplicate"])
            let bad = try #require(results.first { $0["status"] as? String == "rejected" })
            #expect(bad["index"] as? Int == 2)

            // With atomic=true one bad item stores nothing
            let atomic = try await client.post(
                "/v1/mentions/batch?atomic=true", as: .pr,
                json: "[\(Self.mentionJSON("d/1")), {\"url\": \"x\"}]", app: app)
            #expect(atomic.status == .unprocessableContent)
            #expect(try await app.store.mentions(MentionQuery()).items.count == 2)
        }
    }

    @Test func theListFiltersAndPages() async throws {
        let app = try await TestApp()
        try await app.run { client in
            for n in 1...5 {
                let text = n % 2 == 0 ? "导游热情，酒店干净，非常满意" : "酒店太差，非常失望"
                _ = try await client.post(
                    "/v1/mentions", as: .pr, json: Self.mentionJSON("e/\(n)", text: text, publishedAt: "2026-07-01T0\(n):00:00Z"), app: app)
            }
            let negative = try await client.get("/v1/mentions?tone=negative&limit=2", as: .executive, app: app)
            let first = negative.json["items"] as? [[String: Any]] ?? []
            #expect(first.compactMap { $0["publishedAt"] as? String } == ["2026-07-01T05:00:00Z", "2026-07-01T03:00:00Z"])
            let cursor = try #require(negative.json["nextCursor"] as? String)
            let rest = try await client.get("/v1/mentions?tone=negative&limit=2&cursor=\(cursor)", as: .executive, app: app)
            #expect((rest.json["items"] as? [[String: Any]])?.count == 1)
            #expect(rest.json["nextCursor"] == nil || rest.json["nextCursor"] is NSNull)

            #expect(try await client.get("/v1/mentions?tone=angry", as: .executive, app: app).status == .badRequest)
            #expect(try await client.get("/v1/mentions?source=radio", as: .executive, app: app).status == .badRequest)
            #expect(try await client.get("/v1/mentions?cursor=zzz", as: .executive, app: app).status == .badRequest)
            #expect(try await client.get("/v1/mentions?incidentId=99", as: .executive, app: app).status == .notFound)
        }
    }

    @Test func prCorrectsTheToneAndTheLinkAudited() async throws {
        let app = try await TestApp()
        try await WarningHandlingTests.warn(app.store, cluster: 4, level: .yellow, at: "2026-07-01T03:00:00Z")
        try await app.run { client in
            let created = try await client.post("/v1/mentions", as: .pr, json: Self.mentionJSON("f/1"), app: app)
            let id = try #require(created.json["id"] as? Int)
            func patch(_ json: String, as role: Role = .pr) async throws -> TestResponse {
                try await client.execute(
                    uri: "/v1/mentions/\(id)", method: .patch, headers: app.headers(role), body: ByteBuffer(string: json))
            }
            #expect(try await patch(#"{"tone":"neutral"}"#, as: .executive).status == .forbidden)
            #expect(try await patch(#"{"tone":"furious"}"#).status == .unprocessableContent)
            #expect(try await patch(#"{"clusterId":999}"#).status == .unprocessableContent)
            #expect(try await patch(#"{}"#).status == .unprocessableContent)

            // When PR sets the tone and links it to cluster 4
            let linked = try await patch(#"{"tone":"neutral","clusterId":4}"#)
            #expect(linked.status == .ok)
            #expect(linked.json["tone"] as? String == "neutral")
            #expect(linked.json["toneCorrectedBy"] as? String == "pr")
            #expect(linked.json["clusterId"] as? Int == 4)
            #expect(linked.json["linkDecidedBy"] as? String == "pr")
            let listed = try await client.get("/v1/mentions?clusterId=4", as: .executive, app: app)
            #expect((listed.json["items"] as? [[String: Any]])?.count == 1)

            // Then unlinks it
            let unlinked = try await patch(#"{"clusterId":null}"#)
            #expect(unlinked.json["clusterId"] == nil)
            let corrections = try await app.store.events(after: 0, limit: 100).filter { $0.type == .mentionCorrected }
            #expect(corrections.count == 2)
            #expect(corrections[0].draft.payload.contains("\"previousTone\":\"negative\""))
            #expect(corrections[1].draft.payload.contains("\"unlinked\":true"))
        }
    }
}

/// The trend of mentions through the API: per hour, with totals, for all mentions and for a cluster.
@Suite struct MentionTrendRoutesTests {
    @Test func mentionsAreCountedPerHourWithTheirNegativeShareAndReach() async throws {
        let app = try await TestApp()
        try await WarningHandlingTests.warn(app.store, cluster: 6, level: .blue, at: "2026-07-01T03:00:00Z")
        try await app.run { client in
            let plan: [(String, String)] = [
                ("2026-07-01T10:05:00Z", "酒店太差，非常失望"), ("2026-07-01T10:40:00Z", "导游热情，非常满意"),
                ("2026-07-01T12:10:00Z", "旅行社太坑人了"), ("2026-07-01T12:20:00Z", "行程取消，太失望"),
            ]
            var ids: [Int] = []
            for (n, item) in plan.enumerated() {
                let created = try await client.post(
                    "/v1/mentions", as: .pr, json: MentionRoutesTests.mentionJSON("t/\(n)", text: item.1, publishedAt: item.0), app: app)
                ids.append(try #require(created.json["id"] as? Int))
            }
            _ = try await client.execute(
                uri: "/v1/mentions/\(ids[2])", method: .patch, headers: app.headers(.pr), body: ByteBuffer(string: #"{"clusterId":6}"#))

            let trend = try await client.get(
                "/v1/mentions/trend?bucket=hour&from=2026-07-01T10:00:00Z&to=2026-07-01T12:59:00Z", as: .executive, app: app).json
            let buckets = try #require(trend["buckets"] as? [[String: Any]])
            #expect(buckets.compactMap { $0["startsAt"] as? String } == ["2026-07-01T10:00:00Z", "2026-07-01T11:00:00Z", "2026-07-01T12:00:00Z"])
            #expect(buckets.compactMap { $0["mentions"] as? Int } == [2, 0, 2])
            #expect(buckets.compactMap { $0["negativeShare"] as? Double } == [0.5, 0, 1])
            let totals = try #require(trend["totals"] as? [String: Any])
            #expect(totals["mentions"] as? Int == 4)
            #expect(totals["reach"] as? Int == 4 * 52_000)

            let ofCluster = try await client.get(
                "/v1/mentions/trend?bucket=hour&clusterId=6&from=2026-07-01T10:00:00Z&to=2026-07-01T12:59:00Z", as: .executive, app: app).json
            #expect((ofCluster["totals"] as? [String: Any])?["mentions"] as? Int == 1)

            #expect(try await client.get("/v1/mentions/trend?bucket=week", as: .executive, app: app).status == .badRequest)
            #expect(try await client.get(
                "/v1/mentions/trend?bucket=hour&from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", as: .executive, app: app).status == .badRequest)
        }
    }
}
