import Foundation
import Hummingbird
import SwellCore
import SwellDetection
import SwellStore

/// `/v1/mentions`: public mentions of the company (news, Weibo, WeChat, Douyin, forums, 黑猫投诉) beside the
/// complaints: intake (single and batch), read back with their tone, story and cluster, and PR's corrections.
struct MentionRoutes {
    let environment: ServerEnvironment

    static let singleBodyLimit = 1 << 20
    static let batchBodyLimit = 64 << 20

    func register(on group: RouterGroup<SwellRequestContext>) {
        group.post(use: create)
        group.post("batch", use: createBatch)
        group.get(use: list)
        group.get("{id}", use: show)
        group.patch("{id}", use: correct)
    }

    /// POST /v1/mentions — stores one mention: 201 when new, 200 with the stored one for a URL seen before.
    @Sendable func create(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<MentionView> {
        let caller = try context.require(.recordMentions)
        let data = try await RequestBody.data(of: request, limit: Self.singleBodyLimit)
        let submission = try RequestBody.decode(MentionSubmission.self, from: data)
        let content = try MentionValidator.validate(submission, now: environment.now())
            .mapError { Problem.validation($0.errors) }.get()
        let outcome = try await environment.store.ingestMentions([Self.read(content)], at: environment.now())[0]
        context.logger.info(
            "Mention \(outcome.isCreated ? "stored" : "repeated")",
            metadata: ["mention.id": "\(outcome.mention.id)", "mention.source": "\(content.source.rawValue)", "caller": "\(caller.name)"])
        return JSONResponse(
            try await views([outcome.mention])[0], status: outcome.isCreated ? .created : .ok,
            headers: [.location: "/v1/mentions/\(outcome.mention.id)"])
    }

    /// POST /v1/mentions/batch[?atomic=true] — stores up to 10,000 mentions (a JSON array or NDJSON) in one
    /// transaction; invalid items are reported by index (and line) and, unless `atomic`, the valid ones stored.
    @Sendable func createBatch(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<BatchResult> {
        let caller = try context.require(.recordMentions)
        let atomic = try QueryValues.flag(request, "atomic")
        let data = try await RequestBody.data(of: request, limit: Self.batchBodyLimit)
        let now = environment.now()
        let batch = try BatchSorting(try BatchParser<MentionSubmission>.parse(data), atomic: atomic) { submission in
            MentionValidator.validate(submission, now: now).mapError { Problem.validation($0.errors) }.map(Self.read)
        }
        let outcomes = try await environment.store.ingestMentions(batch.valid.map(\.value), at: now)
        let result = batch.result(outcomes.map {
            BatchResult.Stored(created: $0.isCreated, id: $0.mention.id.rawValue, url: $0.mention.content.url)
        })
        context.logger.info(
            "Mention batch stored",
            metadata: ["batch.created": "\(result.created)", "batch.rejected": "\(result.rejected)", "caller": "\(caller.name)"])
        return JSONResponse(result)
    }

    /// GET /v1/mentions/{id}
    @Sendable func show(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<MentionView> {
        _ = try context.require(.readCases)
        let id = try PathValues.id(context, MentionID.self, "mention")
        guard let mention = try await environment.store.mention(id) else { throw Problem.notFound("There is no mention \(id).") }
        return JSONResponse(try await views([mention])[0])
    }

    /// GET /v1/mentions[?source=&storyId=&clusterId=&incidentId=&tone=&from=&to=&limit=&cursor=] — newest published
    /// first.
    @Sendable func list(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<MentionList> {
        _ = try context.require(.readCases)
        let parameters = request.uri.queryParameters
        var query = MentionQuery(limit: try QueryValues.limit(parameters, default: 50, max: MentionQuery.maxLimit))
        query.source = try QueryValues.choice(parameters, "source", MentionSource.self)
        query.tone = try QueryValues.choice(parameters, "tone", MediaTone.self)
        query.storyId = try QueryValues.integer(parameters, "storyId").map { MentionID($0) }
        query.publishedFrom = try QueryValues.instant(parameters, "from")
        query.publishedBefore = try QueryValues.instant(parameters, "to")
        var clusters: [ClusterID]?
        if let cluster = try QueryValues.integer(parameters, "clusterId") { clusters = [ClusterID(cluster)] }
        if let incident = try QueryValues.integer(parameters, "incidentId") {
            guard let record = try await environment.store.incident(IncidentID(incident)) else {
                throw Problem.notFound("There is no incident \(incident).")
            }
            // Mentions move with their cluster when it is merged: the incident's cluster as it stands now.
            let live = try await environment.store.liveCluster(record.clusterId)
            clusters = clusters.map { $0.filter { $0 == live } } ?? [live]
        }
        query.clusterIds = clusters
        if let raw = parameters["cursor"] {
            guard let cursor = MentionCursor(token: String(raw)) else {
                throw Problem.badParameter("cursor", "cursor is not a value this list gave out (use nextCursor as it is).")
            }
            query.after = cursor
        }
        let page = try await environment.store.mentions(query)
        return JSONResponse(MentionList(items: try await views(page.items), nextCursor: page.next?.token))
    }

    struct Correction: Decodable {
        var tone: String?
        /// Present with a number: link to that cluster; present as null: unlink; absent: leave the link.
        var clusterId: ClusterID??
        var setsCluster: Bool

        enum CodingKeys: String, CodingKey { case tone, clusterId }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            tone = try container.decodeIfPresent(String.self, forKey: .tone)
            setsCluster = container.contains(.clusterId)
            clusterId = setsCluster ? .some(try container.decodeIfPresent(ClusterID.self, forKey: .clusterId)) : nil
        }
    }

    /// PATCH /v1/mentions/{id} `{"tone": "negative"}`, `{"clusterId": 12}` or `{"clusterId": null}` — PR corrects
    /// how a mention reads or which cluster it is about. Audited (`mention.corrected`); a link set by a person is
    /// never changed by the detector.
    @Sendable func correct(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<MentionView> {
        let caller = try context.require(.recordMentions)
        let id = try PathValues.id(context, MentionID.self, "mention")
        let body = try RequestBody.decode(Correction.self, from: try await RequestBody.data(of: request, limit: 1 << 16))
        guard let mention = try await environment.store.mention(id) else { throw Problem.notFound("There is no mention \(id).") }

        var errors: [FieldError] = []
        var tone: ToneReading?
        if let raw = body.tone {
            if let value = MediaTone(rawValue: raw) {
                tone = ToneReading(tone: value, score: Self.score(of: value), correctedBy: caller.name)
            } else {
                errors.append(FieldError(
                    field: "tone", code: "invalid", message: "must be one of: \(MediaTone.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
        }
        var link: MentionLinkChange?
        if body.setsCluster {
            if let cluster = body.clusterId ?? nil {
                if try await environment.store.cluster(cluster) == nil {
                    errors.append(FieldError(field: "clusterId", code: "not_found", message: "there is no cluster \(cluster)"))
                } else {
                    // A merged cluster's mentions belong to the one it was merged into.
                    let live = try await environment.store.liveCluster(cluster)
                    link = .link(MentionLink(clusterId: live, score: nil, reasons: ["linked by \(caller.name)"]))
                }
            } else {
                link = .unlink
            }
        }
        if tone == nil, link == nil, errors.isEmpty {
            errors.append(FieldError(field: "tone", code: "missing", message: "give a tone, a clusterId, or both"))
        }
        guard errors.isEmpty else { throw Problem.validation(errors) }

        var linkedCluster: ClusterID?
        if case .link(let newLink) = link { linkedCluster = newLink.clusterId }
        let corrected = MentionCorrected(
            id: id, by: caller.name, tone: tone?.tone, previousTone: tone == nil ? nil : mention.tone.tone,
            clusterId: linkedCluster, previousClusterId: link == nil ? nil : mention.link?.clusterId,
            unlinked: link == .unlink ? true : nil)
        _ = try await environment.store.apply([
            .correctMention(id, tone: tone, link: link, by: caller.name),
            .appendEvent(EventDraft(
                type: .mentionCorrected, at: environment.now(), clusterId: linkedCluster ?? mention.link?.clusterId,
                payload: EventDraft.payload(corrected))),
        ], checkpoint: nil)
        context.logger.info("Mention corrected", metadata: ["mention.id": "\(id)", "by": "\(caller.name)"])
        guard let updated = try await environment.store.mention(id) else { throw Problem.notFound("There is no mention \(id).") }
        return JSONResponse(try await views([updated])[0])
    }

    /// The tone of a new mention, read from its title and text.
    static func read(_ content: MentionContent) -> NewMention {
        NewMention(content: content, tone: ToneReader.read(content.fullText))
    }

    /// The score a tone set by hand stands for.
    static func score(of tone: MediaTone) -> Double {
        switch tone {
        case .negative: -1
        case .neutral: 0
        case .positive: 1
        }
    }

    /// Views of mentions with their story sizes and their clusters' incidents.
    func views(_ mentions: [Mention]) async throws -> [MentionView] {
        let sizes = try await environment.store.storySizes(Array(Set(mentions.compactMap(\.storyId))))
        var incidents: [ClusterID: IncidentID] = [:]
        for cluster in Set(mentions.compactMap(\.link?.clusterId)) {
            if let incident = try await environment.store.incidents(activeOnly: false, clusterId: cluster).first?.id {
                incidents[cluster] = incident
            }
        }
        return mentions.map { mention in
            MentionView(
                mention, storyCopies: mention.storyId.flatMap { sizes[$0] },
                incidentId: mention.link.flatMap { incidents[$0.clusterId] })
        }
    }
}
