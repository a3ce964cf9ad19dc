import Foundation
import Hummingbird
import SwellCore
import SwellStore
import SwellEngine

/// `/v1/warnings`: early warnings and escalations, newest first, and people acting on them (acknowledge, dismiss).
struct WarningRoutes {
    let environment: ServerEnvironment

    func register(on group: RouterGroup<SwellRequestContext>) {
        group.get(use: list)
        group.get("{id}", use: show)
        group.post("{id}/acknowledge", use: acknowledge)
        group.post("{id}/dismiss", use: dismiss)
    }

    /// GET /v1/warnings[?clusterId=&state=&limit=]
    @Sendable func list(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<WarningList> {
        let caller = try context.require(.readCases)
        let limit = try QueryValues.limit(request, default: 100, max: 1000)
        let cluster = try QueryValues.integer(request, "clusterId").map { ClusterID($0) }
        let state = try Self.state(request)
        let warnings = try await environment.store.warnings(limit: limit, clusterId: cluster, state: state)
        return JSONResponse(WarningList(items: warnings.map { WarningView($0, seesPersonalData: caller.role.seesPersonalData) }))
    }

    /// GET /v1/warnings/{id}
    @Sendable func show(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<WarningView> {
        let caller = try context.require(.readCases)
        let id = try PathValues.id(context, WarningID.self, "warning")
        guard let warning = try await environment.store.warning(id) else { throw Problem.notFound("There is no warning \(id).") }
        return JSONResponse(WarningView(warning, seesPersonalData: caller.role.seesPersonalData))
    }

    /// POST /v1/warnings/{id}/acknowledge — someone is looking into it: this warning and the earlier ones of its
    /// cluster that are still open become acknowledged. 409 when this one is not open.
    @Sendable func acknowledge(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<WarningView> {
        let caller = try context.require(.runIncidents)
        let id = try PathValues.id(context, WarningID.self, "warning")
        return try await handle(id, .acknowledge(by: caller.name, at: environment.now()), caller: caller)
    }

    struct DismissRequest: Decodable {
        var reason: String?
    }

    /// POST /v1/warnings/{id}/dismiss `{"reason": "…"}` — not a group incident: this warning and the earlier ones
    /// of its cluster that are open or acknowledged become dismissed. The reason is required (at most 2,000
    /// characters). 409 when this one is already dismissed or linked to an incident.
    @Sendable func dismiss(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<WarningView> {
        let caller = try context.require(.runIncidents)
        let id = try PathValues.id(context, WarningID.self, "warning")
        let body = try RequestBody.decode(DismissRequest.self, from: try await RequestBody.data(of: request, limit: 1 << 16))
        let reason = try Self.reason(body.reason)
        return try await handle(id, .dismiss(by: caller.name, at: environment.now(), reason: reason), caller: caller)
    }

    /// Applies a person's action with its audited event in one transaction, and answers the warning as it is now.
    private func handle(_ id: WarningID, _ action: WarningAction, caller: Caller) async throws -> JSONResponse<WarningView> {
        do {
            _ = try await environment.store.apply([.handleWarning(id, action)], checkpoint: nil)
        } catch let error as WarningHandlingError {
            throw Self.problem(error)
        }
        guard let warning = try await environment.store.warning(id) else { throw Problem.notFound("There is no warning \(id).") }
        environment.logger.info("Warning handled", metadata: [
            "warning.id": "\(id)", "warning.state": "\(warning.handling.state.rawValue)", "by": "\(caller.name)",
        ])
        return JSONResponse(WarningView(warning, seesPersonalData: caller.role.seesPersonalData))
    }

    /// The `state` filter, if given; a value that is not a state is a 400 naming the parameter.
    static func state(_ request: Request) throws -> WarningState? {
        guard let raw = request.uri.queryParameters["state"] else { return nil }
        guard let state = WarningState(rawValue: String(raw)) else {
            throw Problem.badParameter(
                "state", "state must be one of " + WarningState.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        return state
    }

    /// A dismissal's reason: required, not blank, at most `WarningHandling.maxReasonLength` characters.
    static func reason(_ value: String?) throws -> String {
        let trimmed = value?.trimmingWhiteSpace() ?? ""
        guard !trimmed.isEmpty else {
            throw Problem.validation([FieldError(field: "reason", code: "missing", message: "is required: say why this is not a group incident")])
        }
        guard trimmed.count <= WarningHandling.maxReasonLength else {
            throw Problem.validation([
                FieldError(field: "reason", code: "too_long", message: "must be at most \(WarningHandling.maxReasonLength) characters")
            ])
        }
        return trimmed
    }

    /// The one place warning-handling errors become problem documents.
    static func problem(_ error: WarningHandlingError) -> Problem {
        switch error {
        case .notFound(let id):
            .notFound("There is no warning \(id).")
        case .transition:
            Problem(.conflict, "transition-forbidden", title: "This state change is not allowed", detail: error.description)
        }
    }
}

struct WarningList: Encodable, Sendable {
    var items: [WarningView]
}
