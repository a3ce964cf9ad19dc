import Foundation
import Hummingbird
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import HummingbirdWebSocket
import Logging
import ServiceLifecycle
import SwellCore
import Synchronization
import SwellStore
import Testing

@testable import SwellEngine
@testable import SwellServer

/// The live feed through a real WebSocket client against a running server (`.live`).
@Suite struct FeedTests {
    /// Secrets that the complaints below carry and that no feed message may ever contain.
    static let personalData = ["张三", "13812345678", "zhang@example.com"]

    /// Opens the feed at `path` with `headers` and collects text messages until `done` says so (bounded).
    func collect(
        _ client: any TestClientProtocol, _ path: String, headers: HTTPFields = [:], seconds: Double = 10,
        until done: @escaping @Sendable ([String]) -> Bool
    ) async throws -> (messages: [String], close: WebSocketCloseFrame?) {
        let box = MessageBox()
        let close = try await client.ws(path, configuration: .init(additionalHeaders: headers)) { inbound, _, _ in
            let deadline = ContinuousClock.now.advanced(by: .seconds(seconds))
            for try await message in inbound.messages(maxSize: 1 << 20) {
                if case .text(let text) = message { box.append(text) }
                if done(box.messages) || ContinuousClock.now > deadline { break }
            }
        }
        return (box.messages, close)
    }

    /// Opens the feed and leaves at once; throws `webSocketUpgradeFailed` when the upgrade is refused.
    func open(_ client: any TestClientProtocol, _ path: String, headers: HTTPFields = [:]) async throws {
        try await client.ws(path, configuration: .init(additionalHeaders: headers)) { _, _, _ in }
    }

    @Test func ticketsAreSingleUseAndShortLived() async throws {
        let app = try await TestApp(feed: .init(ticketLifetime: .seconds(3)))  // long enough for a loaded CI machine
        try await app.runLive { client in
            // Given no token: the ticket endpoint explains with a 401 problem
            let anonymous = try await client.execute(uri: "/v1/feed/ticket", method: .post)
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.problemType == "urn:swell:problem:unauthenticated")

            // When an executive takes a ticket, it opens the feed once
            let ticket = try await client.post("/v1/feed/ticket", as: .executive, json: "", app: app)
            #expect(ticket.status == .created)
            let value = try #require(ticket.json["ticket"] as? String)
            #expect(ticket.json["url"] as? String == "/v1/feed?ticket=\(value)")
            try await open(client, "/v1/feed?ticket=\(value)")
            try await open(client, "/v1/feed", headers: app.headers(.executive))  // a bearer header works too

            // Then the same ticket is refused (a bare 400 upgrade failure), and so is an expired one
            await #expect(throws: WebSocketClientError.webSocketUpgradeFailed) {
                try await open(client, "/v1/feed?ticket=\(value)")
            }
            let late = try await client.post("/v1/feed/ticket", as: .executive, json: "", app: app).json["ticket"] as? String
            try await Task.sleep(for: .milliseconds(3_200))
            await #expect(throws: WebSocketClientError.webSocketUpgradeFailed) {
                try await open(client, "/v1/feed?ticket=\(late ?? "")")
            }
            await #expect(throws: WebSocketClientError.webSocketUpgradeFailed) {
                try await open(client, "/v1/feed")
            }
            await #expect(throws: WebSocketClientError.webSocketUpgradeFailed) {
                try await open(client, "/v1/feed", headers: [.authorization: "Bearer swl_forged"])
            }
            // A plain GET says how to open the feed
            #expect(try await client.get("/v1/feed", as: .executive, app: app).status == .upgradeRequired)
        }
    }

    @Test func replayIsFilteredByRoleAndCarriesNoPersonalData() async throws {
        let app = try await TestApp()
        let tokenEvents = try await app.store.lastEventSeq()  // one token.created per role
        #expect(tokenEvents == Int64(Role.allCases.count))
        try await app.runLive { client in
            for n in 1...3 { _ = try await client.post("/v1/complaints", json: complaintJSON("f-\(n)"), app: app) }
            let head = tokenEvents + 3

            let admin = try await collect(client, "/v1/feed?since=0", headers: app.headers(.admin)) { $0.count >= Int(head) }
            #expect(admin.messages.map(Self.seq) == Array(1...head))
            #expect(admin.messages.first.map(Self.type) == "token.created")

            let executive = try await collect(client, "/v1/feed?since=0", headers: app.headers(.executive)) { $0.count >= 3 }
            #expect(executive.messages.map(Self.seq) == Array((tokenEvents + 1)...head))
            #expect(executive.messages.allSatisfy { Self.type($0) == "complaint.received" })
            let envelope = try #require(executive.messages.first.flatMap(Self.object))
            #expect(Set(envelope.keys) == ["seq", "at", "type", "incidentId", "clusterId", "complaintId", "data"])
            for message in admin.messages + executive.messages {
                for secret in Self.personalData { #expect(!message.contains(secret), "feed leaks \(secret): \(message)") }
            }
        }
    }

    @Test func liveFramesAreFilteredByRoleAndCarryNoPersonalData() async throws {
        let app = try await TestApp()
        let head = try await app.store.lastEventSeq()
        try await app.runLive { client in
            try await withThrowingTaskGroup(of: (Role, [String]).self) { group in
                // Given an admin's and an executive's sockets following live from the head
                for role in [Role.admin, .executive] {
                    group.addTask {
                        let collected = try await collect(client, "/v1/feed?since=\(head)", headers: app.headers(role), seconds: 20) { messages in
                            messages.contains { Self.type($0) == "mention.received" }
                        }
                        return (role, collected.messages)
                    }
                }
                // When a token is made, a complaint with personal data arrives, and a mention naming a phone
                group.addTask {
                    try await Task.sleep(for: .milliseconds(100))
                    _ = try await app.store.createToken(name: "late", role: .pr, tokenHash: "h-late", at: TestApp.now)
                    _ = try await client.post("/v1/complaints", json: complaintJSON("live-1"), app: app)
                    _ = try await client.post(
                        "/v1/mentions", as: .pr, json: MentionRoutesTests.mentionJSON("live/1", text: "张三的电话13812345678，旅行社太坑人"), app: app)
                    return (.intake, [])
                }
                var byRole: [Role: [String]] = [:]
                for try await (role, messages) in group { byRole[role] = messages }
                let admin = byRole[.admin] ?? []
                let executive = byRole[.executive] ?? []
                // Then the admin sees the token event and the executive does not; nobody sees personal data
                #expect(admin.contains { Self.type($0) == "token.created" })
                #expect(!executive.contains { Self.type($0).hasPrefix("token.") })
                #expect(executive.contains { Self.type($0) == "complaint.received" })
                #expect(executive.contains { Self.type($0) == "mention.received" })
                for message in admin + executive {
                    for secret in Self.personalData { #expect(!message.contains(secret), "a live frame leaks \(secret): \(message)") }
                }
            }
        }
    }

    @Test func aSubscriberChoosesTypesAndASummaryOfComplaints() async throws {
        let app = try await TestApp(feed: .init(bufferSize: 256))
        let start = try await app.store.lastEventSeq()
        let lines = (1...1_200).map { complaintJSON("t-\($0)") }.joined(separator: "\n")
        try await app.runLive { client in
            // Given 1,200 complaints in the log (no detector runs here)
            let stored = try await client.post("/v1/complaints/batch", json: lines, contentType: "application/x-ndjson", app: app)
            #expect(stored.status == .ok)
            let head = try await app.store.lastEventSeq()
            #expect(head == start + 1_200)

            // When a dashboard replays them in summary mode, it gets a few counts, not a frame per event
            let summary = try await collect(
                client, "/v1/feed?since=\(start)&mode=summary", headers: app.headers(.executive)
            ) { $0.last.map(Self.seq) == head }
            let counts = summary.messages.compactMap(Self.object).filter { $0["type"] as? String == "complaints.arrived" }
            #expect(counts.count >= 1 && counts.count < 20, "\(summary.messages.count) messages")
            #expect(counts.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == 1_200)
            #expect(counts.reduce(0) { $0 + ($1["events"] as? Int ?? 0) } == Int(head - start))
            // … covering the log without a gap or an overlap
            var next = start + 1
            for count in counts {
                #expect((count["fromSeq"] as? Int).map(Int64.init) == next)
                next = Int64(count["seq"] as? Int ?? 0) + 1
            }
            #expect(next == head + 1)

            // And a subscriber that chose complaint receipts gets each, and nothing else
            let chosen = try await collect(
                client, "/v1/feed?since=\(start)&types=complaint.*", headers: app.headers(.executive)
            ) { $0.count >= 1_200 }
            #expect(chosen.messages.count == 1_200)
            #expect(chosen.messages.allSatisfy { Self.type($0) == "complaint.received" })

            // A bad choice is refused; a plain GET names the parameter
            await #expect(throws: WebSocketClientError.webSocketUpgradeFailed) {
                try await open(client, "/v1/feed?types=warnings.*", headers: app.headers(.executive))
            }
            await #expect(throws: WebSocketClientError.webSocketUpgradeFailed) {
                try await open(client, "/v1/feed?mode=digest", headers: app.headers(.executive))
            }
            let explained = try await client.get("/v1/feed?types=warnings.*", as: .executive, app: app)
            #expect(explained.status == .badRequest)
            #expect(explained.json["field"] as? String == "types")
            #expect((explained.json["detail"] as? String)?.contains("'warnings.*' matches no event type") == true)
        }
    }

    @Test func aLiveSummaryArrivesWithinItsIntervalAndWarningsAtOnce() async throws {
        let app = try await TestApp(feed: .init(bufferSize: 256))
        let head = try await app.store.lastEventSeq()
        try await app.runLive { client in
            try await withThrowingTaskGroup(of: [String].self) { group in
                // Given a summary-mode socket following live
                group.addTask {
                    try await collect(client, "/v1/feed?since=\(head)&mode=summary", headers: app.headers(.executive), seconds: 20) { messages in
                        messages.compactMap(Self.object).filter { $0["type"] as? String == "complaints.arrived" }
                            .reduce(0) { $0 + ($1["count"] as? Int ?? 0) } >= 30
                    }.messages
                }
                // When complaints arrive one by one over more than a second
                group.addTask {
                    try await Task.sleep(for: .milliseconds(100))
                    for n in 1...30 {
                        _ = try await client.post("/v1/complaints", json: complaintJSON("s-\(n)"), app: app)
                        try await Task.sleep(for: .milliseconds(50))
                    }
                    return []
                }
                var messages: [String] = []
                for try await collected in group { messages += collected }
                // Then every complaint is counted, in fewer messages than complaints, with no complaint frame
                let counts = messages.compactMap(Self.object).filter { $0["type"] as? String == "complaints.arrived" }
                #expect(counts.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == 30)
                #expect(counts.count < 15)
                #expect(!messages.contains { Self.type($0) == "complaint.received" })
            }
        }
    }

    @Test func aStoreFailingDuringAReplayClosesWith1011AndTheResumePoint() async throws {
        // A backlog of 16 events: a replay from the start reads the store, page by page
        let app = try await TestApp(feed: .init(bufferSize: 16))
        let lines = (1...1_500).map { complaintJSON("o-\($0)") }.joined(separator: "\n")
        try await app.runLive { client in
            let stored = try await client.post("/v1/complaints/batch", json: lines, contentType: "application/x-ndjson", app: app)
            #expect(stored.status == .ok)
            // Given a subscriber replaying from the start; when the store goes away after its first frame
            let box = MessageBox()
            let close = try await client.ws("/v1/feed?since=0", configuration: .init(additionalHeaders: app.headers(.admin))) { inbound, _, _ in
                let deadline = ContinuousClock.now.advanced(by: .seconds(20))
                for try await message in inbound.messages(maxSize: 1 << 20) {
                    if case .text(let text) = message { box.append(text) }
                    if box.messages.count == 1 { try await app.store.close() }
                    if ContinuousClock.now > deadline { break }
                }
            }
            // Then the socket closes with 1011 and says where to resume
            let frame = try #require(close)
            #expect(frame.closeCode == .unexpectedServerError)
            let resume = try #require(frame.reason?.components(separatedBy: "since=").last.flatMap { Int64($0) })
            #expect(resume >= Int64(box.messages.count) - 1 && resume < 1_500 + 5)
        }
    }

    @Test func resumeCrossesFromReplayToLiveWithoutGapOrDuplicate() async throws {
        let app = try await TestApp()
        try await app.runLive { client in
            for n in 1...20 { _ = try await client.post("/v1/complaints", json: complaintJSON("r-\(n)"), app: app) }
            let target = try await app.store.lastEventSeq() + 40
            try await withThrowingTaskGroup(of: [String].self) { group in
                // Given a subscriber resuming from seq 3 while complaints keep arriving
                group.addTask {
                    try await collect(client, "/v1/feed?since=3", headers: app.headers(.admin), seconds: 20) { messages in
                        messages.last.map(Self.seq) ?? 0 >= target
                    }.messages
                }
                group.addTask {
                    for n in 21...60 {
                        _ = try await client.post("/v1/complaints", json: complaintJSON("r-\(n)"), app: app)
                        if n % 5 == 0 { try await Task.sleep(for: .milliseconds(5)) }
                    }
                    return []
                }
                var received: [String] = []
                for try await messages in group { received += messages }
                // Then every seq after 3 arrives exactly once, in order
                let seqs = received.filter { Self.type($0) != "heartbeat" }.map(Self.seq)
                #expect(seqs == Array(4...target))
            }
        }
    }

    @Test func aSubscriberThatDoesNotReadIsDroppedAndOthersKeepUp() async throws {
        let app = try await TestApp(feed: .init(bufferSize: 64, slowConsumerPatience: .milliseconds(100)))
        let hub = app.environment.feedHub
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await hub.run() }
            while hub.publishedHead == nil { try await Task.sleep(for: .milliseconds(5)) }

            // Given a stalled subscriber (never reads) and one that reads
            let stalled = hub.subscribe()
            let reader = hub.subscribe()
            async let lastSeen: Int64 = {
                var cursor = reader.startHead ?? 0
                for await _ in reader.doorbell {
                    while case .frames(let frames) = hub.next(after: cursor, heartbeatsSeen: .max) {
                        cursor = frames.last?.seq ?? cursor
                        reader.wrote(through: cursor)
                    }
                    if cursor >= 205 { break }
                }
                return cursor
            }()

            // When 200 complaints arrive in 20 commits
            for batch in 0..<20 {
                let complaints = (0..<10).map { n in
                    NewComplaint(
                        externalId: "slow-\(batch)-\(n)", receivedAt: TestApp.now, channel: .web, text: "团餐不卫生 \(n)",
                        complainant: Complainant(name: nil, phone: nil))
                }
                _ = try await app.store.ingest(complaints, at: TestApp.now)
                try await Task.sleep(for: .milliseconds(20))
            }

            // Then the stalled one is ended as a slow consumer and the reader has everything
            #expect(await lastSeen == 205)
            #expect(stalled.end == .slowConsumer)
            #expect(reader.end == nil)
            #expect(hub.subscriberCount == 1)
            hub.endAll(.shuttingDown)
            #expect(reader.end == .shuttingDown)
            group.cancelAll()
        }
    }

    static func object(_ text: String) -> [String: Any]? {
        try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    }

    static func seq(_ text: String) -> Int64 {
        (object(text)?["seq"] as? NSNumber)?.int64Value ?? -1
    }

    static func type(_ text: String) -> String {
        object(text)?["type"] as? String ?? ""
    }
}

/// Messages gathered inside a WebSocket handler.
final class MessageBox: Sendable {
    private let storage = Mutex<[String]>([])
    func append(_ text: String) { storage.withLock { $0.append(text) } }
    var messages: [String] { storage.withLock { $0 } }
}
