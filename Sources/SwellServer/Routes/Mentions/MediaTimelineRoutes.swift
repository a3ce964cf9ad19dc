import Foundation
import Hummingbird
import SwellCore
import SwellEngine
import SwellStore

/// `GET /v1/media-timeline`: PR's one timeline of what was said in public and to the press — public mentions,
/// media contacts and statements — for one incident or across incidents, newest first.
struct MediaTimelineRoutes {
    let environment: ServerEnvironment

    func register(on router: Router<SwellRequestContext>) {
        router.get("v1/media-timeline", use: timeline)
    }

    struct Entry: Encodable, Sendable {
        /// `mention`, `media_contact` or `statement`.
        var kind: String
        var id: Int64
        var at: String
        var incidentId: IncidentID?
        var clusterId: ClusterID?
        /// A mention's title or text start, a contact's inquiry, a statement's title; personal data masked.
        var text: String
        var outlet: String?
        var source: String?
        var tone: MediaTone?
        var url: String?
        var loggedBy: String?
        var storyId: MentionID?

        /// Orders the timeline; not part of the answer.
        fileprivate var sortKey: TimelineCursor

        enum CodingKeys: String, CodingKey {
            case kind, id, at, incidentId, clusterId, text, outlet, source, tone, url, loggedBy, storyId
        }
    }

    struct Page: Encodable, Sendable {
        var items: [Entry]
        var nextCursor: String?
    }

    /// GET /v1/media-timeline[?incidentId=&from=&to=&limit=&cursor=]
    @Sendable func timeline(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<Page> {
        _ = try context.require(.readCases)
        let parameters = request.uri.queryParameters
        let limit = try QueryValues.limit(parameters, default: 50, max: 500)
        let from = try QueryValues.instant(parameters, "from")
        let to = try QueryValues.instant(parameters, "to")
        var cursor: TimelineCursor?
        if let raw = parameters["cursor"] {
            guard let parsed = TimelineCursor(token: String(raw)) else {
                throw Problem.badParameter("cursor", "cursor is not a value this list gave out (use nextCursor as it is).")
            }
            cursor = parsed
        }
        var incidents: [IncidentRecord]
        var clusters: [ClusterID]?
        if let id = try QueryValues.integer(parameters, "incidentId") {
            guard let incident = try await environment.store.incident(IncidentID(id)) else {
                throw Problem.notFound("There is no incident \(id).")
            }
            incidents = [incident]
            clusters = [try await environment.store.liveCluster(incident.clusterId)]
        } else {
            incidents = try await environment.store.incidents(activeOnly: false, clusterId: nil)
        }
        func inRange(_ at: Date) -> Bool { (from.map { at >= $0 } ?? true) && (to.map { at < $0 } ?? true) }
        func before(_ key: TimelineCursor) -> Bool { cursor.map { key < $0 } ?? true }

        var entries: [Entry] = []
        // Mentions: the newest `limit + 1` before the cursor and in range are enough to fill the page.
        var query = MentionQuery(clusterIds: clusters, publishedFrom: from, publishedBefore: to, limit: limit + 1)
        if let cursor { query.publishedBefore = min(to ?? .distantFuture, Date(millisecondsSince1970: cursor.milliseconds + 1)) }
        for mention in try await environment.store.mentions(query).items {
            let key = TimelineCursor(milliseconds: mention.content.publishedAt.millisecondsSince1970, rank: 0, id: mention.id.rawValue)
            guard before(key) else { continue }
            let headline = mention.content.title ?? String(mention.content.text.prefix(120))
            entries.append(Entry(
                kind: "mention", id: mention.id.rawValue, at: RFC3339.format(mention.content.publishedAt), incidentId: nil,
                clusterId: mention.link?.clusterId, text: PersonalDataMasking.mask(headline), outlet: mention.content.outlet,
                source: mention.content.source.rawValue, tone: mention.tone.tone, url: mention.content.url, loggedBy: nil,
                storyId: mention.storyId, sortKey: key))
        }
        for incident in incidents {
            guard let incidentId = incident.id else { continue }
            for kind in [IncidentItem.Kind.media, .statement] {
                for item in try await environment.store.incidentItems(incidentId, kind: kind) {
                    guard let itemId = item.id, inRange(item.at) else { continue }
                    let key = TimelineCursor(milliseconds: item.at.millisecondsSince1970, rank: kind == .media ? 1 : 2, id: itemId)
                    guard before(key), let entry = Self.entry(item, incident: incident, key: key) else { continue }
                    entries.append(entry)
                }
            }
        }
        entries.sort { $0.sortKey > $1.sortKey }
        let page = Array(entries.prefix(limit))
        return JSONResponse(Page(items: page, nextCursor: entries.count > limit ? page.last?.sortKey.token : nil))
    }

    private static func entry(_ item: IncidentItem, incident: IncidentRecord, key: TimelineCursor) -> Entry? {
        switch item.body {
        case .media(let contact):
            return Entry(
                kind: "media_contact", id: key.id, at: RFC3339.format(contact.at), incidentId: incident.id, clusterId: incident.clusterId,
                text: PersonalDataMasking.mask(contact.inquiry), outlet: contact.outlet, source: contact.channel, tone: contact.tone,
                url: nil, loggedBy: contact.loggedBy, storyId: nil, sortKey: key)
        case .statement(let statement):
            return Entry(
                kind: "statement", id: key.id, at: RFC3339.format(statement.at), incidentId: incident.id, clusterId: incident.clusterId,
                text: PersonalDataMasking.mask(statement.title), outlet: nil, source: statement.kind.rawValue, tone: nil, url: nil,
                loggedBy: statement.loggedBy, storyId: nil, sortKey: key)
        default:
            return nil
        }
    }
}

/// Where a page of the media timeline ended: the instant (milliseconds), the kind's rank and the id. Newest first.
struct TimelineCursor: Sendable, Comparable {
    var milliseconds: Int64
    var rank: Int
    var id: Int64

    var token: String { CursorToken.encode("t\(milliseconds):\(rank):\(id)") }

    init(milliseconds: Int64, rank: Int, id: Int64) {
        self.milliseconds = milliseconds
        self.rank = rank
        self.id = id
    }

    init?(token: String) {
        guard let text = CursorToken.decode(token), text.hasPrefix("t") else { return nil }
        let parts = text.dropFirst().split(separator: ":")
        guard parts.count == 3, let ms = Int64(parts[0]), let rank = Int(parts[1]), let id = Int64(parts[2]) else { return nil }
        self.init(milliseconds: ms, rank: rank, id: id)
    }

    static func < (a: TimelineCursor, b: TimelineCursor) -> Bool {
        (a.milliseconds, a.rank, a.id) < (b.milliseconds, b.rank, b.id)
    }
}
