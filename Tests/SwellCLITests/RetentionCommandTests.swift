import Foundation
import SwellCore
import SwellStore
import Testing

@testable import SwellCLI

/// `swell retention run` with the built-in playbook (three years after closing): a dry run changes nothing, a run
/// erases what is due, records one audited event with the counts, and leaves the hash chain intact.
@Suite struct RetentionCommandTests {
    @Test func aRunErasesWhatIsDueAndRecordsItOnce() async throws {
        let folder = try scratchFolder()
        let file = folder.appendingPathComponent("c.ndjson").path
        let db = folder.appendingPathComponent("s.sqlite").path
        let recent = RFC3339.format(Date().addingTimeInterval(-86_400))
        try [
            #"{"externalId":"r-old","receivedAt":"2021-03-01T08:00:00Z","channel":"web","text":"电话13812345678，酒店降级","complainant":{"name":"张三","phone":"13812345678"}}"#,
            #"{"externalId":"r-new","receivedAt":"\#(recent)","channel":"web","text":"电话13912345678","complainant":{"name":"李四"}}"#,
        ].joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        try await runSwell(["import", file, "--db", db])

        try await runSwell(["retention", "run", "--dry-run", "--db", db])
        var store = try SQLiteCaseStore(path: db)
        #expect(try await store.complaints(ComplaintQuery()).items.allSatisfy { !$0.content.complainant.isEmpty }, "a dry run changes nothing")
        try await store.close()

        try await runSwell(["retention", "run", "--db", db])
        store = try SQLiteCaseStore(path: db)
        let byKey = Dictionary(uniqueKeysWithValues: try await store.complaints(ComplaintQuery()).items.map { ($0.content.externalId, $0) })
        #expect(byKey["r-old"]?.content.complainant.isEmpty == true)
        #expect(byKey["r-old"]?.content.text == "电话***，酒店降级")
        #expect(byKey["r-new"]?.content.complainant.name == "李四")
        let events = try await store.events(after: 0, limit: 100).filter { $0.type.rawValue == "retention.applied" }
        #expect(events.count == 1)
        #expect(events.first?.draft.payload.contains("\"erased\":1") == true)
        #expect(try await ChainVerifier.verify(store).isIntact)
        try await store.close()
    }
}
