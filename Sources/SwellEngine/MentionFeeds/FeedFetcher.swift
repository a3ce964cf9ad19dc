import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// What one conditional GET of a feed gave.
public enum FeedFetch: Sendable, Equatable {
    /// 200: the document, with the validators to send next time.
    case document(Data, etag: String?, lastModified: String?)
    /// 304: nothing changed since the validators sent.
    case notModified
    /// Anything else: the status (nil when no answer came), what went wrong, and how long the server asked to wait.
    case failed(status: Int?, error: String, retryAfter: TimeInterval?)
}

/// Fetches feeds. The live one is ``LiveFeedFetcher``; tests may hand in another.
public protocol FeedFetcher: Sendable {
    func fetch(_ url: String, etag: String?, lastModified: String?) async -> FeedFetch
}

/// Conditional GET over HTTP (AsyncHTTPClient): `If-None-Match` and `If-Modified-Since` from the last answer, a
/// 20-second deadline and at most 8 MiB of document.
public struct LiveFeedFetcher: FeedFetcher {
    let http: HTTPClient
    let timeout: TimeAmount
    static let maximumBytes = 8 << 20

    public init(http: HTTPClient = .shared, timeout: TimeAmount = .seconds(20)) {
        self.http = http
        self.timeout = timeout
    }

    public func fetch(_ url: String, etag: String?, lastModified: String?) async -> FeedFetch {
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        request.headers.add(name: "User-Agent", value: "Swell (mention feeds)")
        request.headers.add(name: "Accept", value: "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5")
        if let etag { request.headers.add(name: "If-None-Match", value: etag) }
        if let lastModified { request.headers.add(name: "If-Modified-Since", value: lastModified) }
        do {
            let response = try await http.execute(request, timeout: timeout)
            let status = Int(response.status.code)
            switch status {
            case 304:
                return .notModified
            case 200..<300:
                let body = try await response.body.collect(upTo: Self.maximumBytes)
                return .document(
                    Data(buffer: body), etag: response.headers.first(name: "ETag"),
                    lastModified: response.headers.first(name: "Last-Modified"))
            default:
                let retryAfter = response.headers.first(name: "Retry-After").flatMap { TimeInterval($0) }
                return .failed(status: status, error: "HTTP \(status)", retryAfter: retryAfter)
            }
        } catch {
            return .failed(status: nil, error: "\(error)", retryAfter: nil)
        }
    }
}
