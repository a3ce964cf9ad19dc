import Hummingbird
import SwellStore
import SwellEngine

/// Liveness, readiness and the API description. No authentication.
struct OperationsRoutes {
    let environment: ServerEnvironment

    func register(on router: Router<SwellRequestContext>) {
        router.get("healthz", use: health)
        router.get("readyz", use: ready)
        router.get("openapi.yaml", use: openAPI)
    }

    /// GET /healthz — the process is up.
    @Sendable func health(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<Status> {
        JSONResponse(Status(status: "ok"))
    }

    /// How long `/readyz` waits for the store: a load balancer must hear an answer even from a frozen database.
    static let readinessDeadline = 2.0

    /// GET /readyz — the store answers within two seconds; 503 otherwise.
    @Sendable func ready(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<Status> {
        let store = environment.store
        do {
            try await Deadline.run(seconds: Self.readinessDeadline) { try await store.ping() }
        } catch let passed as Deadline.Passed {
            context.logger.warning("Store did not answer in time", metadata: ["seconds": "\(passed.seconds)"])
            throw Problem(
                .serviceUnavailable, "not-ready", title: "Not ready",
                detail: "The case store did not answer within \(Int(passed.seconds)) s.")
        } catch {
            context.logger.warning("Store unreachable", metadata: ["error": "\(error)"])
            throw Problem(.serviceUnavailable, "not-ready", title: "Not ready", detail: "The case store does not answer.")
        }
        return JSONResponse(Status(status: "ready"))
    }

    /// GET /openapi.yaml — the OpenAPI 3.1 description of every route.
    @Sendable func openAPI(_ request: Request, context: SwellRequestContext) async throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: OpenAPISpec.yaml)))
    }

    struct Status: Encodable, Sendable {
        var status: String
    }
}
