import Foundation
import Logging
import SwellStore
import SwellEngine

/// Everything the server depends on, built once by the caller (CLI or test) and passed down explicitly.
public struct ServerEnvironment: Sendable {
    public var store: any CaseStore
    /// The wall clock, used only at the edge (storedAt, validation of future dates). Tests pin it.
    public var now: @Sendable () -> Date
    public var logger: Logger
    /// The detection engine; nil runs the API without clustering (cluster corrections then answer 503).
    public var detector: DetectorEngine?
    /// The incident engine, built on the loaded playbook; nil runs the API without incidents (503).
    public var incidents: IncidentEngine?
    /// This application's metrics registry, rendered at `/metrics`.
    public var metrics: SwellMetrics
    /// The live feed's one reader of the log, built on `store`; `buildApplication` runs it as a service.
    public let feedHub: FeedHub
    /// Where the dashboard's files are (`index.html`, `assets/`); nil serves none.
    public var dashboardsPath: String?
    /// Complainants' cases; nil answers the case routes with 503 (the server runs without a playbook).
    public var cases: CaseDesk?
    /// The notifier; nil sends no notifications (channel routes still manage channels).
    public var notifier: Notifier?
    /// The RSS/Atom poller; nil polls nothing (the feed routes still register and list feeds).
    public var mentionFeeds: MentionFeedPoller?
    /// The daily personal-data retention run; nil runs none.
    public var retention: RetentionSchedule?

    public init(
        store: any CaseStore, now: @escaping @Sendable () -> Date = { Date() }, logger: Logger,
        detector: DetectorEngine? = nil, metrics: SwellMetrics = SwellMetrics(), feed: FeedConfiguration = .init(),
        dashboardsPath: String? = nil, incidents: IncidentEngine? = nil, notifier: Notifier? = nil,
        cases: CaseDesk? = nil, mentionFeeds: MentionFeedPoller? = nil, retention: RetentionSchedule? = nil
    ) {
        self.retention = retention
        self.mentionFeeds = mentionFeeds
        self.store = store
        self.now = now
        self.logger = logger
        self.detector = detector
        self.metrics = metrics
        self.feedHub = FeedHub(store: store, configuration: feed, metrics: metrics, logger: logger)
        self.dashboardsPath = dashboardsPath
        self.incidents = incidents
        self.notifier = notifier
        self.cases = cases
    }
}

/// Where and how the HTTP server listens.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int

    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }
}
