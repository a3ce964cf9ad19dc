import Hummingbird
import Logging
import ServiceLifecycle
import SwellStore

/// The one seam that builds Swell's HTTP application; `swell serve` and the tests both call it.
public func buildApplication(
    configuration: ServerConfiguration, environment: ServerEnvironment, services: [any Service] = [],
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = buildRouter(environment: environment)
    var background = services
    if let detector = environment.detector {
        background.append(DetectorService(engine: detector, signal: environment.store.signal, logger: environment.logger))
    }
    if let incidents = environment.incidents {
        background.append(SchedulerService(engine: incidents, signal: environment.store.signal, logger: environment.logger))
    }
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "swell"),
        services: background,
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: environment.logger)
}

/// Every route, behind the problem, logging and authentication middleware (in that order, outermost first).
public func buildRouter(environment: ServerEnvironment) -> Router<SwellRequestContext> {
    let router = Router(context: SwellRequestContext.self)
    router.addMiddleware {
        ProblemMiddleware()
        LogRequestsMiddleware(.debug)
        AuthenticationMiddleware(store: environment.store)
    }
    OperationsRoutes(environment: environment).register(on: router)
    ComplaintRoutes(environment: environment).register(on: router.group("v1/complaints"))
    ClusterRoutes(environment: environment).register(clusters: router.group("v1/clusters"), complaints: router.group("v1/complaints"))
    WarningRoutes(environment: environment).register(on: router.group("v1/warnings"))
    registerIncidentRoutes(on: router.group("v1/incidents"), environment: environment)
    return router
}

/// Incidents and everything that hangs off them, under `/v1/incidents`.
func registerIncidentRoutes(on group: RouterGroup<SwellRequestContext>, environment: ServerEnvironment) {
    IncidentRoutes(environment: environment).register(on: group)
    TaskRoutes(environment: environment).register(on: group)
    PlanRoutes(environment: environment).register(on: group)
    ContactRoutes(environment: environment).register(on: group)
    OfferRoutes(environment: environment).register(on: group)
    DailyReportRoutes(environment: environment).register(on: group)
}
