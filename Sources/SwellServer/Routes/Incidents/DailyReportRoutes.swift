import Foundation
import Hummingbird
import SwellCore
import SwellEngine

/// `/v1/incidents/{id}/daily-reports`: the daily monitoring reports the scheduler wrote, as JSON or as a
/// printable HTML page with a chart of the days so far.
struct DailyReportRoutes {
    let environment: ServerEnvironment
    var inputs: IncidentInputs { IncidentInputs(environment: environment) }

    func register(on group: RouterGroup<SwellRequestContext>) {
        group.get("{id}/daily-reports", use: list)
        group.get("{id}/daily-reports/{day}", use: show)
    }

    /// GET /v1/incidents/{id}/daily-reports — every report, oldest day first.
    @Sendable func list(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<ItemList<StoredDailyReport>> {
        try context.require(.readCases)
        let engine = try inputs.engine
        let id = try inputs.incidentId(context)
        return JSONResponse(ItemList(items: try await IncidentProblems.run { try await engine.dailyReports(of: id) }))
    }

    /// GET /v1/incidents/{id}/daily-reports/{day} — one day's report (`YYYY-MM-DD`, the playbook's local date);
    /// `{day}.html` or `?format=html` gives the printable page.
    @Sendable func show(_ request: Request, context: SwellRequestContext) async throws -> Response {
        try context.require(.readCases)
        let engine = try inputs.engine
        let id = try inputs.incidentId(context)
        var day = context.parameters.get("day") ?? ""
        var html = request.uri.queryParameters["format"] == "html"
        if day.hasSuffix(".html") {
            day.removeLast(5)
            html = true
        }
        let (record, reports) = try await IncidentProblems.run {
            (try await engine.incident(id), try await engine.dailyReports(of: id))
        }
        guard let report = reports.first(where: { $0.day == day }) else { throw IncidentProblems.problem(.reportNotFound(day)) }
        if html {
            let curve = try await engine.curve(incident: id, asOf: report.report.period.end)
            let page = DailyReportPage(incident: record, report: report, timeZone: engine.playbook.timeZone, curve: curve).html
            return Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page)))
        }
        return try JSONResponse(report).response(from: request, context: context)
    }
}
