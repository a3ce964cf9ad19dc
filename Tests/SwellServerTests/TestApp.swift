import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import SwellCore
import SwellDetection
import SwellPlaybook
import SwellStore
import Testing

@testable import SwellEngine
@testable import SwellServer

/// A wall clock a test sets by hand.
final class TestClock: Sendable {
    private let instant: Mutex<Date>
    init(_ start: Date) { instant = Mutex(start) }
    var now: Date { instant.withLock { $0 } }
    func set(_ text: String) { instant.withLock { $0 = RFC3339.parse(text)! } }
}

/// A Swell application on an in-memory store with one token per role and a pinned clock.
struct TestApp {
    static let now = RFC3339.parse("2026-07-02T00:00:00Z")!
    /// The wall clock at the edge; starts at ``now``.
    let clock = TestClock(TestApp.now)

    let store: SQLiteCaseStore
    let tokens: [Role: String]
    let detector: DetectorEngine?
    let incidents: IncidentEngine?
    /// Built once, so the feed hub, the metrics and the routers all belong to the one application.
    let environment: ServerEnvironment

    /// `playbook` runs incidents on that playbook (see `TestPlaybook`); nil runs without them. `liveClock` runs
    /// the scheduler on ``clock`` (as `swell serve` does on the wall clock) instead of event time.
    init(
        detection: DetectorConfiguration? = nil, playbook: Playbook? = nil, feed: FeedConfiguration = .init(), liveClock: Bool = false
    ) async throws {
        store = try SQLiteCaseStore()
        var tokens: [Role: String] = [:]
        for role in Role.allCases {
            let token = "test-\(role.rawValue)"
            _ = try await store.createToken(name: role.rawValue, role: role, tokenHash: EventHashing.tokenHash(token), at: Self.now)
            tokens[role] = token
        }
        self.tokens = tokens
        let store = self.store
        let detector = detection.map { DetectorEngine(store: store, configuration: $0, logger: Logger(label: "test")) }
        self.detector = detector
        let clock = self.clock
        let incidents = playbook.map {
            IncidentEngine(store: store, playbook: $0, logger: Logger(label: "test"), clock: liveClock ? .wall({ clock.now }) : .eventTime)
        }
        self.incidents = incidents
        environment = ServerEnvironment(
            store: store, now: { clock.now }, logger: Logger(label: "test"), detector: detector, feed: feed,
            dashboardsPath: Self.dashboards, incidents: incidents,
            cases: incidents?.cases)
    }

    /// The repository's `dashboards/` folder.
    static let dashboards = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("dashboards").path

    func run(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = buildApplication(configuration: .init(port: 0), environment: environment)
        try await app.test(.router, body)
    }

    /// Runs against a real socket (WebSockets need one).
    func runLive(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = buildApplication(configuration: .init(port: 0), environment: environment)
        try await app.test(.live, body)
    }

    func headers(_ role: Role?, contentType: String = "application/json") -> HTTPFields {
        var fields: HTTPFields = [.contentType: contentType]
        if let role, let token = tokens[role] { fields[.authorization] = "Bearer \(token)" }
        return fields
    }
}

extension TestClientProtocol {
    func post(_ uri: String, as role: Role? = .intake, json: String, contentType: String = "application/json", app: TestApp) async throws -> TestResponse {
        try await execute(uri: uri, method: .post, headers: app.headers(role, contentType: contentType), body: ByteBuffer(string: json))
    }

    func get(_ uri: String, as role: Role? = .intake, app: TestApp) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: app.headers(role))
    }
}

extension TestResponse {
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]) ?? [:]
    }

    var problemType: String? {
        headers[.contentType] == "application/problem+json" ? json["type"] as? String : nil
    }
}

func complaintJSON(
    _ id: String, receivedAt: String = "2026-07-01T08:15:00Z", text: String = "酒店与合同不符，说好的四星变成了汽车旅馆",
    extra: String = ""
) -> String {
    """
    {"externalId":"\(id)","receivedAt":"\(receivedAt)","channel":"hotline","text":"\(text)",\
    "complainant":{"name":"张三","phone":"13812345678","email":"zhang@example.com"},\
    "product":"AU-8D-0612","departure":"2026-06-12","demand":"退还差价"\(extra)}
    """
}

/// The repository's default playbook, optionally with another auto-open level (`never`, `blue`, …).
enum TestPlaybook {
    static func load(autoOpen: String? = nil) throws -> Playbook {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var text = try String(contentsOf: root.appendingPathComponent("playbooks/group-complaint.yaml"), encoding: .utf8)
        if let autoOpen { text = text.replacingOccurrences(of: "atLevel: orange", with: "atLevel: \(autoOpen)") }
        return try PlaybookLoader.load(data: Data(text.utf8), file: "group-complaint.yaml")
    }
}
