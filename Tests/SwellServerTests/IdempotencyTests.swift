import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SwellCore
import Testing

@testable import SwellEngine
@testable import SwellServer

/// A retried POST with the same `Idempotency-Key` gets the first answer again and creates nothing new; the same
/// key with another body is refused; keys are per token.
@Suite struct IdempotencyTests {
    @Test func aRetriedCreateReturnsTheFirstAnswer() async throws {
        let app = try await TestApp(detection: .standard, playbook: try TestPlaybook.load(autoOpen: "never"))
        try await app.run { client in
            let story = IncidentStory(app: app, client: client)
            _ = try await story.burst(10)
            let warning = try await story.firstWarning()
            func post(_ uri: String, _ json: String, key: String, as role: Role = .incidentManager) async throws -> TestResponse {
                var headers = app.headers(role)
                headers[HTTPField.Name("Idempotency-Key")!] = key
                return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: json))
            }
            let open = "{\"warningId\":\(try #require(warning["id"] as? Int))}"
            let first = try await post("/v1/incidents", open, key: "open-1")
            #expect(first.status == .created)
            let again = try await post("/v1/incidents", open, key: "open-1")
            #expect(again.status == .created, "the first answer, not a 409")
            #expect(again.json["id"] as? Int == first.json["id"] as? Int)
            #expect(again.headers[HTTPField.Name("Idempotency-Replayed")!] == "true")
            let id = try #require(first.json["id"] as? Int)

            let contact = #"{"outlet":"晚报","channel":"phone","inquiry":"询问","tone":"neutral"}"#
            let logged = try await post("/v1/incidents/\(id)/media-contacts", contact, key: "m-1", as: .pr)
            let retried = try await post("/v1/incidents/\(id)/media-contacts", contact, key: "m-1", as: .pr)
            #expect(logged.status == .created && retried.status == .created)
            #expect(logged.json["id"] as? Int == retried.json["id"] as? Int)
            #expect(try await story.items("/v1/incidents/\(id)/media-contacts").count == 1)

            // The same key with another body is refused; another token's same key is its own.
            let other = try await post("/v1/incidents/\(id)/media-contacts", contact.replacingOccurrences(of: "晚报", with: "日报"), key: "m-1", as: .pr)
            #expect(other.status == .unprocessableContent)
            #expect(other.problemType == "urn:swell:problem:idempotency-key-reused")
            let admin = try await post("/v1/incidents/\(id)/media-contacts", contact, key: "m-1", as: .admin)
            #expect(admin.status == .created && admin.json["id"] as? Int != logged.json["id"] as? Int)
            #expect(try await story.items("/v1/incidents/\(id)/media-contacts").count == 2)
        }
    }
}
