import Foundation
import Hummingbird
import SwellCore
import SwellEngine

/// `/v1/incidents/{id}/plan`: the response plan (应对方案), with the affected headcount and the demands
/// worked out from the complaints, and who approved it when.
struct PlanRoutes {
    let environment: ServerEnvironment
    var inputs: IncidentInputs { IncidentInputs(environment: environment) }

    func register(on group: RouterGroup<SwellRequestContext>) {
        group.get("{id}/plan", use: show)
        group.put("{id}/plan", use: update)
        group.post("{id}/plan/approve", use: approve)
    }

    struct PlanView: Encodable, Sendable {
        struct Demand: Encodable, Sendable {
            var demand: String
            var count: Int
        }

        /// Distinct complainants of the incident now.
        var affectedHeadcount: Int
        var complaintCount: Int
        /// The complaints' demands, grouped and counted, most frequent first (personal data masked).
        var demands: [Demand]
        var version: Int?
        var predictedIssues: [String]
        var text: String?
        var updatedBy: String?
        var updatedAt: String?
        var approvedBy: String?
        var approvedAt: String?
    }

    /// GET /v1/incidents/{id}/plan — the plan with live facts (headcount, demands).
    @Sendable func show(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<PlanView> {
        try context.require(.readCases)
        let engine = try inputs.engine
        let id = try inputs.incidentId(context)
        return JSONResponse(try await view(engine, id))
    }

    struct UpdateRequest: Decodable {
        var predictedIssues: [String]?
        var text: String
        var at: String?
    }

    /// PUT /v1/incidents/{id}/plan — writes the plan; each write is a new version that needs approving again.
    @Sendable func update(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<PlanView> {
        let caller = try context.require(.runIncidents)
        let engine = try inputs.engine
        let id = try inputs.incidentId(context)
        let body = try await inputs.body(UpdateRequest.self, request)
        let text = try inputs.text(body.text, "text") ?? ""
        let issues = try (body.predictedIssues ?? []).enumerated().compactMap { index, issue in
            try inputs.text(issue, "predictedIssues[\(index)]", max: 500, required: false)
        }
        let at = try inputs.instant(body.at)
        _ = try await IncidentProblems.run { try await engine.updatePlan(incident: id, predictedIssues: issues, text: text, at: at, by: caller.name) }
        return JSONResponse(try await view(engine, id))
    }

    /// POST /v1/incidents/{id}/plan/approve — approves the current version; 409 when there is no plan.
    @Sendable func approve(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<PlanView> {
        let caller = try context.require(.runIncidents)
        let engine = try inputs.engine
        let id = try inputs.incidentId(context)
        _ = try await IncidentProblems.run { try await engine.approvePlan(incident: id, at: environment.now(), by: caller.name) }
        return JSONResponse(try await view(engine, id))
    }

    private func view(_ engine: IncidentEngine, _ id: IncidentID) async throws -> PlanView {
        try await IncidentProblems.run {
            let record = try await engine.incident(id)
            let facts = try await engine.planFacts(incident: id)
            let plan = record.plan
            return PlanView(
                affectedHeadcount: facts.affected, complaintCount: facts.complaints,
                demands: facts.demands.map { PlanView.Demand(demand: $0.demand, count: $0.count) },
                version: plan?.version, predictedIssues: plan?.predictedIssues ?? [], text: plan?.text,
                updatedBy: plan?.updatedBy, updatedAt: (plan?.updatedAt).map(RFC3339.format),
                approvedBy: plan?.approvedBy, approvedAt: plan?.approvedAt.map(RFC3339.format))
        }
    }
}
