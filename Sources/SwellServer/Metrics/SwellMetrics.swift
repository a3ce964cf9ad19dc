import Foundation
import Metrics
import Prometheus
import SwellCore
import SwellEngine

/// Swell's Prometheus metrics: one registry per application, rendered at `GET /metrics`. Metrics are made
/// through swift-metrics with this registry's factory passed explicitly, so tests each get their own registry
/// and nothing depends on the process-wide `MetricsSystem` (which `swell serve` bootstraps onto the same
/// registry, so libraries that report through swift-metrics land here too).
public final class SwellMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    public let factory: PrometheusMetricsFactory

    let feedSubscribers: Metrics.Meter
    let feedEventsSent: Metrics.Counter
    /// How many times the hub woke a feed session (a session is woken only for a run that concerns it).
    let feedWakeups: Metrics.Counter
    let feedSendDelay: Metrics.Timer
    let logHead: Metrics.Meter
    let complaintsIngested: Metrics.Counter
    let clustersCreated: Metrics.Counter

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        var factory = PrometheusMetricsFactory(registry: registry)
        // Prometheus names allow [a-zA-Z0-9_:]; libraries often use dots.
        factory.nameAndLabelSanitizer = { name, labels in
            (Self.sanitize(name), labels.map { (Self.sanitize($0.0), $0.1) })
        }
        factory.durationHistogramBuckets[Names.httpDuration] = [
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
        ]
        factory.durationHistogramBuckets[Names.feedSendDelay] = [
            .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5), .seconds(30),
        ]
        self.factory = factory
        feedSendDelay = Metrics.Timer(label: Names.feedSendDelay, factory: factory)
        feedSubscribers = Metrics.Meter(label: Names.feedSubscribers, factory: factory)
        feedEventsSent = Metrics.Counter(label: Names.feedEventsSent, factory: factory)
        feedWakeups = Metrics.Counter(label: Names.feedWakeups, factory: factory)
        logHead = Metrics.Meter(label: Names.logHead, factory: factory)
        complaintsIngested = Metrics.Counter(label: Names.complaintsIngested, factory: factory)
        clustersCreated = Metrics.Counter(label: Names.clustersCreated, factory: factory)
    }

    enum Names {
        static let httpRequests = "swell_http_requests_total"
        static let httpDuration = "swell_http_request_duration_seconds"
        static let feedSubscribers = "swell_feed_subscribers"
        static let feedEventsSent = "swell_feed_events_sent_total"
        static let feedWakeups = "swell_feed_wakeups_total"
        static let feedDisconnects = "swell_feed_disconnects_total"
        static let feedSendDelay = "swell_feed_send_delay_seconds"
        static let logHead = "swell_event_log_head_seq"
        static let complaintsIngested = "swell_complaints_ingested_total"
        static let clustersCreated = "swell_clusters_created_total"
        static let warnings = "swell_warnings_total"
    }

    /// Counts what the event log shows: complaints, new clusters, warnings by level. Called by the feed hub
    /// for every event it reads, so it also counts what other writers (`swell import`, other instances) append.
    func observe(_ events: [Event]) {
        for event in events {
            switch event.type {
            case .complaintReceived: complaintsIngested.increment()
            case .clusterCreated: clustersCreated.increment()
            case .warningRaised, .warningEscalated:
                let payload = try? JSONDecoder().decode(WarningEventPayload.self, from: Data(event.draft.payload.utf8))
                Metrics.Counter(
                    label: Names.warnings,
                    dimensions: [("level", payload?.level.rawValue ?? "unknown"), ("kind", String(event.type.rawValue.dropFirst(8)))],
                    factory: factory
                ).increment()
            default: break
            }
        }
        if let last = events.last { logHead.set(Double(last.seq)) }
    }

    /// One event written to a feed socket; for live events, also how long after the hub read it from the log the
    /// socket took it (the fan-out's share of the delay; an event's `at` is event time, not its commit time).
    func feedEventSent(publishedAt: ContinuousClock.Instant?) {
        feedEventsSent.increment()
        if let publishedAt {
            feedSendDelay.recordNanoseconds((ContinuousClock.now - publishedAt).nanoseconds)
        }
    }

    func feedDisconnect(_ reason: String) {
        Metrics.Counter(label: Names.feedDisconnects, dimensions: [("reason", reason)], factory: factory).increment()
    }

    func httpRequest(method: String, route: String, status: Int, duration: Duration) {
        Metrics.Counter(label: Names.httpRequests, dimensions: [("method", method), ("route", route), ("status", String(status))], factory: factory)
            .increment()
        Metrics.Timer(label: Names.httpDuration, dimensions: [("method", method), ("route", route)], factory: factory)
            .recordNanoseconds(duration.nanoseconds)
    }

    /// The Prometheus text exposition of every metric.
    func render() -> String {
        registry.emitToString()
    }

    static func sanitize(_ name: String) -> String {
        String(name.map { $0.isLetter && $0.isASCII || $0.isNumber && $0.isASCII || $0 == "_" || $0 == ":" ? $0 : "_" })
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
