import Hummingbird
import HummingbirdWebSocket
import Logging
import ServiceLifecycle
import SwellStore
import SwellEngine

/// The one seam that builds Swell's HTTP application; `swell serve` and the tests both call it.
public func buildApplication(
    configuration: ServerConfiguration, environment: ServerEnvironment, services: [any Service] = [],
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let routers = buildRouters(environment: environment)
    var background = services
    if let detector = environment.detector {
        background.append(FollowerService.detector(detector, logger: environment.logger))
    }
    background.append(environment.feedHub)
    if let incidents = environment.incidents {
        background.append(FollowerService.scheduler(incidents, logger: environment.logger))
    }
    if let notifier = environment.notifier {
        background.append(FollowerService.notifier(notifier, logger: environment.logger))
    }
    if let poller = environment.mentionFeeds {
        background.append(FollowerService.mentionFeeds(poller, logger: environment.logger))
    }
    if let retention = environment.retention {
        background.append(FollowerService.retention(retention, store: environment.store, logger: environment.logger))
    }
    return Application(
        router: routers.http,
        server: .http1WebSocketUpgrade(
            webSocketRouter: routers.webSocket,
            configuration: .init(ws: .init(maxFrameSize: 1 << 16, autoPing: .enabled(timePeriod: .seconds(30))))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "swell"),
        services: background,
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: environment.logger)
}

/// Swell's two routers: every HTTP route, and the WebSocket upgrades (`/v1/feed`), which Hummingbird routes
/// separately because an upgrade request is answered before the normal responder chain.
public struct SwellRouters {
    public let http: Router<SwellRequestContext>
    public let webSocket: Router<FeedRequestContext>
}

/// Every route, behind the metrics, problem, method-not-allowed, logging and authentication middleware (in that
/// order, outermost first).
public func buildRouters(environment: ServerEnvironment) -> SwellRouters {
    let router = Router(context: SwellRequestContext.self)
    let routeMethods = RouteMethods()
    router.addMiddleware {
        HTTPMetricsMiddleware(metrics: environment.metrics)
        ProblemMiddleware()
        MethodNotAllowedMiddleware(routes: routeMethods)
        LogRequestsMiddleware(.debug)
        AuthenticationMiddleware(store: environment.store)
        IdempotencyMiddleware(store: environment.store, now: environment.now)
    }
    OperationsRoutes(environment: environment).register(on: router)
    MetricsRoutes(metrics: environment.metrics, incidents: environment.incidents, now: environment.now).register(on: router)
    DashboardRoutes(folder: environment.dashboardsPath).register(on: router)
    ComplaintRoutes(environment: environment).register(on: router.group("v1/complaints"))
    CaseRoutes(environment: environment).register(on: router.group("v1/complaints"), cases: router.group("v1/cases"))
    ClusterRoutes(environment: environment).register(clusters: router.group("v1/clusters"), complaints: router.group("v1/complaints"))
    WarningRoutes(environment: environment).register(on: router.group("v1/warnings"))
    MentionTrendRoutes(environment: environment).register(on: router.group("v1/mentions"))
    MentionRoutes(environment: environment).register(on: router.group("v1/mentions"))
    MentionFeedRoutes(environment: environment).register(on: router.group("v1/mention-feeds"))
    MediaTimelineRoutes(environment: environment).register(on: router)
    registerIncidentRoutes(on: router.group("v1/incidents"), environment: environment)
    ReportRoutes(environment: environment).register(on: router.group("v1/reports"))
    PlaybookRoutes(environment: environment).register(on: router.group("v1/playbooks"))
    ReviewRoutes(environment: environment).register(incidents: router.group("v1/incidents"), reviews: router.group("v1/reviews"))
    SummaryRoutes(environment: environment).register(on: router)
    NotificationRoutes(environment: environment).register(channels: router.group("v1/notification-channels"), deliveries: router.group("v1/deliveries"))

    let tickets = FeedTickets(lifetime: environment.feedHub.configuration.ticketLifetime)
    let feed = FeedRoutes(environment: environment, hub: environment.feedHub, tickets: tickets)
    feed.register(on: router)
    routeMethods.record(router.routes.map { ($0.method, $0.path.description) })
    let webSocketRouter = Router(context: FeedRequestContext.self)
    webSocketRouter.add(middleware: FeedAuthenticationMiddleware(environment: environment, tickets: tickets))
    feed.register(webSocket: webSocketRouter)
    return SwellRouters(http: router, webSocket: webSocketRouter)
}

/// Incidents and everything that hangs off them, under `/v1/incidents`.
func registerIncidentRoutes(on group: RouterGroup<SwellRequestContext>, environment: ServerEnvironment) {
    IncidentRoutes(environment: environment).register(on: group)
    TaskRoutes(environment: environment).register(on: group)
    PlanRoutes(environment: environment).register(on: group)
    ContactRoutes(environment: environment).register(on: group)
    OfferRoutes(environment: environment).register(on: group)
    DailyReportRoutes(environment: environment).register(on: group)
    IncidentCaseRoutes(environment: environment).register(on: group)
    DossierRoutes(environment: environment).register(on: group)
}
