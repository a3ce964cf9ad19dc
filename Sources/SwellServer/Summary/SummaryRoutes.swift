import Hummingbird
import SwellCore
import SwellEngine

/// `/v1/summary`: the executive view, readable by every role.
struct SummaryRoutes {
    let environment: ServerEnvironment
    static let warningCount = 20

    func register(on router: Router<SwellRequestContext>) {
        router.get("v1/summary", use: summary)
    }

    /// GET /v1/summary — counts, the latest warnings with their clusters' top terms, open incidents and
    /// complaints per hour for the last 48 h of event time. No personal data, whatever the role.
    @Sendable func summary(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<SummaryView> {
        try context.require(.readCases)
        let store = environment.store
        let hourly = try await store.hourlyComplaintCounts(hours: 48)
        let warnings = try await store.warnings(limit: Self.warningCount, clusterId: nil)
        var clusters: [ClusterID: ClusterSnapshot] = [:]
        for id in Set(warnings.map(\.clusterId)) {
            clusters[id] = try await store.cluster(id)
        }
        let incidents = try await environment.incidents?.summaries(now: environment.now()) ?? []
        let warned = try await store.warnedClusterCounts()
        return JSONResponse(
            SummaryView(
                generatedAt: RFC3339.format(environment.now()),
                counts: .init(
                    complaintsLast24h: hourly.suffix(24).map(\.count).reduce(0, +),
                    openWarnings: warned[.open] ?? 0,
                    acknowledgedWarnings: warned[.acknowledged] ?? 0,
                    openIncidents: incidents.count),
                warnings: warnings.map {
                    SummaryWarning(
                        warning: WarningView($0, seesPersonalData: false), topTerms: clusters[$0.clusterId]?.topTerms ?? [],
                        title: clusters[$0.clusterId]?.title.map(PersonalDataMasking.mask))
                },
                incidents: incidents,
                hourlyComplaints: hourly,
                correctiveActions: try await environment.incidents?.openCorrectiveActions(now: environment.now()) ?? []))
    }
}
