import Foundation
import Hummingbird
import SwellCore
import SwellEngine

/// `/v1/incidents/{id}/dossier`: the incident's report for regulators and the board, as a printable page or JSON.
struct DossierRoutes {
    let environment: ServerEnvironment
    var inputs: IncidentInputs { IncidentInputs(environment: environment) }

    func register(on group: RouterGroup<SwellRequestContext>) {
        group.get("{id}/dossier", use: show)
    }

    /// GET /v1/incidents/{id}/dossier[?format=json] — every role; the demands are masked for roles without personal data.
    @Sendable func show(_ request: Request, context: SwellRequestContext) async throws -> Response {
        let caller = try context.require(.readCases)
        let engine = try inputs.engine
        let id = try inputs.incidentId(context)
        let format = request.uri.queryParameters["format"].map(String.init) ?? "html"
        guard ["html", "json"].contains(format) else { throw Problem.badParameter("format", "format must be html or json.") }
        let dossier = try await IncidentProblems.run { try await DossierBuilder(environment: environment, engine: engine).build(id, role: caller.role) }
        if format == "json" { return try JSONResponse(dossier).response(from: request, context: context) }
        return Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: DossierPage(dossier: dossier).html)))
    }
}
