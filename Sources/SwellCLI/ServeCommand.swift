import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import ServiceLifecycle
import SwellCore
import SwellEngine
import SwellPlaybook
import SwellServer
import SwellStore

/// `swell serve`: runs the HTTP API on the case store until SIGINT/SIGTERM, then shuts down gracefully
/// (in-flight requests finish, background services stop, the database is closed).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the Swell service.", discussion: Settings.helpText)

    @Option(help: "A YAML file of settings, under the environment and the flags (env SWELL_CONFIG).") var config: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var playbook: PlaybookOptions
    @Option(help: "Address to listen on (env SWELL_HOST; default 127.0.0.1).") var host: String?
    @Option(help: "Port to listen on (env SWELL_PORT; default 8080; 0 picks a free one).") var port: Int?
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error (env SWELL_LOG_LEVEL; default info).")
    var logLevel: String?
    @Option(name: .customLong("log-format"), help: "text or json (JSON lines on stderr) (env SWELL_LOG_FORMAT; default text).")
    var logFormat: String?
    @Option(
        name: .customLong("public-url"),
        help: "The dashboard's address as people reach it, linked from notifications (env SWELL_PUBLIC_URL; default http://HOST:PORT/).")
    var publicURL: String?

    /// Every bad setting is an error at start that names it (a misspelt log level used to become `info` quietly).
    func validate() throws {
        let environment = try Settings.environment()
        let (text, setting) = logLevel.map { ($0, "--log-level") } ?? environment["SWELL_LOG_LEVEL"].map { ($0, "SWELL_LOG_LEVEL") } ?? ("info", "")
        guard Logger.Level(rawValue: text) != nil else {
            throw ValidationError("\(setting) must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")), not \(text)")
        }
        let (format, formatSetting) = logFormat.map { ($0, "--log-format") } ?? environment["SWELL_LOG_FORMAT"].map { ($0, "SWELL_LOG_FORMAT") } ?? ("text", "")
        guard ["text", "json"].contains(format) else { throw ValidationError("\(formatSetting) must be text or json, not \(format)") }
    }

    func run() async throws {
        let environment = try Settings.environment()
        let level = Logger.Level(rawValue: logLevel ?? environment["SWELL_LOG_LEVEL"] ?? "info") ?? .info
        let json = (logFormat ?? environment["SWELL_LOG_FORMAT"]) == "json"
        LoggingSystem.bootstrap { label in
            if json {
                var handler = JSONLogHandler(label: label)
                handler.logLevel = level
                return handler
            }
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "swell")
        let configuration = ServerConfiguration(
            host: host ?? environment["SWELL_HOST"] ?? "127.0.0.1",
            port: try port ?? environment["SWELL_PORT"].map(Self.parsePort) ?? 8080)

        let playbookWithText = try playbook.loadWithText()
        let loadedPlaybook = playbookWithText?.playbook
        let detection = DetectionSettings.configuration(from: loadedPlaybook, window: try playbook.windowSeconds())
        try await store.withStore(logger: logger, listen: true) { caseStore in
            logger.info(
                "Case store open",
                metadata: ["store": "\(store.description)", "playbook": "\(playbook.source)"])
            let firstAdminToken = try await Self.firstAdminToken(in: caseStore)
            // One registry for the process: Swell's own metrics and anything reporting through swift-metrics.
            let metrics = SwellMetrics()
            MetricsSystem.bootstrap(metrics.factory)
            let dashboards = DashboardFolder.locate(environment: environment, workingDirectory: FileManager.default.currentDirectoryPath)
            logger.info("Dashboard", metadata: ["dashboards.path": "\(dashboards ?? "built into the binary")"])
            var incidents: IncidentEngine?
            if let (loaded, text) = playbookWithText {
                let earlier: [Playbook]
                do {
                    earlier = try await PlaybookRegistry.record(loaded, content: text, in: caseStore, at: Date(), logger: logger)
                } catch let failure as PlaybookRegistry.Failure {
                    throw ValidationError(failure.description)
                }
                incidents = IncidentEngine(store: caseStore, playbook: loaded, earlier: earlier, logger: logger, clock: .wall({ Date() }))
            }
            let notifier = Notifier(
                store: caseStore, rules: loadedPlaybook?.notify ?? [], transport: LiveNotificationTransport(mail: SMTPMailTransport()),
                dashboard: publicURL ?? environment["SWELL_PUBLIC_URL"] ?? "http://\(configuration.host):\(configuration.port)/",
                incidents: incidents, logger: logger)
            let serverEnvironment = ServerEnvironment(
                store: caseStore, logger: logger,
                detector: DetectorEngine(store: caseStore, configuration: detection, logger: logger),
                metrics: metrics, feed: try Self.feedConfiguration(environment), dashboardsPath: dashboards,
                incidents: incidents, notifier: notifier,
                cases: incidents?.cases,
                mentionFeeds: MentionFeedPoller(store: caseStore, fetcher: LiveFeedFetcher(), logger: logger),
                retention: RetentionSchedule(job: RetentionJob(store: caseStore, playbook: loadedPlaybook, logger: logger)))
            let app = buildApplication(
                configuration: configuration,
                environment: serverEnvironment,
                onServerRunning: { port in
                    FileHandle.standardOutput.write(Data(Self.banner(host: configuration.host, port: port, token: firstAdminToken).utf8))
                })
            // Shutdown runs in reverse: feed sockets close with 1001 first, then the server stops.
            let group = ServiceGroup(
                configuration: .init(
                    services: [app, FeedShutdown(hub: serverEnvironment.feedHub)], gracefulShutdownSignals: [.sigterm, .sigint],
                    logger: logger))
            try await group.run()
        }
        logger.info("Stopped; case store closed")
    }

    /// What an operator sees on start: the admin token (first start only), then the URL as the last line.
    static func banner(host: String, port: Int, token: String?) -> String {
        let url = "http://\(host):\(port)/"
        var banner = ""
        if let token {
            banner += "First start: an admin token was created. It is shown only this once:\n  \(token)\n"
            banner += "Try: curl -H 'Authorization: Bearer \(token)' \(url)v1/complaints\n"
        }
        return banner + "Swell is listening on \(url)\n"
    }

    /// On an empty store (no token at all), creates an admin token and returns it so it can be printed once.
    static func firstAdminToken(in store: any CaseStore) async throws -> String? {
        guard try await store.tokens().isEmpty else { return nil }
        return try await TokenIssuer.issue(name: "admin", role: .admin, in: store)
    }

    /// The feed's tunables from the environment: `SWELL_FEED_BUFFER` (events a subscriber may lag behind),
    /// `SWELL_FEED_SLOW_SECONDS` (how long it may stay further behind before it is disconnected),
    /// `SWELL_FEED_HEARTBEAT_SECONDS`, `SWELL_FEED_TICKET_SECONDS` and
    /// `SWELL_FEED_POLL_SECONDS` (how often the hub reads the log when no wake-up came).
    static func feedConfiguration(_ environment: [String: String]) throws -> FeedConfiguration {
        var feed = FeedConfiguration()
        if let size = try integer("SWELL_FEED_BUFFER", atLeast: 16, in: environment) {
            feed.bufferSize = size
        }
        if let seconds = try integer("SWELL_FEED_SLOW_SECONDS", atLeast: 0, in: environment) {
            feed.slowConsumerPatience = .seconds(seconds)
        }
        if let seconds = try integer("SWELL_FEED_HEARTBEAT_SECONDS", atLeast: 1, in: environment) {
            feed.heartbeatInterval = .seconds(seconds)
        }
        if let seconds = try integer("SWELL_FEED_TICKET_SECONDS", atLeast: 1, in: environment) {
            feed.ticketLifetime = .seconds(seconds)
        }
        if let seconds = try integer("SWELL_FEED_POLL_SECONDS", atLeast: 1, in: environment) {
            feed.pollInterval = .seconds(seconds)
        }
        return feed
    }

    /// The whole number in environment variable `name`, if set; a clear error when it is not one or too small.
    private static func integer(_ name: String, atLeast minimum: Int, in environment: [String: String]) throws -> Int? {
        guard let text = environment[name] else { return nil }
        guard let value = Int(text), value >= minimum else {
            throw ValidationError("\(name) must be a whole number ≥ \(minimum), not \(text)")
        }
        return value
    }

    static func parsePort(_ text: String) throws -> Int {
        guard let port = Int(text), (0...65535).contains(port) else {
            throw ValidationError("SWELL_PORT must be a port number, not \(text)")
        }
        return port
    }
}
