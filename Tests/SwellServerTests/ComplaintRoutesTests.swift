import Foundation
import Hummingbird
import HummingbirdTesting
import SwellCore
import Testing

@testable import SwellEngine
@testable import SwellServer

@Suite struct ComplaintIntakeTests {
    @Test func postingTwiceCreatesOnce() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let first = try await client.post("/v1/complaints", json: complaintJSON("h-1"), app: app)
            #expect(first.status == .created)
            #expect(first.headers[.location] == "/v1/complaints/1")
            let again = try await client.post("/v1/complaints", json: complaintJSON("h-1", text: "other"), app: app)
            #expect(again.status == .ok)
            #expect(again.json["id"] as? Int == 1)
            #expect(again.json["text"] as? String == "酒店与合同不符，说好的四星变成了汽车旅馆")
        }
        #expect(try await app.store.lastEventSeq() == 5 + 1)  // five token events, one complaint
    }

    @Test func readsBackAndLists() async throws {
        let app = try await TestApp()
        try await app.run { client in
            for n in 1...3 {
                _ = try await client.post("/v1/complaints", json: complaintJSON("h-\(n)", receivedAt: "2026-07-01T0\(n):00:00Z"), app: app)
            }
            let one = try await client.get("/v1/complaints/2", app: app)
            #expect(one.status == .ok)
            #expect(one.json["externalId"] as? String == "h-2")
            #expect((one.json["complainant"] as? [String: Any])?["phone"] as? String == "13812345678")

            let page1 = try await client.get("/v1/complaints?limit=2", app: app)
            let items1 = try #require(page1.json["items"] as? [[String: Any]])
            #expect(items1.map { $0["externalId"] as? String } == ["h-3", "h-2"])
            let cursor = try #require(page1.json["nextCursor"] as? String)
            let page2 = try await client.get("/v1/complaints?limit=2&cursor=\(cursor)", app: app)
            let items2 = try #require(page2.json["items"] as? [[String: Any]])
            #expect(items2.map { $0["externalId"] as? String } == ["h-1"])
            #expect(page2.json["nextCursor"] == nil)

            let filtered = try await client.get("/v1/complaints?product=AU-8D-0612&departure=2026-06-12&channel=hotline&receivedFrom=2026-07-01T02:00:00Z", app: app)
            #expect((filtered.json["items"] as? [Any])?.count == 2)

            #expect(try await client.get("/v1/complaints/99", app: app).status == .notFound)
            #expect(try await client.get("/v1/complaints/abc", app: app).status == .notFound)
        }
    }

    @Test func unknownFieldsAreIgnored() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let response = try await client.post("/v1/complaints", json: complaintJSON("h-1", extra: #","mood":"angry""#), app: app)
            #expect(response.status == .created)
        }
    }

    @Test func badQueryParametersAreNamed() async throws {
        let app = try await TestApp()
        try await app.run { client in
            for (query, field) in [("limit=0", "limit"), ("limit=x", "limit"), ("channel=fax", "channel"),
                                   ("departure=June", "departure"), ("receivedFrom=today", "receivedFrom"),
                                   ("cursor=%%%", "cursor"), ("clusterId=one", "clusterId")] {
                let response = try await client.get("/v1/complaints?\(query)", app: app)
                #expect(response.status == .badRequest, "\(query)")
                #expect(response.json["field"] as? String == field)
            }
        }
    }
}

@Suite struct BadInputTests {
    /// Each class of bad input, with the status and problem type it must get; none may be a 500.
    static let cases: [(name: String, body: String, status: HTTPResponse.Status, type: String, field: String?)] = [
        ("malformed JSON", #"{"externalId": "#, .badRequest, "malformed-json", nil),
        ("not an object", #"["a"]"#, .badRequest, "malformed-json", nil),
        ("wrong type", complaintJSON("x").replacingOccurrences(of: #""channel":"hotline""#, with: #""channel":7"#), .unprocessableContent, "validation-failed", "channel"),
        ("missing text", #"{"externalId":"x","receivedAt":"2026-07-01T08:15:00Z","channel":"web"}"#, .unprocessableContent, "validation-failed", "text"),
        ("missing receivedAt", #"{"externalId":"x","channel":"web","text":"t"}"#, .unprocessableContent, "validation-failed", "receivedAt"),
        ("unknown channel", complaintJSON("x").replacingOccurrences(of: "hotline", with: "pigeon"), .unprocessableContent, "validation-failed", "channel"),
        ("bad date", complaintJSON("x", receivedAt: "01/07/2026"), .unprocessableContent, "validation-failed", "receivedAt"),
        ("absurd future", complaintJSON("x", receivedAt: "2036-07-01T08:15:00Z"), .unprocessableContent, "validation-failed", "receivedAt"),
        ("empty text", complaintJSON("x", text: "  "), .unprocessableContent, "validation-failed", "text"),
        ("over-long text", complaintJSON("x", text: String(repeating: "a", count: 20_001)), .unprocessableContent, "validation-failed", "text"),
        ("null body", "null", .badRequest, "malformed-json", nil),
    ]

    @Test(arguments: 0..<cases.count)
    func isAProblemNotACrash(_ index: Int) async throws {
        let testCase = Self.cases[index]
        let app = try await TestApp()
        try await app.run { client in
            let response = try await client.post("/v1/complaints", json: testCase.body, app: app)
            #expect(response.status == testCase.status, "\(testCase.name)")
            #expect(response.problemType == "urn:swell:problem:\(testCase.type)", "\(testCase.name)")
            #expect(response.json["field"] as? String == testCase.field, "\(testCase.name)")
            #expect(response.json["detail"] is String)
        }
        #expect(try await app.store.complaint(ComplaintID(1)) == nil)
    }

    @Test func invalidUTF8IsRejected() async throws {
        let app = try await TestApp()
        try await app.run { client in
            var body = ByteBuffer(string: #"{"externalId":"x","text":""#)
            body.writeBytes([0xC3, 0x28, 0xFF])
            body.writeString(#""}"#)
            let response = try await client.execute(uri: "/v1/complaints", method: .post, headers: app.headers(.intake), body: body)
            #expect(response.status == .badRequest)
            #expect(response.problemType == "urn:swell:problem:invalid-utf8")
        }
    }

    @Test func overSizeBodyIs413() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let huge = complaintJSON("x", text: String(repeating: "a", count: 1_100_000))
            let response = try await client.post("/v1/complaints", json: huge, app: app)
            #expect(response.status == .contentTooLarge)
            #expect(response.problemType == "urn:swell:problem:body-too-large")
        }
    }

    @Test func unknownRoutesAndMethodsAreProblems() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let missing = try await client.get("/v2/nothing", app: app)
            #expect(missing.status == .notFound)
            #expect(missing.problemType == "urn:swell:problem:not-found")
            let wrongMethod = try await client.execute(uri: "/v1/complaints/1", method: .delete, headers: app.headers(.admin))
            #expect(wrongMethod.problemType != nil)
            #expect(wrongMethod.status != .internalServerError)
        }
    }
}

@Suite struct BatchIntakeTests {
    @Test func storesGoodItemsAndReportsBadOnes() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let body = "[\(complaintJSON("b-1")),{\"externalId\":\"b-2\",\"text\":5},\(complaintJSON("b-3")),\(complaintJSON("b-1"))]"
            let response = try await client.post("/v1/complaints/batch", json: body, app: app)
            #expect(response.status == .ok)
            #expect(response.json["created"] as? Int == 2)
            #expect(response.json["duplicates"] as? Int == 1)
            #expect(response.json["rejected"] as? Int == 1)
            let results = try #require(response.json["results"] as? [[String: Any]])
            #expect(results.map { $0["status"] as? String } == ["created", "rejected", "created", "duplicate"])
            let errors = try #require(results[1]["errors"] as? [[String: Any]])
            #expect(errors.first?["field"] as? String == "text")
        }
    }

    @Test func acceptsNDJSONAndNamesTheLine() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let body = complaintJSON("n-1") + "\n\n{not json}\n" + complaintJSON("n-2") + "\n"
            let response = try await client.post("/v1/complaints/batch", json: body, contentType: "application/x-ndjson", app: app)
            #expect(response.status == .ok)
            #expect(response.json["created"] as? Int == 2)
            let results = try #require(response.json["results"] as? [[String: Any]])
            #expect(results.map { $0["status"] as? String } == ["created", "rejected", "created"])
        }
    }

    @Test func atomicBatchStoresNothingWhenOneItemIsBad() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let body = "[\(complaintJSON("a-1")),\(complaintJSON("a-2", receivedAt: "never"))]"
            let response = try await client.post("/v1/complaints/batch?atomic=true", json: body, app: app)
            #expect(response.status == .unprocessableContent)
            #expect(response.problemType == "urn:swell:problem:batch-rejected")
            let items = try #require(response.json["items"] as? [[String: Any]])
            #expect(items.first?["index"] as? Int == 1)
        }
        #expect(try await app.store.complaint(ComplaintID(1)) == nil)
    }

    @Test func refusesMoreThanTenThousandItems() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let body = "[" + Array(repeating: "{}", count: 10_001).joined(separator: ",") + "]"
            let response = try await client.post("/v1/complaints/batch", json: body, app: app)
            #expect(response.status == .contentTooLarge)
            #expect(response.problemType == "urn:swell:problem:batch-too-large")
        }
    }
}
