import Foundation
import SwellStore
import Testing

/// Kept answers for idempotency keys: the first one of a scope is kept, a second is ignored, old ones go.
enum IdempotencyStoreContract {
    static func roundTrip(_ store: any CaseStore) async throws {
        let at = storeNow
        #expect(try await store.idempotentResponse(scope: "a") == nil)
        let first = StoredResponse(scope: "a", fingerprint: "f1", status: 201, contentType: "application/json", body: #"{"id":1}"#, createdAt: at)
        try await store.keepIdempotentResponse(first, expiredBefore: at.addingTimeInterval(-86_400))
        var second = first
        second.body = #"{"id":2}"#
        try await store.keepIdempotentResponse(second, expiredBefore: at.addingTimeInterval(-86_400))
        #expect(try await store.idempotentResponse(scope: "a") == first, "the first answer is kept")
        // A day later the old answer is forgotten when another is kept
        let later = StoredResponse(scope: "b", fingerprint: "f2", status: 200, contentType: nil, body: "{}", createdAt: at.addingTimeInterval(90_000))
        try await store.keepIdempotentResponse(later, expiredBefore: at.addingTimeInterval(90_000 - 86_400))
        #expect(try await store.idempotentResponse(scope: "a") == nil)
        #expect(try await store.idempotentResponse(scope: "b") == later)
    }
}
