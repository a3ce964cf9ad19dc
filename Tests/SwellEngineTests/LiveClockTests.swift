import Foundation
import Logging
import SwellCore
import SwellPlaybook
import SwellStore
import Synchronization
import Testing

@testable import SwellEngine

/// The incident engine on the wall clock: deadlines come when their time comes, with no event arriving; a long
/// gap is caught up with bounded work; warnings from history open nothing by themselves.
@Suite("The live clock")
struct LiveClockTests {
    final class ManualClock: Sendable {
        private let instant: Mutex<Date>
        init(_ text: String) { instant = Mutex(RFC3339.parse(text)!) }
        var now: Date { instant.withLock { $0 } }
        func advance(_ seconds: TimeInterval) { instant.withLock { $0 = $0.addingTimeInterval(seconds) } }
    }

    static func playbook() throws -> Playbook {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try PlaybookLoader.load(data: try Data(contentsOf: root.appendingPathComponent("playbooks/group-complaint.yaml")), file: "group-complaint.yaml")
    }

    /// A store holding one cluster, and an engine on `clock`.
    static func engine(clock: ManualClock) async throws -> (SQLiteCaseStore, IncidentEngine) {
        let store = try SQLiteCaseStore()
        let cluster = ClusterSnapshot(
            id: ClusterID(1), firstAt: clock.now.addingTimeInterval(-7200), lastAt: clock.now, memberCount: 9,
            distinctComplainants: 9, level: .blue, topTerms: ["酒店", "降级"], representativeText: "酒店降级",
            representativeComplaintId: ComplaintID(1), entities: [], updatedAt: clock.now)
        _ = try await store.apply([.saveCluster(cluster)], checkpoint: nil)
        let engine = IncidentEngine(store: store, playbook: try playbook(), logger: Logger(label: "test"), clock: .wall({ clock.now }))
        try await engine.start()
        return (store, engine)
    }

    static func events(_ store: SQLiteCaseStore, _ type: EventType) async throws -> [Event] {
        try await store.events(after: 0, limit: 100_000).filter { $0.type == type }
    }

    @Test func aTaskGoesOverdueWhenItsTimeComesWithNothingPosted() async throws {
        let clock = ManualClock("2026-12-01T02:00:00Z")
        let (store, engine) = try await Self.engine(clock: clock)
        let incident = try await engine.open(clusterId: ClusterID(1), warningId: nil, title: nil, at: clock.now, by: "manager")
        try await engine.drain()
        // The earliest deadline: the safety report, one hour after opening.
        #expect(await engine.nextDueAt == incident.openedAt.addingTimeInterval(3600))
        #expect(try await engine.tick() == false, "nothing is due yet")

        clock.advance(3601)
        #expect(try await engine.tick())
        let overdue = try await Self.events(store, .taskOverdue)
        #expect(overdue.count == 1)
        let tasks = try await engine.tasks(of: try #require(incident.id))
        #expect(tasks.first { $0.task.templateId == "report_safety_emergency" }?.task.overdueAt != nil)
        // Marked once: the next pass finds nothing new until the next deadline.
        #expect(try await engine.tick() == false)
        #expect(try await Self.events(store, .taskOverdue).count == 1)
        #expect(try #require(await engine.nextDueAt) > clock.now)
    }

    @Test func aDailyReportIsWrittenAtItsLocalTimeWithNothingPosted() async throws {
        let clock = ManualClock("2026-12-01T02:00:00Z")  // 10:00 in Shanghai
        let (store, engine) = try await Self.engine(clock: clock)
        let incident = try await engine.open(clusterId: ClusterID(1), warningId: nil, title: nil, at: clock.now, by: "manager")
        _ = try await engine.transition(incident: try #require(incident.id), to: .responding, at: clock.now, by: "manager")
        try await engine.drain()
        #expect(try await engine.dailyReports(of: try #require(incident.id)).isEmpty)
        clock.advance(8 * 3600 + 60)  // 18:01 in Shanghai
        while try await engine.tick() {}
        #expect(try await engine.dailyReports(of: try #require(incident.id)).map(\.day) == ["2026-12-01"])
        #expect(try await Self.events(store, .dailyReportCreated).count == 1)
    }

    @Test func catchingUpAfterALongGapIsBounded() async throws {
        let clock = ManualClock("2026-12-01T02:00:00Z")
        let (store, engine) = try await Self.engine(clock: clock)
        let incident = try await engine.open(clusterId: ClusterID(1), warningId: nil, title: nil, at: clock.now, by: "manager")
        let id = try #require(incident.id)
        _ = try await engine.transition(incident: id, to: .responding, at: clock.now, by: "manager")
        try await engine.drain()
        let before = try await store.events(after: 0, limit: 100_000).count

        clock.advance(1_000 * 86_400)  // the server was down for almost three years
        while try await engine.tick() {}
        let written = try await store.events(after: 0, limit: 100_000).count - before
        let reports = try await engine.dailyReports(of: id)
        #expect(reports.count <= 8, "at most a week of missed daily reports")
        let tasks = try await engine.tasks(of: id)
        let recurring = tasks.filter { $0.task.occurrence != nil }
        #expect(recurring.count <= 5 * 9, "at most a week of occurrences of each recurring task")
        #expect(written < 300, "wrote \(written) events")
        // Every task that is due is marked overdue exactly once.
        let overdue = try await Self.events(store, .taskOverdue)
        #expect(Set(overdue.map(\.draft.payload)).count == overdue.count)
        #expect(try await engine.tick() == false)
    }

    @Test func aWarningFromHistoryOpensNoIncidentButAFreshOneDoes() async throws {
        let clock = ManualClock("2026-12-01T02:00:00Z")
        let (store, engine) = try await Self.engine(clock: clock)
        func warn(_ level: WarningLevel, at: Date) async throws {
            let warning = WarningRecord(
                clusterId: ClusterID(1), kind: "escalated", level: level, previousLevel: .blue, raisedAt: at,
                triggeringComplaintId: ComplaintID(1), complaintCount: 9, distinctComplainants: 9, rule: "escalation",
                reasons: [.init(code: "signal.regulator_referral", detail: "12315")])
            _ = try await store.apply([.raiseWarning(warning, at: at)], checkpoint: nil)
        }
        try await warn(.orange, at: RFC3339.parse("2026-01-15T08:00:00Z")!)  // imported history
        try await engine.drain()
        #expect(try await engine.incidents(activeOnly: true).isEmpty)
        try await warn(.red, at: clock.now.addingTimeInterval(-600))
        try await engine.drain()
        #expect(try await engine.incidents(activeOnly: true).count == 1)
    }

    @Test func onEventTimeTheClockDoesNotTick() async throws {
        let store = try SQLiteCaseStore()
        let engine = IncidentEngine(store: store, playbook: try Self.playbook(), logger: Logger(label: "test"))
        try await engine.start()
        #expect(try await engine.tick() == false)
    }

    @Test func theWakeUpSleepsUntilTheNextDeadlineAtMostThePollInterval() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        #expect(WakeUps.delay(until: nil, atMost: .seconds(1), now: now) == .seconds(1))
        #expect(WakeUps.delay(until: now.addingTimeInterval(0.25), atMost: .seconds(1), now: now) == .milliseconds(255))
        #expect(WakeUps.delay(until: now.addingTimeInterval(-5), atMost: .seconds(1), now: now) == .milliseconds(5))
        #expect(WakeUps.delay(until: now.addingTimeInterval(3600), atMost: .seconds(1), now: now) == .seconds(1))
    }
}
