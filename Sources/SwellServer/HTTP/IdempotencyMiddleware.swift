import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import SwellCore
import SwellStore

/// `Idempotency-Key` on every POST: the first answer (2xx) to a key is kept for 24 hours per token and key, and
/// a retry with the same key and the same request gets that answer again (`Idempotency-Replayed: true`) instead of
/// creating a second record. The same key with another method, path or body is a 422 problem. Requests without
/// the header, or without a token, are untouched.
struct IdempotencyMiddleware: RouterMiddleware {
    let store: any CaseStore
    let now: @Sendable () -> Date
    static let lifetime: TimeInterval = 24 * 3600
    static let header = HTTPField.Name("Idempotency-Key")!
    static let replayed = HTTPField.Name("Idempotency-Replayed")!

    func handle(
        _ request: Request, context: SwellRequestContext, next: (Request, SwellRequestContext) async throws -> Response
    ) async throws -> Response {
        guard request.method == .post, let key = request.headers[Self.header], let caller = context.caller else {
            return try await next(request, context)
        }
        guard (1...200).contains(key.count), key.unicodeScalars.allSatisfy({ $0.value >= 0x21 && $0.value <= 0x7E }) else {
            throw Problem.badParameter("Idempotency-Key", "Idempotency-Key must be 1 to 200 visible ASCII characters.")
        }
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let scope = Self.hex(SHA256.hash(data: Data("\(caller.tokenId)\n\(key)".utf8)))
        var digest = SHA256()
        digest.update(data: Data("\(request.method.rawValue) \(request.uri.path)\n".utf8))
        digest.update(data: Data(body.readableBytesView))
        let fingerprint = Self.hex(digest.finalize())
        let at = now()

        if let kept = try await store.idempotentResponse(scope: scope), at.timeIntervalSince(kept.createdAt) < Self.lifetime {
            guard kept.fingerprint == fingerprint else {
                throw Problem(
                    .unprocessableContent, "idempotency-key-reused", title: "The idempotency key was used for another request",
                    detail: "This Idempotency-Key was first sent with another method, path or body; use a new key for a new request.",
                    field: "Idempotency-Key")
            }
            var headers: HTTPFields = [Self.replayed: "true"]
            if let type = kept.contentType { headers[.contentType] = type }
            return Response(
                status: HTTPResponse.Status(code: kept.status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: kept.body)))
        }

        let response = try await next(request, context)
        guard (200..<300).contains(response.status.code) else { return response }
        let collector = BodyCollector()
        var copy = response
        try await response.body.write(collector)
        let text = String(buffer: collector.buffer)
        try await store.keepIdempotentResponse(
            StoredResponse(
                scope: scope, fingerprint: fingerprint, status: response.status.code, contentType: response.headers[.contentType],
                body: text, createdAt: at),
            expiredBefore: at.addingTimeInterval(-Self.lifetime))
        copy.body = .init(byteBuffer: collector.buffer)
        return copy
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String { digest.map { String(format: "%02x", $0) }.joined() }
}

/// Collects a response body, so it can be kept and sent.
final class BodyCollector: ResponseBodyWriter, @unchecked Sendable {
    var buffer = ByteBuffer()

    func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        self.buffer.writeBuffer(&buffer)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
