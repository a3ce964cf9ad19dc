import Foundation
import Hummingbird
import HummingbirdTesting
import SwellCore
import Testing

@testable import SwellServer

/// `GET /v1/complaints?q=…`: full-text search through the real router, on the list's filters, paging and masking.
@Suite struct ComplaintSearchRoutesTests {
    /// Five complaints an hour apart (01:00 to 05:00), externalIds s-1 to s-5.
    static let texts = [
        "酒店降级，说好的四星变成了汽车旅馆，电话13912345678",
        "旅行社把酒店降級了，我們要求退款",
        "The HOTEL was downgraded to a motel",
        "导游强迫购物，要求退款",
        "Our hotel was fine but the coach broke down",
    ]

    static func seeded(_ body: @escaping @Sendable (any TestClientProtocol, TestApp) async throws -> Void) async throws {
        let app = try await TestApp()
        try await app.run { client in
            for (index, text) in texts.enumerated() {
                let channel = index == 0 ? "web" : "hotline"
                let json = complaintJSON("s-\(index + 1)", receivedAt: "2026-07-01T0\(index + 1):00:00Z", text: text)
                    .replacingOccurrences(of: #""channel":"hotline""#, with: #""channel":"\#(channel)""#)
                #expect(try await client.post("/v1/complaints", json: json, app: app).status == .created)
            }
            try await body(client, app)
        }
    }

    /// The externalIds of one page, and its nextCursor.
    static func search(
        _ client: any TestClientProtocol, _ app: TestApp, _ parameters: String, as role: Role = .intake
    ) async throws -> (ids: [String], next: String?, items: [[String: Any]]) {
        let response = try await client.get("/v1/complaints?\(parameters)", as: role, app: app)
        #expect(response.status == .ok, "\(parameters)")
        let items = response.json["items"] as? [[String: Any]] ?? []
        return (items.compactMap { $0["externalId"] as? String }, response.json["nextCursor"] as? String, items)
    }

    static func q(_ text: String) -> String {
        "q=" + text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }

    @Test func findsSimplifiedAndTraditionalAndEnglishInAnyCase() async throws {
        try await Self.seeded { client, app async throws in
            #expect(try await Self.search(client, app, Self.q("酒店降级")).ids == ["s-2", "s-1"])
            #expect(try await Self.search(client, app, Self.q("酒店降級")).ids == ["s-2", "s-1"])
            #expect(try await Self.search(client, app, Self.q("hotel")).ids == ["s-5", "s-3"])
            #expect(try await Self.search(client, app, Self.q("HoTeL DOWNGRADED")).ids == ["s-3"])
            #expect(try await Self.search(client, app, Self.q("过敏")).ids.isEmpty)
        }
    }

    @Test func combinesWithFiltersAndPages() async throws {
        try await Self.seeded { client, app async throws in
            // Given a filter beside q, only complaints passing both
            #expect(try await Self.search(client, app, Self.q("酒店降级") + "&channel=web").ids == ["s-1"])
            #expect(try await Self.search(client, app, Self.q("hotel") + "&receivedBefore=2026-07-01T04:00:00Z").ids == ["s-3"])

            // Paged newest first: one at a time to the end
            let first = try await Self.search(client, app, Self.q("hotel") + "&limit=1")
            #expect(first.ids == ["s-5"])
            let next = try #require(first.next)
            let second = try await Self.search(client, app, Self.q("hotel") + "&limit=1&cursor=\(next)")
            #expect(second.ids == ["s-3"])
            #expect(second.next == nil)

            // Best match first: the same matches, each once across pages
            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await Self.search(
                    client, app, Self.q("hotel") + "&sort=relevance&limit=1" + (cursor.map { "&cursor=\($0)" } ?? ""))
                seen += page.ids
                cursor = page.next
            } while cursor != nil && seen.count < 10
            #expect(seen.sorted() == ["s-3", "s-5"])
        }
    }

    /// Trigrams need three characters; a one- or two-character word is matched as a substring of the rows
    /// the other words and filters leave (alone: every row, newest first).
    @Test func shortWordsMatchAsSubstrings() async throws {
        try await Self.seeded { client, app async throws in
            #expect(try await Self.search(client, app, Self.q("退款")).ids == ["s-4", "s-2"])
            #expect(try await Self.search(client, app, Self.q("退款 导游")).ids == ["s-4"])
            #expect(try await Self.search(client, app, Self.q("酒店")).ids == ["s-2", "s-1"])
            #expect(try await Self.search(client, app, Self.q("退款") + "&limit=1").next != nil)
        }
    }

    @Test func prSeesMaskedTextAndCannotFindWhatMaskingHides() async throws {
        try await Self.seeded { client, app async throws in
            let masked = try await Self.search(client, app, Self.q("酒店降级"), as: .pr)
            #expect(masked.ids == ["s-2", "s-1"])
            let text = try #require(masked.items.last?["text"] as? String)
            #expect(text.contains("139****5678"))
            #expect(!text.contains("13912345678"))
            #expect(masked.items.allSatisfy { $0["complainant"] == nil })

            // The phone number finds the complaint for intake, and nothing for pr or executive
            #expect(try await Self.search(client, app, Self.q("13912345678")).ids == ["s-1"])
            #expect(try await Self.search(client, app, Self.q("13912345678"), as: .pr).ids.isEmpty)
            #expect(try await Self.search(client, app, Self.q("1234"), as: .executive).ids.isEmpty)
        }
    }

    @Test func badSearchParametersAreNamedProblems() async throws {
        try await Self.seeded { client, app async throws in
            let first = try await Self.search(client, app, Self.q("hotel") + "&limit=1")
            let newestCursor = try #require(first.next)
            let cases: [(String, String)] = [
                ("q=", "q"), ("q=%20%20", "q"), (Self.q(String(repeating: "酒", count: 201)), "q"), (Self.q("!!! ？"), "q"),
                (Self.q("hotel") + "&sort=fast", "sort"), ("sort=relevance", "sort"),
                (Self.q("hotel") + "&sort=relevance&cursor=\(newestCursor)", "cursor"),
            ]
            for (parameters, field) in cases {
                let response = try await client.get("/v1/complaints?\(parameters)", app: app)
                #expect(response.status == .badRequest, "\(parameters.prefix(40))")
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.json["field"] as? String == field, "\(parameters.prefix(40))")
            }
            // 200 characters is still a search
            #expect(try await client.get("/v1/complaints?\(Self.q(String(repeating: "酒", count: 200)))", app: app).status == .ok)
        }
    }
}
