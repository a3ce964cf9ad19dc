import Hummingbird
import Logging
import SwellStore
import SwellEngine

/// The outermost middleware: every error becomes a problem document. Swell's own `Problem`s pass through;
/// Hummingbird's errors (404, 405, 413, …) are translated; a store that cannot be reached answers 503 with
/// `Retry-After`; anything else is logged and answered with a generic 500 that reveals nothing of the internals.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            throw problem
        } catch let error as any HTTPResponseError {
            throw Self.translate(error.status)
        } catch StoreError.unavailable(let detail) {
            context.logger.warning("Case store unavailable", metadata: ["error": "\(detail)"])
            throw Problem.storeUnavailable
        } catch {
            context.logger.error("Unhandled error", metadata: ["error": "\(String(reflecting: error))"])
            throw Problem(
                .internalServerError, "internal", title: "Internal error",
                detail: "Something went wrong on the server; it has been logged.")
        }
    }

    static func translate(_ status: HTTPResponse.Status) -> Problem {
        switch status {
        case .notFound: .notFound("There is no such resource.")
        case .methodNotAllowed:
            Problem(.methodNotAllowed, "method-not-allowed", title: "Method not allowed", detail: "This resource does not support that method.")
        case .contentTooLarge: .tooLarge(limit: SwellRequestContext.uploadLimit)
        default: Problem(status, "http-\(status.code)", title: status.reasonPhrase, detail: status.reasonPhrase)
        }
    }
}
