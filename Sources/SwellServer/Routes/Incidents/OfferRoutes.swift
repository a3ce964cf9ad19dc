import Foundation
import Hummingbird
import SwellCore
import SwellPlaybook
import SwellEngine

/// `/v1/incidents/{id}/offers`: settlement offers with tiered early-acceptance bonuses, and the
/// complainants' answers. Tiers come from the playbook and never change once published: publishing
/// again makes a new version.
struct OfferRoutes {
    let environment: ServerEnvironment
    var inputs: IncidentInputs { IncidentInputs(environment: environment) }

    func register(on group: RouterGroup<SwellRequestContext>) {
        group.get("{id}/offers", use: list)
        group.post("{id}/offers", use: publish)
        group.get("{id}/offers/{offerId}", use: show)
        group.get("{id}/offers/{offerId}/responses", use: responses)
        group.post("{id}/offers/{offerId}/responses", use: respond)
        group.get("{id}/offers/{offerId}/curve", use: curve)
    }

    /// GET /v1/incidents/{id}/offers/{offerId}/curve[?bucket=hour|day] — cumulative accepted, refused and pending
    /// at the end of each bucket from publication to now, with the tier ends. Days are the playbook's local days.
    @Sendable func curve(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<CurveView> {
        try context.require(.readCases)
        let engine = try inputs.engine
        let id = try inputs.incidentId(context)
        let offerId = try inputs.number(context, "offerId", "offer")
        let width = try request.uri.queryParameters["bucket"].map { raw in
            guard let width = AcceptanceCurve.Width(rawValue: String(raw)) else {
                throw Problem.badParameter("bucket", "bucket must be hour or day.")
            }
            return width
        } ?? .day
        let (offer, curve) = try await IncidentProblems.run {
            try await engine.curve(incident: id, offer: offerId, width: width, now: environment.now())
        }
        return JSONResponse(CurveView(offerId: offerId, offer: offer, curve: curve))
    }

    struct PublishRequest: Decodable {
        /// A fixed base per complainant, in minor units.
        var base: SettlementMoney?
        /// Or a compensation category of the playbook, with the case's figures.
        var category: String?
        var amount: SettlementMoney?
        var tourPrice: SettlementMoney?
        var occurrences: Int?
        var upliftPercent: Double?
        var eligible: Int?
        var at: String?
    }

    /// POST /v1/incidents/{id}/offers — publishes the offer (or its next version) at `at` (T0); 201.
    @Sendable func publish(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<OfferView> {
        let caller = try context.require(.runIncidents)
        let engine = try inputs.engine
        let id = try inputs.incidentId(context)
        let body = try await inputs.body(PublishRequest.self, request, limit: 1 << 16)
        let base: IncidentEngine.OfferBase
        switch (body.base, body.category) {
        case (let money?, nil): base = .amount(money)
        case (nil, let category?):
            base = .category(CompensationCase(
                category: category, amount: body.amount, tourPrice: body.tourPrice, occurrences: body.occurrences ?? 1))
        default:
            throw Problem.validation([FieldError(field: "base", code: "invalid", message: "give either base or category")])
        }
        if let eligible = body.eligible, eligible < 0 {
            throw Problem.validation([FieldError(field: "eligible", code: "invalid", message: "must not be negative")])
        }
        // Checked before converting: a huge or non-finite percentage would trap in Int(_:) and take the server down.
        let percent = body.upliftPercent ?? 0
        guard percent.isFinite, (0...1000).contains(percent) else {
            throw Problem.validation([FieldError(field: "upliftPercent", code: "invalid", message: "the uplift must be from 0 to 1000 percent")])
        }
        let uplift = Int((percent * 100).rounded())
        let at = try inputs.instant(body.at)
        let published = try await IncidentProblems.run {
            try await engine.publishOffer(incident: id, base: base, upliftBasisPoints: uplift, eligible: body.eligible, at: at, by: caller.name)
        }
        let totals = try await IncidentProblems.run { try await engine.totals(incident: id, offer: published.id, now: environment.now()) }
        return JSONResponse(OfferView(id: published.id, published.offer, current: true, totals: totals), status: .created)
    }

    /// GET /v1/incidents/{id}/offers — every version, oldest first, each with its take-up.
    @Sendable func list(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<ItemList<OfferView>> {
        try context.require(.readCases)
        let engine = try inputs.engine
        let id = try inputs.incidentId(context)
        let views = try await IncidentProblems.run {
            _ = try await engine.incident(id)
            let offers = try await engine.offers(of: id)
            var views: [OfferView] = []
            for entry in offers {
                let totals = try await engine.totals(incident: id, offer: entry.id, now: environment.now())
                views.append(OfferView(id: entry.id, entry.offer, current: entry.id == offers.last?.id, totals: totals))
            }
            return views
        }
        return JSONResponse(ItemList(items: views))
    }

    /// GET /v1/incidents/{id}/offers/{offerId} — one version with its take-up at event time.
    @Sendable func show(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<OfferView> {
        try context.require(.readCases)
        let engine = try inputs.engine
        let id = try inputs.incidentId(context)
        let offerId = try inputs.number(context, "offerId", "offer")
        let view = try await IncidentProblems.run {
            let offers = try await engine.offers(of: id)
            guard let entry = offers.first(where: { $0.id == offerId }) else { throw IncidentError.offerNotFound(offerId) }
            let totals = try await engine.totals(incident: id, offer: offerId, now: environment.now())
            return OfferView(id: offerId, entry.offer, current: entry.id == offers.last?.id, totals: totals)
        }
        return JSONResponse(view)
    }

    struct ResponseRequest: Decodable {
        var complaintId: Int64
        var decision: OfferResponse.Decision
        var at: String?
    }

    /// POST /v1/incidents/{id}/offers/{offerId}/responses — records an acceptance or refusal; the server
    /// works out the tier from `at` against the publication (201). 409 when already answered.
    @Sendable func respond(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<ResponseView> {
        let caller = try context.require(.runIncidents)
        let engine = try inputs.engine
        let id = try inputs.incidentId(context)
        let offerId = try inputs.number(context, "offerId", "offer")
        let body = try await inputs.body(ResponseRequest.self, request, limit: 1 << 16)
        let at = try inputs.instant(body.at)
        let response = try await IncidentProblems.run {
            try await engine.respond(incident: id, offer: offerId, complaint: ComplaintID(body.complaintId), decision: body.decision, at: at, by: caller.name)
        }
        return JSONResponse(ResponseView(response), status: .created)
    }

    /// GET /v1/incidents/{id}/offers/{offerId}/responses — the answers to one version, oldest first.
    @Sendable func responses(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<ItemList<ResponseView>> {
        try context.require(.readCases)
        let engine = try inputs.engine
        let id = try inputs.incidentId(context)
        let offerId = try inputs.number(context, "offerId", "offer")
        let responses = try await IncidentProblems.run {
            guard try await engine.offers(of: id).contains(where: { $0.id == offerId }) else { throw IncidentError.offerNotFound(offerId) }
            return try await engine.responses(of: id).filter { $0.offerId == offerId }
        }
        return JSONResponse(ItemList(items: responses.map(ResponseView.init)))
    }
}
