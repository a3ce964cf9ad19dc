import Hummingbird

/// `/metrics`: Prometheus text exposition. Open like `/healthz` (scrapers rarely carry tokens): it holds
/// only counts and timings, never case data. Restrict it at the network edge where that matters.
struct MetricsRoutes {
    let metrics: SwellMetrics

    func register(on router: Router<SwellRequestContext>) {
        router.get("metrics", use: scrape)
    }

    /// GET /metrics — every metric in the Prometheus text format 0.0.4.
    @Sendable func scrape(_ request: Request, context: SwellRequestContext) async throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: metrics.render())))
    }
}
