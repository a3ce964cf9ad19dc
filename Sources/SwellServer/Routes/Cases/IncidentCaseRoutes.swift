import Foundation
import Hummingbird
import SwellCore
import SwellEngine

/// `/v1/incidents/{id}/cases`, `/cases/bulk`, `/cases.csv` and `/representatives`: every complainant of an
/// incident with their case, bulk changes, the export for regulators and the board, and the representatives
/// of the group.
struct IncidentCaseRoutes {
    let environment: ServerEnvironment
    var inputs: IncidentInputs { IncidentInputs(environment: environment) }
    var caseRoutes: CaseRoutes { CaseRoutes(environment: environment) }

    func register(on group: RouterGroup<SwellRequestContext>) {
        group.get("{id}/cases", use: list)
        group.get("{id}/cases.csv", use: export)
        group.get("{id}/cases.html", use: page)
        group.post("{id}/cases/bulk", use: bulk)
        group.put("{id}/representatives", use: setRepresentatives)
    }

    /// The filters of the list and the export.
    struct Filter {
        var state: CaseState?
        var assignee: String?
        var overdueOnly: Bool

        init(_ request: Request) throws {
            let parameters = request.uri.queryParameters
            state = try parameters["state"].map { raw in
                guard let state = CaseState(rawValue: String(raw)) else {
                    throw Problem.badParameter("state", "state must be one of: \(CaseState.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                return state
            }
            assignee = parameters["assignee"].map(String.init)
            overdueOnly = try QueryValues.flag(request, "overdue")
        }

        func admits(_ row: CaseRow) -> Bool {
            (state == nil || row.state == state) && (assignee == nil || row.assignee == assignee) && (!overdueOnly || !row.overdue.isEmpty)
        }
    }

    /// Every case of the incident, oldest complaint first.
    func rows(_ id: IncidentID, role: Role) async throws -> (rows: [CaseRow], record: IncidentRecord, people: [ComplaintID: String]) {
        let engine = try inputs.engine
        let desk = try caseRoutes.desk
        let (record, members, offers, responses) = try await IncidentProblems.run {
            (try await engine.incident(id), try await engine.members(of: id), try await engine.offers(of: id), try await engine.responses(of: id))
        }
        let current = offers.last?.id
        let answers = Dictionary(
            responses.filter { $0.offerId == current }.map { ($0.complaintId, $0) }, uniquingKeysWith: { a, _ in a })
        var byPerson: [String: [ComplaintID]] = [:]
        var people: [ComplaintID: String] = [:]
        for complaint in members {
            let key = complaint.content.complainant.identityKey ?? "complaint:\(complaint.id)"
            byPerson[key, default: []].append(complaint.id)
            people[complaint.id] = key
        }
        let representatives = Set(record.representatives ?? [])
        let now = environment.now()
        let readings = try await desk.readings(of: members)
        let rows = readings.map { reading in
            let id = reading.complaint.id
            return CaseRow(
                reading, now: now, role: role, answer: answers[id], representative: representatives.contains(id),
                sameComplainant: (byPerson[people[id] ?? ""] ?? []).filter { $0 != id })
        }
        return (rows, record, people)
    }

    /// GET /v1/incidents/{id}/cases[?state=&assignee=&overdue=true&limit=&cursor=] — oldest complaint first.
    @Sendable func list(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<IncidentCasePage> {
        let caller = try context.require(.readCases)
        let id = try inputs.incidentId(context)
        let filter = try Filter(request)
        let limit = try QueryValues.limit(request, default: 100, max: 1_000)
        let (all, record, people) = try await rows(id, role: caller.role)
        let matching = all.filter(filter.admits)
        var start = 0
        if let raw = request.uri.queryParameters["cursor"] {
            guard let after = Int64(raw), let index = matching.firstIndex(where: { $0.complaintId.rawValue == after }) else {
                throw Problem.badParameter("cursor", "cursor is not one this server gave out.")
            }
            start = index + 1
        }
        let page = Array(matching[start..<min(start + limit, matching.count)])
        let more = start + page.count < matching.count
        return JSONResponse(IncidentCasePage(
            items: page, total: matching.count, complainants: Set(matching.compactMap { people[$0.complaintId] }).count,
            byState: Dictionary(grouping: matching, by: \.state.rawValue).mapValues(\.count),
            overdue: matching.filter { !$0.overdue.isEmpty }.count, representatives: record.representatives ?? [],
            next: more ? page.last.map { "\($0.complaintId)" } : nil))
    }

    /// GET /v1/incidents/{id}/cases.csv — the same rows (and filters) as CSV for Excel.
    @Sendable func export(_ request: Request, context: SwellRequestContext) async throws -> Response {
        let caller = try context.require(.readCases)
        let id = try inputs.incidentId(context)
        let filter = try Filter(request)
        let rows = try await rows(id, role: caller.role).rows.filter(filter.admits)
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"incident-\(id)-cases.csv\"",
            ],
            body: .init(byteBuffer: ByteBuffer(string: IncidentCasesCSV.render(rows))))
    }

    /// GET /v1/incidents/{id}/cases.html — the same rows (and filters) as a printable page.
    @Sendable func page(_ request: Request, context: SwellRequestContext) async throws -> Response {
        let caller = try context.require(.readCases)
        let id = try inputs.incidentId(context)
        let filter = try Filter(request)
        let (rows, record, _) = try await rows(id, role: caller.role)
        let page = IncidentCasesPage(
            incident: record, rows: rows.filter(filter.admits), generatedAt: environment.now(), timeZone: try inputs.engine.playbook.timeZone)
        return Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page.html)))
    }

    struct BulkRequest: Decodable {
        var action: String
        var complaintIds: [Int64]?
        var all: Bool?
        var assignee: String?
        var at: String?
    }

    struct BulkResult: Encodable, Sendable {
        struct Item: Encodable, Sendable {
            var complaintId: ComplaintID
            var changed: Bool
            var reason: String?
            var state: CaseState
        }

        var changed: Int
        var unchanged: Int
        var items: [Item]
    }

    static let bulkActions = ["acknowledge", "answer", "assign"]

    /// POST /v1/incidents/{id}/cases/bulk — acknowledges, answers or assigns many cases in one transaction, one
    /// event per changed case. `complaintIds` or `"all": true`; cases the action does not fit stay as they are.
    @Sendable func bulk(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<BulkResult> {
        let caller = try context.require(.handleCases)
        let engine = try inputs.engine
        let desk = try caseRoutes.desk
        let id = try inputs.incidentId(context)
        let body = try await inputs.body(BulkRequest.self, request)
        let at = try inputs.instant(body.at)
        let action: CaseDesk.BulkAction
        switch body.action {
        case "acknowledge": action = .acknowledge
        case "answer": action = .answer
        case "assign": action = .assign(try inputs.text(body.assignee, "assignee", max: 200, required: false))
        default:
            throw Problem.validation([FieldError(
                field: "action", code: "invalid", message: "must be one of: \(Self.bulkActions.joined(separator: ", "))")])
        }
        let members = try await IncidentProblems.run { try await engine.members(of: id) }.map(\.id)
        let ids: [ComplaintID]
        switch (body.complaintIds, body.all ?? false) {
        case (nil, true):
            ids = members
        case (let given?, false) where !given.isEmpty:
            guard given.count <= 10_000 else {
                throw Problem.validation([FieldError(field: "complaintIds", code: "too_long", message: "must hold at most 10000 ids")])
            }
            let known = Set(members)
            var seen = Set<ComplaintID>()
            ids = given.map { ComplaintID($0) }.filter { seen.insert($0).inserted }
            if let stranger = ids.first(where: { !known.contains($0) }) {
                throw IncidentProblems.problem(.complaintNotInIncident(stranger))
            }
        default:
            throw Problem.validation([FieldError(
                field: "complaintIds", code: "invalid", message: "give a non-empty complaintIds list or \"all\": true, not both")])
        }
        let outcomes = ids.isEmpty ? [] : try await CaseProblems.run { try await desk.bulk(ids, action, at: at, by: caller.name) }
        let changed = outcomes.filter(\.changed).count
        return JSONResponse(BulkResult(
            changed: changed, unchanged: outcomes.count - changed,
            items: outcomes.map { .init(complaintId: $0.complaintId, changed: $0.changed, reason: $0.reason, state: $0.state) }))
    }

    struct RepresentativesRequest: Decodable {
        var complaintIds: [Int64]
        var at: String?
    }

    struct RepresentativesView: Encodable, Sendable {
        var representatives: [ComplaintID]
        var rule: String
    }

    static let consentRule = "Representatives speak for the group; a settlement still needs each member's own answer to the offer."

    /// PUT /v1/incidents/{id}/representatives — names one to three complainants (by complaint) who speak for the
    /// group of a joint complaint; an empty list names none.
    @Sendable func setRepresentatives(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<RepresentativesView> {
        let caller = try context.require(.runIncidents)
        let engine = try inputs.engine
        let id = try inputs.incidentId(context)
        let body = try await inputs.body(RepresentativesRequest.self, request, limit: 1 << 16)
        let at = try inputs.instant(body.at)
        let record = try await IncidentProblems.run {
            try await engine.setRepresentatives(incident: id, body.complaintIds.map { ComplaintID($0) }, at: at, by: caller.name)
        }
        return JSONResponse(RepresentativesView(representatives: record.representatives ?? [], rule: Self.consentRule))
    }
}
