import Foundation
import Hummingbird
import SwellEngine

/// `/metrics`: Prometheus text exposition. Open like `/healthz` (scrapers rarely carry tokens): it holds
/// only counts and timings, never case data. Restrict it at the network edge where that matters.
struct MetricsRoutes {
    let metrics: SwellMetrics
    /// The incident engine, for the response-time histograms; nil leaves them out.
    var incidents: IncidentEngine?
    var now: @Sendable () -> Date = { Date() }

    func register(on router: Router<SwellRequestContext>) {
        router.get("metrics", use: scrape)
    }

    /// GET /metrics — every metric in the Prometheus text format 0.0.4.
    @Sendable func scrape(_ request: Request, context: SwellRequestContext) async throws -> Response {
        var text = metrics.render()
        if let incidents {
            // A store outage must not take the process metrics down with it: the histograms are then left out.
            if let times = try? await incidents.responseTimes(from: nil, to: nil, at: now()) {
                if !text.hasSuffix("\n"), !text.isEmpty { text += "\n" }
                text += ResponseTimeMetrics.render(times.map(\.times))
            }
        }
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
