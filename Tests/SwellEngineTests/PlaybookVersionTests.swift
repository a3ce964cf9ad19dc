import Foundation
import Logging
import SwellCore
import SwellPlaybook
import SwellStore
import Testing

@testable import SwellEngine

/// Playbook versions: each text that ran is kept, an edited text under an old version stops the start, and an
/// incident is judged by the version it opened under after the file changes.
@Suite struct PlaybookVersionTests {
    static let logger = Logger(label: "test")

    static func defaultText() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("playbooks/group-complaint.yaml"), encoding: .utf8)
    }

    /// Version 2: another version number, and the root-cause categories cut down to two.
    static func secondText() throws -> String {
        try defaultText()
            .replacingOccurrences(of: #"version: "1""#, with: #"version: "2""#)
            .replacingOccurrences(
                of: "rootCauseCategories: [supplier, guide, transport, hotel, contract_sales, communication, other]",
                with: "rootCauseCategories: [supplier, other]")
    }

    static func load(_ text: String) throws -> Playbook { try PlaybookLoader.load(yaml: text, file: "test.yaml") }

    @Test func eachVersionIsKeptOnceAndAnEditedTextNeedsANewVersion() async throws {
        let store = try SQLiteCaseStore()
        let v1 = try Self.defaultText()
        let at = RFC3339.parse("2026-12-01T00:00:00Z")!
        #expect(try await PlaybookRegistry.record(try Self.load(v1), content: v1, in: store, at: at, logger: Self.logger).isEmpty)
        // The same text again: nothing new
        #expect(try await PlaybookRegistry.record(try Self.load(v1), content: v1, in: store, at: at, logger: Self.logger).isEmpty)
        #expect(try await store.events(after: 0, limit: 10).filter { $0.type == .playbookRecorded }.count == 1)

        // An edited text under version 1 is refused, naming the way out
        let edited = v1 + "\n# an edit\n"
        do {
            _ = try await PlaybookRegistry.record(try Self.load(edited), content: edited, in: store, at: at, logger: Self.logger)
            Issue.record("an edited playbook under an old version was accepted")
        } catch let failure as PlaybookRegistry.Failure {
            #expect(failure.description.contains("group-complaint version 1"))
            #expect(failure.description.contains("change `version:`"))
        }

        // Version 2 is kept beside it; version 1 comes back as an earlier version
        let v2 = try Self.secondText()
        let earlier = try await PlaybookRegistry.record(try Self.load(v2), content: v2, in: store, at: at, logger: Self.logger)
        #expect(earlier.map(\.version) == ["1"])
        #expect(try await store.playbookVersions().map(\.version) == ["1", "2"])
        #expect(try await store.playbookVersion(name: "group-complaint", version: "1")?.content == v1)
        #expect(try await store.playbookVersion(name: "group-complaint", version: "1")?.hash == EventHashing.contentHash(v1))
    }

    @Test func anIncidentIsJudgedByTheVersionItOpenedUnder() async throws {
        let store = try SQLiteCaseStore()
        let at = RFC3339.parse("2026-12-01T02:00:00Z")!
        let cluster = ClusterSnapshot(
            id: ClusterID(1), firstAt: at.addingTimeInterval(-7200), lastAt: at, memberCount: 9, distinctComplainants: 9, level: .blue,
            topTerms: ["酒店"], representativeText: "酒店降级", representativeComplaintId: ComplaintID(1), entities: [], updatedAt: at)
        _ = try await store.apply([.saveCluster(cluster)], checkpoint: nil)

        // Given an incident opened under version 1
        let v1 = try Self.defaultText()
        _ = try await PlaybookRegistry.record(try Self.load(v1), content: v1, in: store, at: at, logger: Self.logger)
        let first = IncidentEngine(store: store, playbook: try Self.load(v1), logger: Self.logger)
        let incident = try await first.open(clusterId: ClusterID(1), warningId: nil, title: nil, at: at, by: "manager")
        #expect(incident.playbook == .init(name: "group-complaint", version: "1"))

        // When the server restarts with version 2, which allows only two root-cause categories
        let v2 = try Self.secondText()
        let earlier = try await PlaybookRegistry.record(try Self.load(v2), content: v2, in: store, at: at, logger: Self.logger)
        let second = IncidentEngine(store: store, playbook: try Self.load(v2), earlier: earlier, logger: Self.logger)

        // Then the incident is still judged by version 1: a 'hotel' root cause is accepted for it
        #expect(second.rules(for: incident).version == "1")
        let id = try #require(incident.id)
        let review = IncidentEngine.ReviewDraft(
            summary: "酒店降级", rootCauses: [.init(category: "hotel", text: "合同酒店超售")], actions: [], lessons: nil, highlights: [])
        _ = try await second.saveReview(incident: id, review, at: at.addingTimeInterval(3600), by: "manager")

        // And a new incident opens under version 2, where 'hotel' is refused
        let cluster2 = ClusterSnapshot(
            id: ClusterID(2), firstAt: at, lastAt: at, memberCount: 9, distinctComplainants: 9, level: .blue,
            topTerms: ["导游"], representativeText: "导游", representativeComplaintId: ComplaintID(2), entities: [], updatedAt: at)
        _ = try await store.apply([.saveCluster(cluster2)], checkpoint: nil)
        let later = try await second.open(clusterId: ClusterID(2), warningId: nil, title: nil, at: at, by: "manager")
        #expect(later.playbook.version == "2")
        await #expect(throws: IncidentError.self) {
            _ = try await second.saveReview(incident: try #require(later.id), review, at: at.addingTimeInterval(3600), by: "manager")
        }

        // Without the store's record of version 1 the incident would follow the loaded playbook
        let forgetful = IncidentEngine(store: store, playbook: try Self.load(v2), logger: Self.logger)
        #expect(forgetful.rules(for: incident).version == "2")
    }
}

/// The default playbook's text per version, as released. A server on the built-in default refuses to start when
/// the text of a version it already ran changes, so an edit of `playbooks/group-complaint.yaml` must come with a new
/// `version:` (and a new line here).
@Suite struct DefaultPlaybookVersionTests {
    static let released = [
        "1": "3b5525be081d48b6663d4b51025ad180dc65bd9eaabd5507a7dad39128628342",
    ]

    @Test func theDefaultPlaybookChangesOnlyWithANewVersion() throws {
        let text = try PlaybookVersionTests.defaultText()
        let playbook = try PlaybookVersionTests.load(text)
        let hash = EventHashing.contentHash(text)
        #expect(
            Self.released[playbook.version] == hash,
            "playbooks/group-complaint.yaml changed under version \(playbook.version): give it a new version and add \"\(playbook.version)\": \"\(hash)\"")
    }
}
