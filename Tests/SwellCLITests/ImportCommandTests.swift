import ArgumentParser
import Foundation
import SwellCore
import SwellStore
import Testing

@testable import SwellCLI

/// Runs `swell ARGS…` through the real command parser, as the executable does.
func runSwell(_ arguments: [String]) async throws {
    let command = try SwellCommand.parseAsRoot(arguments)
    guard var runnable = command as? any AsyncParsableCommand else {
        Issue.record("\(arguments) is not an async command")
        return
    }
    try await runnable.run()
}

/// A fresh folder for one test's files.
func scratchFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("swell-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite struct ImportCommandTests {
    static let good1 = #"{"externalId":"imp-1","receivedAt":"2026-07-01T08:00:00Z","channel":"web","text":"酒店降级"}"#
    static let good2 = #"{"externalId":"imp-2","receivedAt":"2026-07-01T09:00:00Z","channel":"social","text":"hotel downgraded","complainant":{"email":"a@b.cn"}}"#
    static let badChannel = #"{"externalId":"imp-3","receivedAt":"2026-07-01T09:00:00Z","channel":"fax","text":"x"}"#

    @Test func importsNDJSONReportsBadLinesAndIsIdempotent() async throws {
        let folder = try scratchFolder()
        let file = folder.appendingPathComponent("complaints.ndjson").path
        let db = folder.appendingPathComponent("swell.sqlite").path
        try [Self.good1, "{broken json", "", Self.badChannel, Self.good2].joined(separator: "\n")
            .write(toFile: file, atomically: true, encoding: .utf8)

        try await runSwell(["import", file, "--db", db])
        let store = try SQLiteCaseStore(path: db)
        let afterFirst = try await store.complaints(ComplaintQuery())
        #expect(afterFirst.items.map(\.content.externalId).sorted() == ["imp-1", "imp-2"])

        let rejects = try String(contentsOfFile: file + ".rejects.ndjson", encoding: .utf8)
            .split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(rejects.map { $0?["line"] as? Int } == [2, 4])
        #expect((rejects[1]?["reason"] as? String)?.contains("channel") == true)

        // Running the same import again stores nothing new and writes no event.
        let eventsBefore = try await store.lastEventSeq()
        try await runSwell(["import", file, "--db", db])
        #expect(try await store.lastEventSeq() == eventsBefore)
        #expect(try await store.complaints(ComplaintQuery()).items.count == 2)
        try await store.close()
    }

    @Test func importsCSVWithQuotedFields() async throws {
        let folder = try scratchFolder()
        let file = folder.appendingPathComponent("complaints.csv").path
        let db = folder.appendingPathComponent("swell.sqlite").path
        let csv = """
            externalId,receivedAt,channel,text,complainant.name,phone,product,departure
            csv-1,2026-07-01T08:00:00Z,hotline,"酒店降级, 四星变汽车旅馆",张三,13812345678,AU-8D,2026-06-12
            csv-2,2026-07-01T08:05:00Z,letter,"two lines:
            ""first"" and second",,,AU-8D,
            csv-3,not-a-date,hotline,x,,,,
            """
        try csv.write(toFile: file, atomically: true, encoding: .utf8)

        try await runSwell(["import", file, "--db", db, "--rejects", folder.appendingPathComponent("r.ndjson").path])
        let store = try SQLiteCaseStore(path: db)
        let items = try await store.complaints(ComplaintQuery()).items
        #expect(items.count == 2)
        let first = try #require(items.first { $0.content.externalId == "csv-1" })
        #expect(first.content.text == "酒店降级, 四星变汽车旅馆")
        #expect(first.content.complainant.phone == "13812345678")
        #expect(first.content.departure == CalendarDate("2026-06-12"))
        let second = try #require(items.first { $0.content.externalId == "csv-2" })
        #expect(second.content.text == "two lines:\n\"first\" and second")
        let rejects = try String(contentsOfFile: folder.appendingPathComponent("r.ndjson").path, encoding: .utf8)
        #expect(rejects.contains(#""line":5"#))
        try await store.close()
    }

    /// A quote inside an unquoted field is a literal character (RFC 4180): it used to open a "multi-line field"
    /// that silently swallowed every following line.
    @Test func aStrayQuoteInRowTwoOfFiveLosesNoRow() async throws {
        let folder = try scratchFolder()
        let file = folder.appendingPathComponent("complaints.csv").path
        let db = folder.appendingPathComponent("swell.sqlite").path
        let csv = """
            externalId,receivedAt,channel,text
            q-1,2026-07-01T08:00:00Z,web,酒店降级
            q-2,2026-07-01T08:01:00Z,web,导游说"不买就别走
            q-3,2026-07-01T08:02:00Z,web,大巴抛锚
            q-4,2026-07-01T08:03:00Z,web,"引号里的 ""话"" 没问题"
            q-5,2026-07-01T08:04:00Z,web,餐食很差
            """
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        try await runSwell(["import", file, "--db", db])
        let store = try SQLiteCaseStore(path: db)
        let items = try await store.complaints(ComplaintQuery()).items
        #expect(items.count == 5)
        #expect(items.first { $0.content.externalId == "q-2" }?.content.text == "导游说\"不买就别走")
        #expect(items.first { $0.content.externalId == "q-4" }?.content.text == "引号里的 \"话\" 没问题")
        try await store.close()
        #expect(!CSVRecords.hasOpenQuote(Data(#"a,he said "no,b"#.utf8)))
        #expect(CSVRecords.hasOpenQuote(Data(#"a,"open field, still open"#.utf8)))
        #expect(!CSVRecords.hasOpenQuote(Data(#"a,"closed "" field",b"#.utf8)))
    }

    @Test func aCSVWithoutRequiredColumnsIsRefused() async throws {
        let folder = try scratchFolder()
        let file = folder.appendingPathComponent("bad.csv").path
        try "externalId,text\nx,y\n".write(toFile: file, atomically: true, encoding: .utf8)
        await #expect(throws: ImportError.self) {
            try await runSwell(["import", file, "--db", folder.appendingPathComponent("s.sqlite").path])
        }
    }
}

@Suite struct TokenAndAuditCommandTests {
    @Test func tokensAndAuditThroughTheCommandLine() async throws {
        let folder = try scratchFolder()
        let db = folder.appendingPathComponent("swell.sqlite").path
        try await runSwell(["token", "create", "--role", "pr", "--name", "anna", "--db", db])
        await #expect(throws: (any Error).self) {
            try await runSwell(["token", "create", "--role", "wizard", "--name", "bob", "--db", db])
        }
        try await runSwell(["token", "revoke", "--name", "anna", "--db", db])
        try await runSwell(["audit", "verify", "--db", db])

        let store = try SQLiteCaseStore(path: db)
        let tokens = try await store.tokens()
        #expect(tokens.map(\.name) == ["anna"])
        #expect(tokens.first?.revokedAt != nil)
        try await store.close()
    }
}

@Suite struct StartupSettingsTests {
    @Test func aBadLogLevelOrStoreSchemeIsAnErrorNamingTheSetting() throws {
        #expect(throws: (any Error).self) { _ = try SwellCommand.parseAsRoot(["serve", "--log-level", "verbose"]) }
        do {
            _ = try SwellCommand.parseAsRoot(["serve", "--log-level", "verbose"])
        } catch {
            #expect(SwellCommand.message(for: error).contains("--log-level"))
        }
        do {
            _ = try SwellCommand.parseAsRoot(["serve", "--store", "mysql://root@db/swell"])
            Issue.record("a mysql:// store was accepted")
        } catch {
            #expect(SwellCommand.message(for: error).contains("--store must be postgres://"))
        }
        #expect(throws: Never.self) { _ = try SwellCommand.parseAsRoot(["serve", "--store", "sqlite:./x.sqlite", "--log-level", "debug"]) }
    }
}
