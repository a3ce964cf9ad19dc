import Foundation
import Hummingbird
import SwellCore
import SwellEngine

/// `/v1/incidents/{id}/liaison-contacts`, `/media-contacts` and `/statements`: the record of who the
/// company spoke to and what it said. admin, incident_manager and pr write; everyone reads.
struct ContactRoutes {
    let environment: ServerEnvironment
    var inputs: IncidentInputs { IncidentInputs(environment: environment) }

    func register(on group: RouterGroup<SwellRequestContext>) {
        group.get("{id}/liaison-contacts", use: listLiaison)
        group.post("{id}/liaison-contacts", use: logLiaison)
        group.get("{id}/media-contacts", use: listMedia)
        group.post("{id}/media-contacts", use: logMedia)
        group.get("{id}/statements", use: listStatements)
        group.post("{id}/statements", use: logStatement)
    }

    struct LiaisonRequest: Decodable {
        var body: String
        var bodyKind: LiaisonBodyKind?
        var person: String?
        var channel: String
        var sent: String?
        var summary: String
        var followUpDue: String?
        var referenceNo: String?
        var responseDue: String?
        var at: String?
    }

    /// POST /v1/incidents/{id}/liaison-contacts — logs a contact with an authority or organisation (201).
    /// A report sent to a regulator (`bodyKind: regulator` with `sent`) marks the regulator milestone.
    @Sendable func logLiaison(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<Entry<LiaisonContact>> {
        let caller = try context.require(.logContacts)
        let engine = try inputs.engine
        let id = try inputs.incidentId(context)
        let body = try await inputs.body(LiaisonRequest.self, request)
        let contact = LiaisonContact(
            at: try inputs.instant(body.at), loggedBy: caller.name,
            body: try inputs.text(body.body, "body", max: 200) ?? "", bodyKind: body.bodyKind ?? .other,
            person: try inputs.text(body.person, "person", max: 200, required: false),
            channel: try inputs.text(body.channel, "channel", max: 100) ?? "",
            sent: try inputs.text(body.sent, "sent", required: false),
            summary: try inputs.text(body.summary, "summary") ?? "",
            followUpDue: try inputs.optionalDeadline(body.followUpDue, field: "followUpDue"),
            referenceNo: try inputs.text(body.referenceNo, "referenceNo", max: 100, required: false),
            responseDue: try inputs.optionalDeadline(body.responseDue, field: "responseDue"), loggedByRole: caller.role)
        let itemId = try await IncidentProblems.run { try await engine.logLiaison(incident: id, contact) }
        return JSONResponse(Entry(id: itemId, value: contact), status: .created)
    }

    struct MediaRequest: Decodable {
        var outlet: String
        var journalist: String?
        var channel: String
        var inquiry: String
        var said: String?
        var tone: MediaTone
        var followUpDue: String?
        var at: String?
    }

    /// POST /v1/incidents/{id}/media-contacts — logs a media contact with its tone (201).
    @Sendable func logMedia(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<Entry<MediaContact>> {
        let caller = try context.require(.logContacts)
        let engine = try inputs.engine
        let id = try inputs.incidentId(context)
        let body = try await inputs.body(MediaRequest.self, request)
        let contact = MediaContact(
            at: try inputs.instant(body.at), loggedBy: caller.name, outlet: try inputs.text(body.outlet, "outlet", max: 200) ?? "",
            journalist: try inputs.text(body.journalist, "journalist", max: 200, required: false),
            channel: try inputs.text(body.channel, "channel", max: 100) ?? "",
            inquiry: try inputs.text(body.inquiry, "inquiry") ?? "", said: try inputs.text(body.said, "said", required: false),
            tone: body.tone, followUpDue: try inputs.optionalDeadline(body.followUpDue, field: "followUpDue"), loggedByRole: caller.role)
        let itemId = try await IncidentProblems.run { try await engine.logMedia(incident: id, contact) }
        return JSONResponse(Entry(id: itemId, value: contact), status: .created)
    }

    struct StatementRequest: Decodable {
        var kind: PublicStatement.Kind
        var title: String
        var text: String
        var channels: [String]?
        var at: String?
    }

    /// POST /v1/incidents/{id}/statements — logs a statement, a press conference or a decision about one (201).
    @Sendable func logStatement(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<Entry<PublicStatement>> {
        let caller = try context.require(.logContacts)
        let engine = try inputs.engine
        let id = try inputs.incidentId(context)
        let body = try await inputs.body(StatementRequest.self, request)
        let statement = PublicStatement(
            at: try inputs.instant(body.at), loggedBy: caller.name, kind: body.kind,
            title: try inputs.text(body.title, "title", max: 200) ?? "", text: try inputs.text(body.text, "text") ?? "",
            channels: body.channels ?? [])
        let itemId = try await IncidentProblems.run { try await engine.logStatement(incident: id, statement) }
        return JSONResponse(Entry(id: itemId, value: statement), status: .created)
    }

    /// GET /v1/incidents/{id}/liaison-contacts — oldest first.
    @Sendable func listLiaison(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<ItemList<Entry<LiaisonContact>>> {
        try await list(context, .liaison) { body in
            guard case .liaison(let value) = body else { return nil }
            return value
        }
    }

    /// GET /v1/incidents/{id}/media-contacts — oldest first.
    @Sendable func listMedia(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<ItemList<Entry<MediaContact>>> {
        try await list(context, .media) { body in
            guard case .media(let value) = body else { return nil }
            return value
        }
    }

    /// GET /v1/incidents/{id}/statements — oldest first.
    @Sendable func listStatements(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<ItemList<Entry<PublicStatement>>> {
        try await list(context, .statement) { body in
            guard case .statement(let value) = body else { return nil }
            return value
        }
    }

    private func list<T: Encodable & Sendable>(
        _ context: SwellRequestContext, _ kind: IncidentItem.Kind, _ pick: (IncidentItem.Body) -> T?
    ) async throws -> JSONResponse<ItemList<Entry<T>>> {
        try context.require(.readCases)
        let engine = try inputs.engine
        let id = try inputs.incidentId(context)
        let items = try await IncidentProblems.run { try await engine.items(of: id, kind: kind) }
        return JSONResponse(ItemList(items: items.compactMap { item in
            guard let itemId = item.id, let value = pick(item.body) else { return nil }
            return Entry(id: itemId, value: value)
        }))
    }
}

/// A stored record with its id: the record's fields plus `id`, with instants in RFC 3339.
struct Entry<Value: Encodable & Sendable>: Encodable, Sendable {
    var id: Int64
    var value: Value

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
        var container = encoder.container(keyedBy: IdKey.self)
        try container.encode(id, forKey: .id)
    }

    private enum IdKey: String, CodingKey { case id }
}
