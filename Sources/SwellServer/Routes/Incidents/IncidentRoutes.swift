import Foundation
import Hummingbird
import SwellCore
import SwellEngine

/// `/v1/incidents`: open incidents, read them, move them through their states, and link complaints.
struct IncidentRoutes {
    let environment: ServerEnvironment
    var inputs: IncidentInputs { IncidentInputs(environment: environment) }

    func register(on group: RouterGroup<SwellRequestContext>) {
        group.get(use: list)
        group.post(use: open)
        group.get("{id}", use: show)
        group.post("{id}/transitions", use: transition)
        group.post("{id}/complaints", use: link)
        group.delete("{id}/complaints/{complaintId}", use: unlink)
        group.get("{id}/timing", use: timing)
    }

    struct OpenRequest: Decodable {
        var warningId: Int64?
        var clusterId: Int64?
        var title: String?
        var at: String?
    }

    /// POST /v1/incidents — opens an incident from a warning or a cluster (201); 409 when the cluster
    /// already has one that is not closed.
    @Sendable func open(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<IncidentView> {
        let caller = try context.require(.runIncidents)
        let engine = try inputs.engine
        let body = try await inputs.body(OpenRequest.self, request)
        guard body.warningId != nil || body.clusterId != nil else {
            throw Problem.validation([FieldError(field: "warningId", code: "missing", message: "give a warningId or a clusterId")])
        }
        let title = try inputs.text(body.title, "title", max: 200, required: false)
        let at = try inputs.instant(body.at)
        let record = try await IncidentProblems.run {
            try await engine.open(
                clusterId: body.clusterId.map { ClusterID($0) }, warningId: body.warningId.map { WarningID($0) }, title: title,
                at: at, by: caller.name)
        }
        let location = "/v1/incidents/\(record.id.map { "\($0)" } ?? "")"
        return JSONResponse(IncidentView(record, phase: await engine.phase(of: record)), status: .created, headers: [.location: location])
    }

    /// GET /v1/incidents[?state=open|all|<state>] — incidents in the executive summary's shape, newest first;
    /// `open` (the default) means every incident that is not closed.
    @Sendable func list(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<ItemList<IncidentSummary>> {
        try context.require(.readCases)
        let engine = try inputs.engine
        let filter = request.uri.queryParameters["state"].map(String.init) ?? "open"
        guard filter == "open" || filter == "all" || IncidentState(rawValue: filter) != nil else {
            throw Problem.badParameter("state", "state must be open, all, or one of " + IncidentState.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        let now = await engine.now(or: environment.now())
        var items: [IncidentSummary] = []
        for record in try await engine.incidents(activeOnly: filter == "open") where filter == "open" || filter == "all" || record.state.rawValue == filter {
            items.append(try await IncidentProblems.run { try await engine.summary(of: record, now: now) })
        }
        return JSONResponse(ItemList(items: items))
    }

    /// GET /v1/incidents/{id} — the incident, its state history, phase and timing.
    @Sendable func show(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<IncidentView> {
        try context.require(.readCases)
        let engine = try inputs.engine
        let id = try inputs.incidentId(context)
        let record = try await IncidentProblems.run { try await engine.incident(id) }
        return JSONResponse(IncidentView(record, phase: await engine.phase(of: record)))
    }

    struct TransitionRequest: Decodable {
        var to: IncidentState
        var at: String?
        /// Closing as a false alarm, which needs `reason` and no review.
        var falseAlarm: Bool?
        var reason: String?
    }

    /// POST /v1/incidents/{id}/transitions — moves the incident to `to`; 409 for a move the state machine forbids.
    @Sendable func transition(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<IncidentView> {
        let caller = try context.require(.runIncidents)
        let engine = try inputs.engine
        let id = try inputs.incidentId(context)
        let body = try await inputs.body(TransitionRequest.self, request)
        let at = try inputs.instant(body.at)
        var falseAlarm: String?
        if body.falseAlarm == true {
            falseAlarm = try inputs.text(body.reason, "reason", max: 2_000)
        }
        let record = try await IncidentProblems.run {
            try await engine.transition(incident: id, to: body.to, at: at, by: caller.name, falseAlarm: falseAlarm)
        }
        return JSONResponse(IncidentView(record, phase: await engine.phase(of: record)))
    }

    struct LinkRequest: Decodable {
        var complaintId: Int64
        var at: String?
    }

    /// POST /v1/incidents/{id}/complaints — links a complaint from outside the cluster to the incident.
    @Sendable func link(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<IncidentView> {
        let caller = try context.require(.runIncidents)
        let engine = try inputs.engine
        let id = try inputs.incidentId(context)
        let body = try await inputs.body(LinkRequest.self, request)
        let at = try inputs.instant(body.at)
        let record = try await IncidentProblems.run {
            try await engine.setLink(incident: id, complaint: ComplaintID(body.complaintId), linked: true, at: at, by: caller.name)
        }
        return JSONResponse(IncidentView(record, phase: await engine.phase(of: record)))
    }

    /// DELETE /v1/incidents/{id}/complaints/{complaintId} — takes a complaint out of the incident.
    @Sendable func unlink(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<IncidentView> {
        let caller = try context.require(.runIncidents)
        let engine = try inputs.engine
        let id = try inputs.incidentId(context)
        let complaint = ComplaintID(try inputs.number(context, "complaintId", "complaint"))
        let record = try await IncidentProblems.run {
            try await engine.setLink(incident: id, complaint: complaint, linked: false, at: environment.now(), by: caller.name)
        }
        return JSONResponse(IncidentView(record, phase: await engine.phase(of: record)))
    }

    /// GET /v1/incidents/{id}/timing — milestones reached and the durations between them (seconds).
    @Sendable func timing(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<TimingView> {
        try context.require(.readCases)
        let engine = try inputs.engine
        let id = try inputs.incidentId(context)
        let record = try await IncidentProblems.run { try await engine.incident(id) }
        return JSONResponse(TimingView(record.timing))
    }
}
