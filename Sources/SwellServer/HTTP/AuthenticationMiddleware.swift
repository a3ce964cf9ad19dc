import Hummingbird
import SwellCore
import SwellStore
import SwellEngine

/// Resolves `Authorization: Bearer <token>` to a caller. No header: the request goes on anonymous and each
/// route decides. A header with an unknown or revoked token: 401 at once — except on the open routes (health,
/// readiness, metrics, the API document, the dashboard's files), which ignore the header, so a load balancer
/// with a stale token does not mark a healthy instance dead.
struct AuthenticationMiddleware: RouterMiddleware {
    let store: any CaseStore

    /// Paths that need no token and ignore any.
    static func isOpen(_ path: String) -> Bool {
        ["/", "/healthz", "/readyz", "/metrics", "/openapi.yaml"].contains(path) || path.hasPrefix("/assets/")
    }

    func handle(
        _ request: Request, context: SwellRequestContext,
        next: (Request, SwellRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let header = request.headers[.authorization], !Self.isOpen(request.uri.path) else {
            return try await next(request, context)
        }
        guard header.count > 7, header.prefix(7).lowercased() == "bearer " else { throw Problem.unauthenticated }
        let token = header.dropFirst(7).trimmingCharacters(in: .whitespaces)
        guard let caller = try await store.caller(forTokenHash: EventHashing.tokenHash(token)) else {
            throw Problem.unauthenticated
        }
        var context = context
        context.caller = caller
        context.logger[metadataKey: "caller"] = .string(caller.name)
        return try await next(request, context)
    }
}
