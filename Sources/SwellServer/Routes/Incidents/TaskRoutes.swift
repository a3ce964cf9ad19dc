import Foundation
import Hummingbird
import SwellCore
import SwellEngine

/// `/v1/incidents/{id}/tasks`: the playbook's tasks of an incident, with owners, due times and status.
struct TaskRoutes {
    let environment: ServerEnvironment
    var inputs: IncidentInputs { IncidentInputs(environment: environment) }

    func register(on group: RouterGroup<SwellRequestContext>) {
        group.get("{id}/tasks", use: list)
        group.patch("{id}/tasks/{taskId}", use: update)
    }

    /// GET /v1/incidents/{id}/tasks[?status=open|done|cancelled] — earliest due first; `overdue` at event time.
    @Sendable func list(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<ItemList<TaskView>> {
        try context.require(.readCases)
        let engine = try inputs.engine
        let id = try inputs.incidentId(context)
        let status = try request.uri.queryParameters["status"].map { raw in
            guard let status = IncidentTaskStatus(rawValue: String(raw)) else {
                throw Problem.badParameter("status", "status must be open, done or cancelled.")
            }
            return status
        }
        let tasks = try await IncidentProblems.run { try await engine.tasks(of: id) }
        let now = await engine.now(or: environment.now())
        let views = tasks.filter { status == nil || $0.task.status == status }
            .sorted { ($0.task.dueAt, $0.id) < ($1.task.dueAt, $1.id) }
            .map { TaskView(id: $0.id, $0.task, now: now) }
        return JSONResponse(ItemList(items: views))
    }

    struct UpdateRequest: Decodable {
        /// Absent: unchanged; null: unassigned.
        var assignee: String??
        var status: IncidentTaskStatus?
        var note: String?
        var dueAt: String?
        var at: String?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            assignee = container.contains(.assignee) ? .some(try container.decodeIfPresent(String.self, forKey: .assignee)) : nil
            status = try container.decodeIfPresent(IncidentTaskStatus.self, forKey: .status)
            note = try container.decodeIfPresent(String.self, forKey: .note)
            dueAt = try container.decodeIfPresent(String.self, forKey: .dueAt)
            at = try container.decodeIfPresent(String.self, forKey: .at)
        }

        enum CodingKeys: String, CodingKey { case assignee, status, note, dueAt, at }
    }

    /// PATCH /v1/incidents/{id}/tasks/{taskId} — assign (`assignee`), complete (`status: done`), cancel,
    /// reopen or move the deadline (`dueAt`). admin and incident_manager may change any task; the owner role
    /// may complete its own.
    @Sendable func update(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<TaskView> {
        let caller = try context.require(.readCases)
        let engine = try inputs.engine
        let id = try inputs.incidentId(context)
        let taskId = try inputs.number(context, "taskId", "task")
        let body = try await inputs.body(UpdateRequest.self, request, limit: 1 << 16)
        let assignee = try body.assignee.map { try inputs.text($0, "assignee", max: 200, required: false) }
        let note = try inputs.text(body.note, "note", max: 2_000, required: false)
        let at = try inputs.instant(body.at)
        let dueAt = try inputs.optionalDeadline(body.dueAt, field: "dueAt")
        let change = IncidentEngine.TaskChange(
            assignee: assignee, status: body.status, note: note, dueAt: dueAt, at: at, by: caller.name, role: caller.role)
        let updated = try await IncidentProblems.run { try await engine.updateTask(incident: id, task: taskId, change: change) }
        return JSONResponse(TaskView(id: updated.id, updated.task, now: await engine.now(or: environment.now())))
    }
}
