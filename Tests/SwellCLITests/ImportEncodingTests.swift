import Foundation
import SwellCore
import SwellStore
import Testing

@testable import SwellCLI

/// Files as people save them: CSV from Chinese Excel in GB18030, UTF-8 with a byte-order mark, and a UTF-8 file with
/// one broken line — the Chinese arrives intact and a bad line is rejected by its number, never lost in silence.
@Suite struct ImportEncodingTests {
    static let csv = """
        externalId,receivedAt,channel,text,name,phone
        gb-1,2026-07-01T08:00:00Z,hotline,酒店与合同不符，说好的四星变成了汽车旅馆,张三,13812345678
        gb-2,2026-07-01T09:00:00Z,web,"导游强迫购物，不买就甩脸色",李四,13912345678
        """

    @Test func aGB18030FileImportsWithItsChineseIntact() async throws {
        let folder = try scratchFolder()
        let file = folder.appendingPathComponent("excel.csv").path
        let db = folder.appendingPathComponent("s.sqlite").path
        let bytes = try #require(Self.csv.data(using: TextEncoding.gb18030Foundation))
        #expect(String(data: bytes, encoding: .utf8) == nil, "the file really is not UTF-8")
        try bytes.write(to: URL(fileURLWithPath: file))

        try await runSwell(["import", file, "--encoding", "gbk", "--db", db])
        let store = try SQLiteCaseStore(path: db)
        let texts = try await store.complaints(ComplaintQuery()).items.map(\.content.text).sorted()
        #expect(texts == ["导游强迫购物，不买就甩脸色", "酒店与合同不符，说好的四星变成了汽车旅馆"])
        #expect(try await store.complaints(ComplaintQuery()).items.contains { $0.content.complainant.name == "张三" })
        try await store.close()
    }

    @Test func withoutTheEncodingTheBadLinesAreRejectedByNumberWithTheWayOut() async throws {
        let folder = try scratchFolder()
        let file = folder.appendingPathComponent("excel.csv").path
        let db = folder.appendingPathComponent("s.sqlite").path
        try #require(Self.csv.data(using: TextEncoding.gb18030Foundation)).write(to: URL(fileURLWithPath: file))

        try await runSwell(["import", file, "--db", db])
        let rejects = try String(contentsOfFile: file + ".rejects.ndjson", encoding: .utf8).split(separator: "\n")
        #expect(rejects.count == 2)
        #expect(rejects[0].contains("\"line\":2") && rejects[0].contains("--encoding gb18030"))
        let store = try SQLiteCaseStore(path: db)
        #expect(try await store.complaints(ComplaintQuery()).items.isEmpty, "nothing stored with replacement characters")
        try await store.close()
    }

    @Test func aByteOrderMarkIsDroppedAndABrokenUTF8LineRejected() async throws {
        let folder = try scratchFolder()
        let file = folder.appendingPathComponent("c.ndjson").path
        let db = folder.appendingPathComponent("s.sqlite").path
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data(#"{"externalId":"u-1","receivedAt":"2026-07-01T08:00:00Z","channel":"web","text":"酒店降级"}"#.utf8))
        data.append(0x0A)
        data.append(Data(#"{"externalId":"u-2","receivedAt":"2026-07-01T08:00:00Z","channel":"web","text":"bad "#.utf8))
        data.append(contentsOf: [0xC3, 0x28])
        data.append(Data("\"}\n".utf8))
        try data.write(to: URL(fileURLWithPath: file))

        try await runSwell(["import", file, "--db", db])
        let store = try SQLiteCaseStore(path: db)
        #expect(try await store.complaints(ComplaintQuery()).items.map(\.content.externalId) == ["u-1"])
        try await store.close()
        let rejects = try String(contentsOfFile: file + ".rejects.ndjson", encoding: .utf8)
        #expect(rejects.contains("\"line\":2") && rejects.contains("not valid UTF-8"))
        await #expect(throws: ImportError.self) { try await runSwell(["import", file, "--encoding", "latin1", "--db", db]) }
    }
}
