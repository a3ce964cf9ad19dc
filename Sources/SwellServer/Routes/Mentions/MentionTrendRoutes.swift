import Foundation
import Hummingbird
import SwellCore
import SwellEngine
import SwellStore

/// `GET /v1/mentions/trend`: public mentions over time, for one incident, one cluster or all mentions.
struct MentionTrendRoutes {
    let environment: ServerEnvironment

    func register(on group: RouterGroup<SwellRequestContext>) {
        group.get("trend", use: trend)
    }

    struct TrendView: Encodable, Sendable {
        var width: String
        var clusterId: ClusterID?
        var incidentId: IncidentID?
        var timeZone: String
        var totals: BucketView
        var buckets: [BucketView]
    }

    struct BucketView: Encodable, Sendable {
        var startsAt: String
        var endsAt: String
        var mentions: Int
        var newStories: Int
        var negative: Int
        var negativeShare: Double
        var reach: Int64

        init(_ bucket: MentionTrend.Bucket) {
            startsAt = RFC3339.format(bucket.startsAt)
            endsAt = RFC3339.format(bucket.endsAt)
            mentions = bucket.mentions
            newStories = bucket.newStories
            negative = bucket.negative
            negativeShare = bucket.negativeShare
            reach = bucket.reach
        }
    }

    /// GET /v1/mentions/trend[?incidentId=|clusterId=][&bucket=hour|day][&from=&to=] — mentions, new stories,
    /// negative share and reach per hour or per local day (the playbook's zone). Default span: the last 14 days by
    /// day, the last 48 hours by hour, ending now.
    @Sendable func trend(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<TrendView> {
        _ = try context.require(.readCases)
        let parameters = request.uri.queryParameters
        let width = try QueryValues.choice(parameters, "bucket", AcceptanceCurve.Width.self) ?? .day
        let to = try QueryValues.instant(parameters, "to") ?? environment.now()
        let from = try QueryValues.instant(parameters, "from") ?? to.addingTimeInterval(width == .day ? -14 * 86_400 : -48 * 3600)
        guard from <= to else { throw Problem.badParameter("from", "from must not lie after to.") }

        var cluster = try QueryValues.integer(parameters, "clusterId").map { ClusterID($0) }
        let incidentId = try QueryValues.integer(parameters, "incidentId").map { IncidentID($0) }
        if let incidentId {
            guard let incident = try await environment.store.incident(incidentId) else {
                throw Problem.notFound("There is no incident \(incidentId).")
            }
            cluster = try await environment.store.liveCluster(incident.clusterId)
        }
        let timeZone = environment.incidents?.playbook.timeZone ?? TimeZone(identifier: "UTC")!
        var mentions: [Mention] = []
        var query = MentionQuery(
            clusterIds: cluster.map { [$0] }, publishedFrom: from.addingTimeInterval(-86_400), publishedBefore: to.addingTimeInterval(0.001),
            limit: MentionQuery.maxLimit)
        repeat {
            let page = try await environment.store.mentions(query)
            mentions += page.items
            query.after = page.next
        } while query.after != nil
        guard let trend = MentionTrend(mentions: mentions, width: width, from: from, to: to, timeZone: timeZone) else {
            throw Problem.badParameter("bucket", "The span holds more than \(MentionTrend.maxBuckets) buckets; use bucket=day or a shorter span.")
        }
        return JSONResponse(TrendView(
            width: width.rawValue, clusterId: cluster, incidentId: incidentId, timeZone: timeZone.identifier,
            totals: BucketView(trend.totals), buckets: trend.buckets.map(BucketView.init)))
    }
}
