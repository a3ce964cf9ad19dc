import Foundation
import SwellCore
import SwellStore
import Testing

/// Full-text search over complaint texts, the same on every store: every term a substring of the folded text
/// (case, full-width forms and traditional or simplified Chinese fold alike), combined with the filters, paged.
enum SearchStoreContract {
    /// Six complaints an hour apart, 08:00 to 13:00, ids 1 to 6.
    static let texts: [(text: String, channel: Channel, product: String)] = [
        ("酒店降级，说好的四星变成了汽车旅馆", .hotline, "AU-8D-0612"),
        ("旅行社把酒店降級了，我們要求退款", .web, "AU-8D-0612"),
        ("The HOTEL was downgraded to a motel", .email, "EU-10D-0701"),
        ("导游强迫购物，要求退款", .hotline, "AU-8D-0612"),
        ("Our hotel was fine but the coach broke down", .email, "EU-10D-0701"),
        ("酒店很好，导游也很好", .web, "AU-8D-0612"),
    ]

    static func complaints() -> [NewComplaint] {
        texts.enumerated().map { index, entry in
            NewComplaint(
                externalId: "search-\(index + 1)", receivedAt: RFC3339.parse(String(format: "2026-07-01T%02d:00:00Z", 8 + index))!,
                channel: entry.channel, text: entry.text, complainant: Complainant(name: "客人", phone: nil),
                product: entry.product)
        }
    }

    static func ids(_ store: any CaseStore, _ q: String, _ order: ComplaintSearch.Order = .newest,
                    configure: (inout ComplaintQuery) -> Void = { _ in }) async throws -> [Int64] {
        var query = ComplaintQuery(search: ComplaintSearch(q, order: order))
        configure(&query)
        return try await store.complaints(query).items.map(\.id.rawValue)
    }

    /// Every page of a search, following `nextCursor` to the end.
    static func allPages(_ store: any CaseStore, _ q: String, _ order: ComplaintSearch.Order, limit: Int) async throws -> [[Int64]] {
        var pages: [[Int64]] = []
        var cursor: ComplaintCursor?
        repeat {
            let page = try await store.complaints(ComplaintQuery(after: cursor, limit: limit, search: ComplaintSearch(q, order: order)))
            pages.append(page.items.map(\.id.rawValue))
            cursor = page.next
            // A cursor's token reads back as the same position (the route hands tokens out).
            if let next = cursor { #expect(ComplaintCursor(token: next.token) == next) }
        } while cursor != nil && pages.count < 20
        return pages
    }

    static func roundTrip(_ store: any CaseStore) async throws {
        _ = try await store.ingest(complaints(), at: storeNow)

        // Chinese in either script finds both scripts, newest first
        #expect(try await ids(store, "酒店降级") == [2, 1])
        #expect(try await ids(store, "酒店降級") == [2, 1])
        // English in any case, and full-width forms
        #expect(try await ids(store, "hotel") == [5, 3])
        #expect(try await ids(store, "HOTEL Downgraded") == [3])
        #expect(try await ids(store, "ＨＯＴＥＬ") == [5, 3])
        #expect(try await ids(store, "downgrade motel") == [3])
        // Two-character words: substring matches too, with or without a longer word beside them
        #expect(try await ids(store, "退款") == [4, 2])
        #expect(try await ids(store, "酒店 退款") == [2])
        #expect(try await ids(store, "要求退款 导游") == [4])
        #expect(try await ids(store, "导") == [6, 4])
        // Nothing matches a word that is nowhere
        #expect(try await ids(store, "过敏").isEmpty)
        #expect(try await ids(store, "hotel 酒店").isEmpty)

        // Combined with the filters
        #expect(try await ids(store, "酒店降级") { $0.channel = .hotline } == [1])
        #expect(try await ids(store, "酒店降级") { $0.product = "EU-10D-0701" }.isEmpty)
        #expect(try await ids(store, "hotel") { $0.receivedBefore = RFC3339.parse("2026-07-01T11:00:00Z") } == [3])
        #expect(try await ids(store, "退款") { $0.receivedFrom = RFC3339.parse("2026-07-01T10:00:00Z") } == [4])

        // Paged newest first, through the trigram index and through the short-word walk
        #expect(try await allPages(store, "hotel", .newest, limit: 1) == [[5], [3]])
        #expect(try await allPages(store, "酒店", .newest, limit: 2) == [[6, 2], [1]])

        // Best match first: every match once, the cursor carrying the score
        for q in ["hotel", "酒店降级", "退款", "hotel was"] {
            let ranked = try await ids(store, q, .relevance)
            #expect(Set(ranked) == Set(try await ids(store, q)), "\(q)")
            #expect(try await allPages(store, q, .relevance, limit: 1).flatMap { $0 } == ranked, "\(q)")
        }
        let page = try await store.complaints(ComplaintQuery(limit: 1, search: ComplaintSearch("hotel", order: .relevance)))
        #expect(page.next?.score != nil)

        // The index follows ingest: a new complaint is found at once, a repeated one is not indexed twice
        _ = try await store.ingest([NewComplaint(
            externalId: "search-7", receivedAt: RFC3339.parse("2026-07-01T14:00:00Z")!, channel: .social,
            text: "又一个酒店降级的团", complainant: Complainant())], at: storeNow)
        _ = try await store.ingest(complaints(), at: storeNow)
        #expect(try await ids(store, "酒店降级") == [7, 2, 1])
    }
}
