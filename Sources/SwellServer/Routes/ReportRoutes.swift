import Foundation
import Hummingbird
import SwellCore
import SwellEngine

/// `/v1/reports/response-times`: how fast incidents were handled, one by one and as distributions, each step
/// against the deadline the playbook set for it.
struct ReportRoutes {
    let environment: ServerEnvironment
    var inputs: IncidentInputs { IncidentInputs(environment: environment) }

    func register(on group: RouterGroup<SwellRequestContext>) {
        group.get("response-times", use: responseTimes)
    }

    struct MeasurementView: Encodable, Sendable {
        var seconds: Double?
        var startedAt: String?
        var endedAt: String?
        var deadline: String?
        var verdict: ResponseTimes.Verdict
    }

    struct IncidentTimes: Encodable, Sendable {
        var incidentId: IncidentID?
        var title: String
        var state: IncidentState
        var openedAt: String
        var measures: [String: MeasurementView]
    }

    struct DistributionView: Encodable, Sendable {
        var measure: ResponseTimes.Measure
        var deadlineTask: String?
        var count: Int
        var medianSeconds: Double?
        var p90Seconds: Double?
        var maxSeconds: Double?
        var met: Int
        var missed: Int
        var pending: Int
        /// "met in 9 of 11": incidents whose deadline for the step has been decided (met or missed).
        var summary: String?
    }

    struct ResponseTimesView: Encodable, Sendable {
        var from: String?
        var to: String?
        var incidents: [IncidentTimes]
        var distributions: [DistributionView]
    }

    /// GET /v1/reports/response-times[?from=&to=] — incidents opened in the period, oldest first.
    @Sendable func responseTimes(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<ResponseTimesView> {
        try context.require(.readCases)
        let engine = try inputs.engine
        let parameters = request.uri.queryParameters
        let from = try QueryValues.instant(parameters, "from")
        let to = try QueryValues.instant(parameters, "to")
        if let from, let to, to <= from { throw Problem.badParameter("to", "to must come after from.") }
        let all = try await engine.responseTimes(from: from, to: to, now: environment.now())
        let incidents = all.map { record, times in
            IncidentTimes(
                incidentId: record.id, title: record.title, state: record.state, openedAt: RFC3339.format(record.openedAt),
                measures: Dictionary(uniqueKeysWithValues: times.measurements.map { m in
                    (m.measure.rawValue, MeasurementView(
                        seconds: m.seconds, startedAt: m.start.map(RFC3339.format), endedAt: m.end.map(RFC3339.format),
                        deadline: m.deadline.map(RFC3339.format), verdict: m.verdict))
                }))
        }
        let distributions = ResponseTimes.Measure.allCases.map { measure in
            let d = ResponseTimeDistribution(measure, over: all.map(\.times))
            return DistributionView(
                measure: measure, deadlineTask: measure.deadlineTask, count: d.count, medianSeconds: d.medianSeconds,
                p90Seconds: d.p90Seconds, maxSeconds: d.maxSeconds, met: d.met, missed: d.missed, pending: d.pending,
                summary: measure.deadlineTask == nil ? nil : "met in \(d.met) of \(d.met + d.missed)")
        }
        return JSONResponse(ResponseTimesView(
            from: from.map(RFC3339.format), to: to.map(RFC3339.format), incidents: incidents, distributions: distributions))
    }

}
