import Foundation
import Hummingbird
import SwellCore
import SwellEngine

/// `/v1/complaints/{id}/case` and `/v1/complaints/{id}/contacts`: one complainant's case. Every role reads
/// (masked for roles without personal data); admin, incident_manager and intake change it.
struct CaseRoutes {
    let environment: ServerEnvironment
    var inputs: IncidentInputs { IncidentInputs(environment: environment) }

    func register(on complaints: RouterGroup<SwellRequestContext>, cases: RouterGroup<SwellRequestContext>) {
        cases.get(use: listByAssignee)
        complaints.get("{id}/case", use: show)
        complaints.patch("{id}/case", use: update)
        complaints.post("{id}/contacts", use: logContact)
    }

    var desk: CaseDesk {
        get throws {
            guard let desk = environment.cases else { throw CaseProblems.off }
            return desk
        }
    }

    func complaintId(_ context: SwellRequestContext) throws -> ComplaintID {
        try PathValues.id(context, ComplaintID.self, "complaint")
    }

    /// GET /v1/complaints/{id}/case — state, assignee, deadlines (`overdue` on the server's clock), contacts.
    @Sendable func show(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<CaseView> {
        let caller = try context.require(.readCases)
        let desk = try desk
        let id = try complaintId(context)
        let reading = try await CaseProblems.run { try await desk.reading(of: id) }
        return JSONResponse(try await view(reading, desk: desk, role: caller.role))
    }

    func view(_ reading: CaseDesk.Reading, desk: CaseDesk, role: Role) async throws -> CaseView {
        CaseView(reading, now: environment.now(), role: role, sameComplainant: try await desk.sameComplainant(as: reading.complaint))
    }

    struct AssigneeCases: Encodable, Sendable {
        var assignee: String
        var items: [CaseRow]
        var total: Int
        var overdue: Int
    }

    /// GET /v1/cases?assignee=…[&overdue=true] — one person's cases by complaint id: what they hold and what is late.
    @Sendable func listByAssignee(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<AssigneeCases> {
        let caller = try context.require(.readCases)
        let desk = try desk
        guard let assignee = request.uri.queryParameters["assignee"].map(String.init), !assignee.isEmpty else {
            throw Problem.badParameter("assignee", "assignee is required: the name the cases were assigned to.")
        }
        let overdueOnly = try QueryValues.flag(request, "overdue")
        let now = environment.now()
        let rows = try await desk.readings(assignee: assignee).map {
            CaseRow($0, now: now, role: caller.role, answer: nil, representative: false, sameComplainant: [])
        }
        let shown = overdueOnly ? rows.filter { !$0.overdue.isEmpty } : rows
        return JSONResponse(AssigneeCases(assignee: assignee, items: shown, total: shown.count, overdue: rows.filter { !$0.overdue.isEmpty }.count))
    }

    struct ReferralRequest: Decodable {
        var authority: String
        var referenceNo: String?
        var receivedAt: String?
    }

    struct UpdateRequest: Decodable {
        var state: CaseState?
        /// Absent: unchanged; null: nobody.
        var assignee: String??
        var referral: ReferralRequest?
        var note: String?
        var at: String?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            state = try container.decodeIfPresent(CaseState.self, forKey: .state)
            assignee = container.contains(.assignee) ? .some(try container.decodeIfPresent(String.self, forKey: .assignee)) : nil
            referral = try container.decodeIfPresent(ReferralRequest.self, forKey: .referral)
            note = try container.decodeIfPresent(String.self, forKey: .note)
            at = try container.decodeIfPresent(String.self, forKey: .at)
        }

        enum CodingKeys: String, CodingKey { case state, assignee, referral, note, at }
    }

    /// PATCH /v1/complaints/{id}/case — moves the state (`state`), hands it to someone (`assignee`, null for
    /// nobody) or records an authority's referral (`referral`). A move the state does not allow is a 409.
    @Sendable func update(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<CaseView> {
        let caller = try context.require(.handleCases)
        let desk = try desk
        let id = try complaintId(context)
        let body = try await inputs.body(UpdateRequest.self, request, limit: 1 << 16)
        let at = try inputs.instant(body.at)
        let referral = try body.referral.map { referral in
            CaseReferral(
                authority: try inputs.text(referral.authority, "referral.authority", max: 60) ?? "",
                referenceNo: try inputs.text(referral.referenceNo, "referral.referenceNo", max: 100, required: false),
                receivedAt: referral.receivedAt == nil ? at : try inputs.instant(referral.receivedAt, field: "referral.receivedAt"))
        }
        let change = CaseDesk.Change(
            state: body.state, assignee: try body.assignee.map { try inputs.text($0, "assignee", max: 200, required: false) },
            referral: referral, note: try inputs.text(body.note, "note", max: 2_000, required: false))
        let reading = try await CaseProblems.run { try await desk.change(id, change, at: at, by: caller.name) }
        return JSONResponse(try await view(reading, desk: desk, role: caller.role))
    }

    struct ContactRequest: Decodable {
        var channel: CaseContact.Medium
        var direction: CaseContact.Direction
        var purpose: CaseContact.Purpose?
        var summary: String
        var outcome: String?
        var satisfaction: Int?
        var at: String?
    }

    struct ContactCreated: Encodable, Sendable {
        var contact: CaseView.ContactView
        var `case`: CaseView
    }

    /// POST /v1/complaints/{id}/contacts — logs a contact with the complainant (201); a follow-up visit
    /// (`purpose: follow_up_visit`, with `satisfaction` 1–5) needs a closed case.
    @Sendable func logContact(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<ContactCreated> {
        let caller = try context.require(.handleCases)
        let desk = try desk
        let id = try complaintId(context)
        let body = try await inputs.body(ContactRequest.self, request, limit: 1 << 16)
        let at = try inputs.instant(body.at)
        let summary = try inputs.text(body.summary, "summary", max: 4_000) ?? ""
        let outcome = try inputs.text(body.outcome, "outcome", max: 2_000, required: false)
        let (reading, contact) = try await CaseProblems.run {
            try await desk.logContact(
                id, channel: body.channel, direction: body.direction, purpose: body.purpose ?? .other, summary: summary,
                outcome: outcome, satisfaction: body.satisfaction, at: at, by: caller.name)
        }
        let personal = caller.role.seesPersonalData
        return JSONResponse(
            ContactCreated(contact: .init(contact, personal: personal), case: try await view(reading, desk: desk, role: caller.role)),
            status: .created)
    }
}
