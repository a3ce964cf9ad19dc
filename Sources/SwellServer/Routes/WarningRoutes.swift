import Hummingbird
import SwellCore
import SwellEngine

/// `/v1/warnings`: early warnings and escalations, newest first.
struct WarningRoutes {
    let environment: ServerEnvironment

    func register(on group: RouterGroup<SwellRequestContext>) {
        group.get(use: list)
        group.get("{id}", use: show)
    }

    /// GET /v1/warnings[?clusterId=&limit=]
    @Sendable func list(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<WarningList> {
        try context.require(.readCases)
        let limit = try QueryValues.limit(request, default: 100, max: 1000)
        let cluster = try QueryValues.integer(request, "clusterId").map { ClusterID($0) }
        let warnings = try await environment.store.warnings(limit: limit, clusterId: cluster)
        return JSONResponse(WarningList(items: warnings.map(WarningView.init)))
    }

    /// GET /v1/warnings/{id}
    @Sendable func show(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<WarningView> {
        try context.require(.readCases)
        let id = try PathValues.id(context, WarningID.self, "warning")
        guard let warning = try await environment.store.warning(id) else { throw Problem.notFound("There is no warning \(id).") }
        return JSONResponse(WarningView(warning))
    }
}

struct WarningList: Encodable, Sendable {
    var items: [WarningView]
}
