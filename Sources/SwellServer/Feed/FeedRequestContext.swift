import Hummingbird
import NIOCore
import HummingbirdWebSocket
import SwellCore
import SwellStore
import SwellEngine

/// The request context of the WebSocket router: Hummingbird's core, the upgrade handler slot, and the caller
/// resolved from a feed ticket or a bearer token by `FeedAuthenticationMiddleware`.
public struct FeedRequestContext: RequestContext, WebSocketRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let webSocket: WebSocketHandlerReference<FeedRequestContext>
    var caller: Caller?
    /// The connection itself, which the feed writes its frames into in runs (see `FeedChannelWriter`).
    let channel: any NIOCore.Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
        webSocket = .init()
        caller = nil
    }
}

/// Resolves who opens a feed socket: `?ticket=` (redeemed once) or `Authorization: Bearer`. It never answers
/// itself: without a caller the route refuses the upgrade, which Hummingbird sends as a bare 400.
struct FeedAuthenticationMiddleware: RouterMiddleware {
    let environment: ServerEnvironment
    let tickets: FeedTickets

    func handle(
        _ request: Request, context: FeedRequestContext, next: (Request, FeedRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let ticket = request.uri.queryParameters["ticket"] {
            context.caller = tickets.redeem(String(ticket))
        } else if let header = request.headers[.authorization], header.count > 7, header.prefix(7).lowercased() == "bearer " {
            let token = header.dropFirst(7).trimmingCharacters(in: .whitespaces)
            context.caller = try await environment.store.caller(forTokenHash: EventHashing.tokenHash(token))
        }
        if let caller = context.caller { context.logger[metadataKey: "caller"] = .string(caller.name) }
        return try await next(request, context)
    }
}
