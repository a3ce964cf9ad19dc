import Hummingbird
import Synchronization

/// Answers a method a resource does not support with 405 and `Allow`, instead of the router's 404: `DELETE
/// /v1/summary` names a resource that exists. A path no route matches stays a 404.
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: RouteMethods

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError where error.status == .notFound && !(error is Problem) {
            let allowed = routes.methods(for: request.uri.path)
            guard !allowed.isEmpty, !allowed.contains(request.method) else { throw error }
            var problem = Problem(
                .methodNotAllowed, "method-not-allowed", title: "Method not allowed",
                detail: "\(request.uri.path) supports \(allowed.map(\.rawValue).joined(separator: ", ")), not \(request.method.rawValue).")
            problem.allow = allowed
            throw problem
        }
    }
}

/// Every route's path pattern and methods, filled once the router holds all its routes.
final class RouteMethods: Sendable {
    private struct Route {
        /// nil for a parameter segment (`:id`), which matches any one segment.
        var segments: [String?]
        var method: HTTPRequest.Method
    }

    private let routes = Mutex<[Route]>([])

    /// Takes the router's routes as `(method, path)` pairs, paths as Hummingbird prints them (`/v1/incidents/{id}`).
    func record(_ pairs: [(HTTPRequest.Method, String)]) {
        let parsed = pairs.map { method, path in
            Route(segments: Self.segments(of: path).map { $0.hasPrefix(":") || $0.hasPrefix("{") || $0.hasPrefix("*") ? nil : $0 }, method: method)
        }
        routes.withLock { $0 = parsed }
    }

    /// The methods routed for this request path, in a stable order (empty when no route has its shape).
    func methods(for path: String) -> [HTTPRequest.Method] {
        let segments = Self.segments(of: path)
        // The most specific patterns win, as in the router: `/v1/mentions/trend` is not `/v1/mentions/{id}`.
        let found = routes.withLock { routes in
            let matching = routes.filter { route in
                route.segments.count == segments.count
                    && zip(route.segments, segments).allSatisfy { pattern, segment in pattern == nil || pattern == segment }
            }
            let literals = { (route: Route) in route.segments.filter { $0 != nil }.count }
            let best = matching.map(literals).max()
            return matching.filter { literals($0) == best }.map(\.method)
        }
        return Dictionary(found.map { ($0.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
            .sorted { $0.key < $1.key }.map(\.value)
    }

    private static func segments(of path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }
}
