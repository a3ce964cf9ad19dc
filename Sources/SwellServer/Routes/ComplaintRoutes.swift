import Foundation
import Hummingbird
import SwellCore
import SwellStore
import SwellEngine

/// `/v1/complaints`: intake (single and batch), read back, list.
struct ComplaintRoutes {
    let environment: ServerEnvironment

    static let singleBodyLimit = 1 << 20
    static let batchBodyLimit = 64 << 20

    func register(on group: RouterGroup<SwellRequestContext>) {
        group.post(use: create)
        group.post("batch", use: createBatch)
        group.get(use: list)
        group.get("{id}", use: show)
    }

    /// POST /v1/complaints — stores one complaint: 201 when new, 200 with the stored one for a repeated externalId.
    @Sendable func create(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<ComplaintView> {
        let caller = try context.require(.submitComplaints)
        let data = try await RequestBody.data(of: request, limit: Self.singleBodyLimit)
        let submission = try ComplaintJSONScanner.submission(in: data) ?? RequestBody.decode(ComplaintSubmission.self, from: data)
        let complaint = try ComplaintValidator.validate(submission, now: environment.now())
            .mapError { Problem.validation($0.errors) }.get()
        let outcome = try await environment.store.ingest([complaint], at: environment.now())[0]
        if let referral = ComplaintValidator.referral(of: submission, receivedAt: complaint.receivedAt) {
            try await recordReferrals([(outcome.complaint.id, referral)], by: caller.name, context: context)
        }
        context.logger.info(
            "Complaint \(outcome.isCreated ? "stored" : "repeated")",
            metadata: ["complaint.id": "\(outcome.complaint.id)", "complaint.externalId": "\(complaint.externalId)"])
        return JSONResponse(
            ComplaintView(outcome.complaint, for: caller.role), status: outcome.isCreated ? .created : .ok,
            headers: [.location: "/v1/complaints/\(outcome.complaint.id)"])
    }

    /// POST /v1/complaints/batch[?atomic=true] — stores up to 10,000 complaints in one transaction.
    @Sendable func createBatch(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<BatchResult> {
        let caller = try context.require(.submitComplaints)
        let atomic = try QueryValues.flag(request, "atomic")
        let data = try await RequestBody.data(of: request, limit: Self.batchBodyLimit)
        let items = try BatchParser<ComplaintSubmission>.parse(data, scan: ComplaintJSONScanner.batchScanner)
        let now = environment.now()

        let batch = try BatchSorting(items, atomic: atomic) { (submission: ComplaintSubmission) -> Result<(NewComplaint, CaseReferral?), Problem> in
            ComplaintValidator.validate(submission, now: now).mapError { Problem.validation($0.errors) }.map { complaint in
                (complaint, ComplaintValidator.referral(of: submission, receivedAt: complaint.receivedAt))
            }
        }
        let valid = batch.valid.map(\.value)

        let outcomes = try await environment.store.ingest(valid.map(\.0), at: now)
        try await recordReferrals(
            zip(valid, outcomes).compactMap { slot, outcome in slot.1.map { (outcome.complaint.id, $0) } }, by: caller.name,
            context: context)
        let result = batch.result(outcomes.map {
            BatchResult.Stored(created: $0.isCreated, id: $0.complaint.id.rawValue, externalId: $0.complaint.content.externalId)
        })
        context.logger.info(
            "Batch stored", metadata: ["batch.created": "\(result.created)", "batch.rejected": "\(result.rejected)", "caller": "\(caller.name)"])
        return JSONResponse(result)
    }

    /// Gives stored complaints the referral they arrived with (a case of their own). Without a playbook there are no
    /// cases: the referral is then only in the log line, and the complaint still counts as a regulator's when its
    /// channel is `regulator`.
    private func recordReferrals(_ referrals: [(ComplaintID, CaseReferral)], by caller: String, context: SwellRequestContext) async throws {
        guard !referrals.isEmpty else { return }
        guard let cases = environment.cases else {
            context.logger.warning("Referrals not recorded: no playbook, no cases", metadata: ["referrals": "\(referrals.count)"])
            return
        }
        try await cases.recordReferrals(referrals, by: caller)
    }

    /// GET /v1/complaints/{id}
    @Sendable func show(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<ComplaintView> {
        let caller = try context.require(.readCases)
        let id = try PathValues.id(context, ComplaintID.self, "complaint")
        guard let complaint = try await environment.store.complaint(id) else {
            throw Problem.notFound("There is no complaint \(id).")
        }
        return JSONResponse(ComplaintView(complaint, for: caller.role))
    }

    /// GET /v1/complaints — newest first, filtered, paged by an opaque cursor; `q` searches the text (newest
    /// first, or best match first with `sort=relevance`).
    @Sendable func list(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<ComplaintList> {
        let caller = try context.require(.readCases)
        let query = try ComplaintQueryParser.parse(request.uri.queryParameters)
        let page = try await environment.store.complaints(query)
        var items = page.items
        if let search = query.search, !caller.role.seesPersonalData {
            // A search must not reveal what masking hides (a phone or ID number found by typing it): a match is
            // kept only when the text this caller sees still matches. Such a page may hold fewer than `limit`
            // items; `nextCursor` still continues after everything the store looked at.
            items = items.filter { search.matches(PersonalDataMasking.mask($0.content.text)) }
        }
        return JSONResponse(ComplaintList(
            items: items.map { ComplaintView($0, for: caller.role) }, nextCursor: page.next?.token))
    }
}

struct ComplaintList: Encodable, Sendable {
    var items: [ComplaintView]
    var nextCursor: String?
}
