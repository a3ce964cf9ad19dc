import Foundation
import SwellCore
import SwellStore
import Testing

@testable import SwellCLI

/// `swell import --kind mentions`: a vendor's CSV export (thousands separators, a quoted text with commas, a
/// bad row) and NDJSON, each row stored once with its tone, bad rows in the rejects file by line.
@Suite struct MentionImportTests {
    @Test func importsAVendorCSVOnceWithItsToneAndRejects() async throws {
        let folder = try scratchFolder()
        let file = folder.appendingPathComponent("mentions.csv").path
        let db = folder.appendingPathComponent("swell.sqlite").path
        try """
            \u{FEFF}url,source,outlet,title,text,publishedAt,reach,engagement
            https://weibo.com/1/a?spm=x,weibo,旅游吐槽,,"金沙湾大酒店太坑人了，说好的四星变汽车旅馆",2026-07-01T10:00:00+08:00,"80,000",1200
            https://news.example.cn/b,news,某某晚报,游客投诉酒店货不对板,,2026-07-01T12:00:00Z,30000,
            weibo.com/no-scheme,weibo,,,坏的一行,2026-07-01T12:00:00Z,,
            https://forum.example.com/t/9,forum,,,"Great trip, the guide was wonderful",2026-07-01T13:00:00Z,,
            """.write(toFile: file, atomically: true, encoding: .utf8)

        try await runSwell(["import", "--kind", "mentions", file, "--db", db])
        let store = try SQLiteCaseStore(path: db)
        let mentions = try await store.mentions(MentionQuery()).items
        #expect(mentions.count == 3)
        let weibo = try #require(mentions.first { $0.content.source == .weibo })
        #expect(weibo.content.url == "https://weibo.com/1/a")
        #expect(weibo.content.reach == 80_000)
        #expect(weibo.tone.tone == .negative)
        let news = try #require(mentions.first { $0.content.source == .news })
        #expect(news.content.text == "游客投诉酒店货不对板", "a title alone stands for the text")
        #expect(mentions.first { $0.content.source == .forum }?.tone.tone == .positive)

        let rejects = try String(contentsOfFile: file + ".rejects.ndjson", encoding: .utf8).split(separator: "\n")
        #expect(rejects.count == 1)
        #expect(rejects[0].contains("\"line\":4"))

        // Again: nothing new is stored
        let seq = try await store.lastEventSeq()
        try await runSwell(["import", "--kind", "mentions", file, "--db", db])
        #expect(try await store.lastEventSeq() == seq)
        try await store.close()
    }

    @Test func aCSVWithoutTheMentionColumnsIsRefusedByName() async throws {
        let folder = try scratchFolder()
        let file = folder.appendingPathComponent("m.csv").path
        try "link,when\nhttps://a.example,2026-07-01T00:00:00Z\n".write(toFile: file, atomically: true, encoding: .utf8)
        await #expect(throws: ImportError.self) {
            try await runSwell(["import", "--kind", "mentions", file, "--db", folder.appendingPathComponent("s.sqlite").path])
        }
    }
}
