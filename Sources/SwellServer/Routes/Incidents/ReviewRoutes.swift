import Foundation
import Hummingbird
import SwellCore
import SwellEngine

/// `/v1/incidents/{id}/review` and `/v1/reviews`: the post-incident review with its root causes and corrective
/// actions, and a search across every incident's review. admin and incident_manager write; everyone reads.
struct ReviewRoutes {
    let environment: ServerEnvironment
    var inputs: IncidentInputs { IncidentInputs(environment: environment) }

    func register(incidents: RouterGroup<SwellRequestContext>, reviews: RouterGroup<SwellRequestContext>) {
        incidents.get("{id}/review", use: show)
        incidents.put("{id}/review", use: save)
        reviews.get(use: search)
    }

    struct ReviewRequest: Decodable {
        struct Cause: Decodable {
            var category: String
            var text: String
        }

        struct Action: Decodable {
            var taskId: Int64?
            var title: String
            var ownerRole: Role
            var dueAt: String
            var state: IncidentTaskStatus?
        }

        var summary: String
        var rootCauses: [Cause]?
        var correctiveActions: [Action]?
        var lessons: String?
        var highlights: [Int64]?
        var at: String?
    }

    /// PUT /v1/incidents/{id}/review — writes the next version of the review (also after closing). Corrective
    /// actions become tasks (`corrective_action`) that go overdue on the live clock; one left out is cancelled.
    @Sendable func save(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<ReviewView> {
        let caller = try context.require(.runIncidents)
        let engine = try inputs.engine
        let id = try inputs.incidentId(context)
        let body = try await inputs.body(ReviewRequest.self, request, limit: 1 << 18)
        let at = try inputs.instant(body.at)
        let causes = try (body.rootCauses ?? []).enumerated().map { index, cause in
            IncidentReview.RootCause(
                category: cause.category, text: try inputs.text(cause.text, "rootCauses[\(index)].text", max: 4_000) ?? "")
        }
        let actions = try (body.correctiveActions ?? []).enumerated().map { index, action in
            IncidentEngine.ReviewDraft.Action(
                taskId: action.taskId, title: try inputs.text(action.title, "correctiveActions[\(index)].title", max: 300) ?? "",
                ownerRole: action.ownerRole, dueAt: try IncidentInputs.parse(action.dueAt, field: "correctiveActions[\(index)].dueAt"),
                status: action.state)
        }
        guard causes.count <= 50, actions.count <= 100, (body.highlights ?? []).count <= 200 else {
            throw Problem.validation([FieldError(field: "rootCauses", code: "too_long", message: "at most 50 root causes, 100 actions and 200 highlights")])
        }
        let draft = IncidentEngine.ReviewDraft(
            summary: try inputs.text(body.summary, "summary") ?? "", rootCauses: causes, actions: actions,
            lessons: try inputs.text(body.lessons, "lessons", required: false), highlights: body.highlights ?? [])
        let record = try await IncidentProblems.run { try await engine.saveReview(incident: id, draft, at: at, by: caller.name) }
        return JSONResponse(try await view(record, engine: engine))
    }

    /// GET /v1/incidents/{id}/review — the current version with each action's task state; 404 before one is written.
    @Sendable func show(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<ReviewView> {
        try context.require(.readCases)
        let engine = try inputs.engine
        let id = try inputs.incidentId(context)
        let record = try await IncidentProblems.run { try await engine.incident(id) }
        guard record.review != nil else { throw Problem.notFound("Incident \(id) has no review yet.") }
        return JSONResponse(try await view(record, engine: engine))
    }

    func view(_ record: IncidentRecord, engine: IncidentEngine) async throws -> ReviewView {
        guard let id = record.id, let review = record.review else { throw Problem.notFound("The incident has no review yet.") }
        let tasks = Dictionary(try await engine.tasks(of: id).map { ($0.id, $0.task) }, uniquingKeysWith: { a, _ in a })
        let now = await engine.now(or: environment.now())
        var paid: SettlementMoney?
        if let current = try await engine.offers(of: id).last {
            paid = try? await engine.totals(incident: id, offer: current.id, now: environment.now()).totalPayout
        }
        return ReviewView(record: record, review: review, tasks: tasks, now: now, compensationPaid: paid)
    }

    /// GET /v1/reviews[?q=&rootCause=&supplier=&from=&to=] — reviews across incidents, newest incident first: a
    /// manager sees that the same supplier failed three times this year.
    @Sendable func search(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<ItemList<ReviewHit>> {
        try context.require(.readCases)
        let engine = try inputs.engine
        let parameters = request.uri.queryParameters
        let query = parameters["q"].map { String($0).lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
        let rootCause = parameters["rootCause"].map(String.init)
        if let rootCause, !engine.playbook.rootCauseCategories.contains(rootCause) {
            throw Problem.badParameter(
                "rootCause", "rootCause must be one of: \(engine.playbook.rootCauseCategories.joined(separator: ", ")).")
        }
        let supplier = parameters["supplier"].map(String.init)
        let from = try QueryValues.instant(parameters, "from")
        let to = try QueryValues.instant(parameters, "to")
        var hits: [ReviewHit] = []
        for record in try await engine.incidents(activeOnly: false) {
            guard let id = record.id, let review = record.review else { continue }
            if let from, record.openedAt < from { continue }
            if let to, record.openedAt >= to { continue }
            if let rootCause, !review.rootCauses.contains(where: { $0.category == rootCause }) { continue }
            let suppliers = try await engine.suppliers(of: id)
            if let supplier, !suppliers.contains(supplier) { continue }
            if let query {
                let haystack = ([record.title, review.summary, review.lessons ?? ""] + review.rootCauses.map(\.text)
                    + review.correctiveActions.map(\.title)).joined(separator: "\n").lowercased()
                guard haystack.contains(query) else { continue }
            }
            hits.append(ReviewHit(
                incidentId: id, title: record.title, state: record.state, openedAt: RFC3339.format(record.openedAt), version: review.version,
                summary: review.summary, rootCauses: review.rootCauses.map { .init(category: $0.category, text: $0.text) },
                correctiveActions: review.correctiveActions.count, suppliers: suppliers.sorted()))
        }
        return JSONResponse(ItemList(items: hits))
    }

}

/// A review as the API returns it: the record's fields, each corrective action with its task's state.
struct ReviewView: Encodable, Sendable {
    struct Cause: Encodable, Sendable {
        var category: String
        var text: String
    }

    struct Action: Encodable, Sendable {
        var taskId: Int64
        var title: String
        var ownerRole: Role
        var dueAt: String
        var state: IncidentTaskStatus
        var overdue: Bool
        var completedAt: String?
    }

    var incidentId: IncidentID?
    var version: Int
    var summary: String
    var rootCauses: [Cause]
    var correctiveActions: [Action]
    var lessons: String?
    var highlights: [Int64]
    var updatedBy: String
    var updatedAt: String
    /// What the current offer has paid out so far (base and bonuses of the acceptances).
    var compensationPaid: SettlementMoney?
    /// Whether the incident may close on this review (at least one root cause).
    var allowsClosing: Bool

    init(record: IncidentRecord, review: IncidentReview, tasks: [Int64: IncidentTask], now: Date, compensationPaid: SettlementMoney?) {
        incidentId = record.id
        version = review.version
        summary = review.summary
        rootCauses = review.rootCauses.map { Cause(category: $0.category, text: $0.text) }
        correctiveActions = review.correctiveActions.map { action in
            let task = tasks[action.taskId]
            return Action(
                taskId: action.taskId, title: action.title, ownerRole: action.ownerRole, dueAt: RFC3339.format(action.dueAt),
                state: task?.status ?? .open,
                overdue: task.map { IncidentTaskDeadline(status: $0.status, dueAt: $0.dueAt, now: now).isOverdue } ?? false,
                completedAt: task?.completedAt.map(RFC3339.format))
        }
        lessons = review.lessons
        highlights = review.highlights
        updatedBy = review.updatedBy
        updatedAt = RFC3339.format(review.updatedAt)
        self.compensationPaid = compensationPaid
        allowsClosing = review.allowsClosing
    }
}

/// One review found by the search.
struct ReviewHit: Encodable, Sendable {
    var incidentId: IncidentID
    var title: String
    var state: IncidentState
    var openedAt: String
    var version: Int
    var summary: String
    var rootCauses: [ReviewView.Cause]
    var correctiveActions: Int
    /// The suppliers named by the incident's complaints.
    var suppliers: [String]
}
