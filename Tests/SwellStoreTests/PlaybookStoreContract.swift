import Foundation
import SwellCore
import SwellStore
import Testing

/// Playbook versions on every back end: kept once per name and version with one `playbook.recorded` event, read
/// back exactly, listed oldest first.
enum PlaybookStoreContract {
    static func version(_ version: String, content: String, at: String) -> PlaybookVersion {
        PlaybookVersion(
            name: "group-complaint", version: version, hash: String(repeating: version, count: 64).prefix(64).description,
            content: content, firstLoadedAt: RFC3339.parse(at)!)
    }

    static func roundTrip(_ store: any CaseStore) async throws {
        #expect(try await store.playbookVersions().isEmpty)
        let first = version("1", content: "name: group-complaint\nversion: \"1\"\n# 中文注释\n", at: "2026-07-01T08:00:00Z")
        let second = version("2", content: "name: group-complaint\nversion: \"2\"\n", at: "2026-07-02T08:00:00Z")

        // Given two versions recorded, the first twice
        let before = try await store.lastEventSeq()
        let appended = try await store.apply([.recordPlaybook(first)], checkpoint: nil)
        _ = try await store.apply([.recordPlaybook(second)], checkpoint: nil)
        let again = try await store.apply([.recordPlaybook(version("1", content: "other text", at: "2026-07-03T08:00:00Z"))], checkpoint: nil)

        // Then each is kept once, as first recorded, with one event each carrying no text
        #expect(again.isEmpty)
        #expect(try await store.playbookVersions() == [first, second])
        #expect(try await store.playbookVersion(name: "group-complaint", version: "1") == first)
        #expect(try await store.playbookVersion(name: "group-complaint", version: "3") == nil)
        #expect(try await store.playbookVersion(name: "other", version: "1") == nil)
        let events = try await store.events(after: before, limit: 10)
        #expect(events.map(\.type) == [.playbookRecorded, .playbookRecorded])
        #expect(appended.first?.draft.payload.contains(#""version":"1""#) == true)
        #expect(events.allSatisfy { !$0.draft.payload.contains("中文注释") })
    }
}
