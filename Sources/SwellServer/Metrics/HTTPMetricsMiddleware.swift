import Hummingbird

/// Counts every HTTP request and times it, labelled by method, matched route (not the raw path, so ids do not
/// explode the label set) and status. Outermost, so errors are counted with the status they end up as.
struct HTTPMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: SwellMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            record(request, context, status: Int(response.status.code), since: start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            record(request, context, status: Int(status), since: start)
            throw error
        }
    }

    private func record(_ request: Request, _ context: Context, status: Int, since start: ContinuousClock.Instant) {
        let route = context.endpointPath ?? (status == 404 ? "unmatched" : "unknown")
        metrics.httpRequest(method: request.method.rawValue, route: route, status: status, duration: ContinuousClock.now - start)
    }
}
