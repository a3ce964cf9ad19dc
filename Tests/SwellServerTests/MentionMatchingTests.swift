import Foundation
import Hummingbird
import HummingbirdTesting
import SwellCore
import SwellDetection
import SwellStore
import Testing

@testable import SwellEngine
@testable import SwellServer

/// Mentions read by the detector follower: reposts of one post become one story, coverage is matched to the
/// cluster of complaints it is about by the same evidence (hotel, departure date, text), unrelated coverage is
/// not, and negative coverage raises the cluster's warning to the playbook's media level.
@Suite struct MentionMatchingTests {
    static let base = RFC3339.parse("2026-07-01T00:00:00Z")!

    static func complaint(_ n: Int) -> NewComplaint {
        let tellings = [
            "6月12日出发的澳洲团，合同写的金沙湾大酒店四星，实际入住汽车旅馆，要求退差价",
            "我们6月12日出团，金沙湾大酒店根本不是四星，被换到汽车旅馆，旅行社不给说法",
            "AU-8D-0612团队，说好的金沙湾大酒店变成了路边汽车旅馆，和合同不符",
        ]
        return NewComplaint(
            externalId: "hotel-\(n)", receivedAt: base.addingTimeInterval(Double(n) * 1800), channel: .hotline,
            text: tellings[n % tellings.count], complainant: Complainant(name: nil, phone: "1390000\(String(format: "%04d", n))"),
            product: "AU-8D-0612", departure: CalendarDate("2026-06-12"))
    }

    static let post = "金沙湾大酒店太坑人了！6月12日出发的澳洲团，合同写四星，实际住汽车旅馆，旅行社拒不退差价，大家评评理"

    static func mentions() -> [NewMention] {
        var items: [(String, MentionSource, String, Int64)] = [("https://weibo.com/u/100/original", .weibo, post, 80_000)]
        for n in 1...9 {
            items.append(("https://weibo.com/u/\(200 + n)/repost", .weibo, "转发微博 //@旅行者\(n): 太过分了 //" + post, 500))
        }
        items.append((
            "https://news.example.cn/travel/2026/07/01/jinshawan", .news,
            "游客集体投诉：6月12日出发的澳洲旅行团入住的金沙湾大酒店与合同约定的四星标准不符，游客被安排住进汽车旅馆，要求旅行社退还差价", 30_000))
        items.append((
            "https://www.douyin.com/video/7000001", .douyin, "实拍金沙湾大酒店，说好的四星酒店就是个汽车旅馆，6月12日澳洲团的游客气愤不已", 12_000))
        let unrelated = [
            "三亚亚龙湾的海景真美，导游热情周到，强烈推荐这条线路",
            "某航空公司宣布7月起增开上海至悉尼航线",
            "How to pick travel insurance for a family holiday in Europe",
            "云南大理古城夜景，住的民宿干净舒适，非常满意",
            "旅游局发布暑期出行提示：注意防暑，理性消费",
            "Best street food in Bangkok: a guide for first-time visitors",
            "北京故宫暑期预约火爆，建议提前一周预约",
            "邮轮旅游复苏，上半年出境游人数同比增长",
            "Airline announces new lounge at Pudong airport",
            "桂林山水甲天下，漓江竹筏体验分享",
            "新疆喀纳斯秋季摄影团招募中",
            "Travel tips: packing light for a two-week trip",
            "张家界玻璃桥景区门票调整通知",
            "成都大熊猫基地游览攻略",
            "海南免税店购物额度说明",
            "Weekend in Kyoto: temples, tea and trains",
            "西藏布达拉宫参观须知",
            "Cheap flights to Lisbon this autumn: what to know",
        ]
        for (n, text) in unrelated.enumerated() { items.append(("https://forum.example.com/t/\(n)", .forum, text, 100)) }
        return items.enumerated().map { n, item in
            let content = MentionContent(
                url: item.0, source: item.1, text: item.2, publishedAt: base.addingTimeInterval(7 * 3600 + Double(n) * 300),
                reach: item.3, language: MentionLanguage.detect(item.2))
            return NewMention(content: content, tone: ToneReader.read(content.fullText))
        }
    }

    @Test func repostsFormOneStoryMatchedToTheWarnedClusterAndRaiseItsLevel() async throws {
        let app = try await TestApp(detection: .standard)
        let detector = try #require(app.detector)
        // Given ten complaints about one hotel on the 12 June departure, warned (blue: 10 complainants)
        _ = try await app.store.ingest((0..<10).map(Self.complaint), at: TestApp.now)
        try await detector.rebuild()
        try await detector.drain()
        let warned = try await app.store.warnings(limit: 10, clusterId: nil)
        let cluster = try #require(warned.first?.clusterId)
        #expect(warned.map(\.level) == [.blue])

        // When 30 mentions arrive: 10 copies of one Weibo post, a news item, a video, and 18 unrelated items
        let outcomes = try await app.store.ingestMentions(Self.mentions(), at: TestApp.now)
        #expect(outcomes.count == 30)
        try await detector.drain()
        let ids = outcomes.map(\.mention.id)
        let read = Dictionary(uniqueKeysWithValues: try await app.store.mentions(ids: ids).map { ($0.id, $0) })

        // Then the reposts are one story of ten, the news item and the video stories of their own
        let story = try #require(read[ids[0]]?.storyId)
        #expect(story == ids[0])
        #expect((0..<10).allSatisfy { read[ids[$0]]?.storyId == story })
        #expect(read[ids[10]]?.storyId == ids[10])
        #expect(read[ids[11]]?.storyId == ids[11])
        #expect(try await app.store.storySizes([story])[story] == 10)

        // And the coverage is matched to the hotel's cluster with its evidence, the unrelated items are not
        for index in 0..<12 {
            #expect(read[ids[index]]?.link?.clusterId == cluster, "mention \(index): \(String(describing: read[ids[index]]?.link))")
        }
        #expect(read[ids[10]]?.link?.reasons.contains { $0.hasPrefix("lodging ") } == true, "\(String(describing: read[ids[10]]?.link))")
        let strays = (12..<30).filter { read[ids[$0]]?.link != nil }
        #expect(strays.isEmpty, "unrelated mentions linked: \(strays.map { read[ids[$0]]!.content.text })")

        // And three negative stories reaching >100k lift the warning to orange through media_attention
        let after = try await app.store.warnings(limit: 10, clusterId: cluster)
        let escalation = try #require(after.first { $0.kind == "escalated" })
        #expect(escalation.level == .orange)
        #expect(escalation.reasons.contains { $0.code == "signal.media_attention.coverage" })

        // And the surge of mentions is one spike overall and one about the cluster (the playbook's 10 within an hour)
        let spikes = try await app.store.events(after: 0, limit: 1000).filter { $0.type == .mentionsSpike }
        #expect(spikes.map(\.draft.clusterId) == [nil, cluster])
        #expect(spikes.last?.draft.payload.contains("\"mentions\":1") == true, "\(spikes.last?.draft.payload ?? "")")

        // And a restart rebuilds the same stories and coverage without reading anything twice
        let seq = try await app.store.lastEventSeq()
        try await detector.rebuild()
        try await detector.drain()
        #expect(try await app.store.lastEventSeq() == seq)
        #expect(await detector.coverage(of: cluster) == MediaCoverage(negativeStories: 3, negativeReach: 80_000 + 9 * 500 + 30_000 + 12_000))

        // Through the API: a repost shows its story's size and the cluster
        try await app.run { client in
            let view = try await client.get("/v1/mentions/\(ids[3])", as: .executive, app: app).json
            #expect(view["storyId"] as? Int == Int(story.rawValue))
            #expect(view["storyCopies"] as? Int == 10)
            #expect(view["clusterId"] as? Int == Int(cluster.rawValue))
            let byStory = try await client.get("/v1/mentions?storyId=\(story)&limit=100", as: .pr, app: app).json
            #expect((byStory["items"] as? [Any])?.count == 10)
        }
    }
}

/// Coverage across a person's merge: a story linked to both clusters counts once in the merged cluster.
@Suite struct MentionCoverageMergeTests {
    static func complaint(_ n: Int, hotel: String, product: String, day: String) -> NewComplaint {
        NewComplaint(
            externalId: "\(product)-\(n)", receivedAt: MentionMatchingTests.base.addingTimeInterval(Double(n) * 600), channel: .hotline,
            text: "\(day)出发的团，合同写的\(hotel)四星，实际入住汽车旅馆，要求退差价", complainant: Complainant(name: nil, phone: "1380000\(String(format: "%04d", n))"),
            product: product, departure: CalendarDate("2026-06-\(day.dropFirst(2).prefix(2))"))
    }

    static func mention(_ n: Int, text: String) -> NewMention {
        let content = MentionContent(
            url: "https://weibo.com/m/\(n)", source: .weibo, text: text,
            publishedAt: MentionMatchingTests.base.addingTimeInterval(6 * 3600 + Double(n)), reach: 1_000, language: .zh)
        return NewMention(content: content, tone: ToneReader.read(text))
    }

    @Test func aStoryLinkedToBothClustersCountsOnceAfterAMerge() async throws {
        let app = try await TestApp(detection: .standard)
        let detector = try #require(app.detector)
        _ = try await app.store.ingest(
            (0..<4).map { Self.complaint($0, hotel: "金沙湾大酒店", product: "AU-8D-0612", day: "6月12日") }
                + (10..<14).map { Self.complaint($0, hotel: "翡翠湾酒店", product: "NZ-6D-0619", day: "6月19日") }, at: TestApp.now)
        try await detector.rebuild()
        try await detector.drain()
        let complaints = try await app.store.complaints(ComplaintQuery(limit: 50)).items
        let a = try #require(complaints.first { $0.content.product == "AU-8D-0612" }?.clusterId)
        let b = try #require(complaints.first { $0.content.product == "NZ-6D-0619" }?.clusterId)
        try #require(a != b)

        // One post and its copy, linked by a person to each cluster; another story linked to b
        let post = "旅行社太坑人了！说好的四星酒店变成汽车旅馆，拒不退差价，大家千万别报这家"
        let outcomes = try await app.store.ingestMentions(
            [Self.mention(1, text: post), Self.mention(2, text: "转发 //@游客: " + post), Self.mention(3, text: "导游强制购物，态度恶劣，太失望了")],
            at: TestApp.now)
        try await detector.drain()
        let ids = outcomes.map(\.mention.id)
        for (id, cluster) in [(ids[0], a), (ids[1], b), (ids[2], b)] {
            _ = try await app.store.apply([
                .correctMention(id, tone: nil, link: .link(MentionLink(clusterId: cluster, score: nil, reasons: ["linked by test"])), by: "test"),
                .appendEvent(EventDraft(type: .mentionCorrected, at: TestApp.now, payload: EventDraft.payload(MentionCorrected(id: id, by: "test")))),
            ], checkpoint: nil)
        }
        try await detector.drain()
        #expect(try await app.store.mention(ids[1])?.storyId == ids[0], "the copy joined the post's story")
        #expect(await detector.coverage(of: b).negativeStories == 2)

        // When a person merges a into b
        _ = try await detector.merge(a, into: b, by: "test", at: TestApp.now)

        // Then the post's story counts once
        #expect(await detector.coverage(of: b) == MediaCoverage(negativeStories: 2, negativeReach: 3_000))
    }
}

/// The issue's whole story with the playbook running: coverage lifts the warning to orange, the incident opens by
/// itself, and its daily report shows the day's mentions, negative share, top negative stories and the chart.
@Suite struct MentionDailyReportTests {
    @Test func theIncidentsDailyReportCarriesItsPublicOpinion() async throws {
        let app = try await TestApp(detection: .standard, playbook: try TestPlaybook.load())
        try await app.run { client in
            let story = IncidentStory(app: app, client: client)
            _ = try await app.store.ingest((0..<10).map(MentionMatchingTests.complaint), at: TestApp.now)
            _ = try await story.eventually("a warning", { try await app.store.warnings(limit: 10, clusterId: nil) }, until: { !$0.isEmpty })
            _ = try await app.store.ingestMentions(MentionMatchingTests.mentions(), at: TestApp.now)
            let incidents = try await story.eventually(
                "an incident opened by the media level", { try await story.items("/v1/incidents") }, until: { $0.count == 1 })
            let id = try #require(incidents.first?["id"] as? Int)
            #expect(incidents.first?["level"] as? String == "orange")

            // Event time passes the day's report time (18:00 in Shanghai)
            try await story.complaint(90, at: "2026-07-01T11:00:00Z")
            let reports = try await story.eventually(
                "the day's report", { try await story.items("/v1/incidents/\(id)/daily-reports") }, until: { !$0.isEmpty })
            let media = try #require(reports.first?["media"] as? [String: Any])
            #expect(media["mentions"] as? Int == 12)
            #expect(media["newStories"] as? Int == 3)
            #expect(media["negativeShare"] as? Double == 1)
            let stories = try #require(media["topNegativeStories"] as? [[String: Any]])
            #expect(stories.first?["url"] as? String == "https://weibo.com/u/100/original")
            #expect(stories.first?["copies"] as? Int == 10)
            #expect((media["dailyCounts"] as? [[String: Any]])?.last?["count"] as? Int == 12)

            let page = String(buffer: try await client.get(
                "/v1/incidents/\(id)/daily-reports/2026-07-01?format=html", as: .executive, app: app).body)
            #expect(page.contains("媒体与舆情"))
            #expect(page.contains("href=\"https://weibo.com/u/100/original\""))
            #expect(page.contains("100%"))
            #expect(page.contains("class=mentions-chart"))
        }
    }
}

/// The press first, the complaints after: coverage published before the cluster existed is matched when the
/// cluster starts warning; an article from weeks before is not.
@Suite struct MentionRematchTests {
    @Test func coverageThatCameFirstJoinsTheClusterWhenItWarns() async throws {
        let app = try await TestApp(detection: .standard)
        let detector = try #require(app.detector)
        try await detector.rebuild()
        // Given the mentions first (published at 07:00–09:25), and an old article about the same hotel
        let stale = MentionContent(
            url: "https://news.example.cn/2026/05/old", source: .news,
            text: "旧闻：金沙湾大酒店曾被游客投诉四星变汽车旅馆", publishedAt: MentionMatchingTests.base.addingTimeInterval(-40 * 86_400),
            reach: 50_000, language: .zh)
        let outcomes = try await app.store.ingestMentions(
            [NewMention(content: stale, tone: ToneReader.read(stale.fullText))] + MentionMatchingTests.mentions(), at: TestApp.now)
        try await detector.drain()
        #expect(try await app.store.mentions(MentionQuery(limit: 100)).items.allSatisfy { $0.link == nil })

        // When the complaints arrive later the same day and the cluster warns
        let later = (0..<10).map { n -> NewComplaint in
            var complaint = MentionMatchingTests.complaint(n)
            complaint.externalId = "later-\(n)"
            complaint.receivedAt = MentionMatchingTests.base.addingTimeInterval(10 * 3600 + Double(n) * 600)
            return complaint
        }
        _ = try await app.store.ingest(later, at: TestApp.now)
        try await detector.drain()

        // Then the hotel's coverage joins it and lifts it to orange; the old article stays apart
        let warnings = try await app.store.warnings(limit: 10, clusterId: nil)
        let cluster = try #require(warnings.first?.clusterId)
        let ids = outcomes.map(\.mention.id)
        let read = Dictionary(uniqueKeysWithValues: try await app.store.mentions(ids: ids).map { ($0.id, $0) })
        #expect(read[ids[0]]?.link == nil, "an article from weeks before the complaints is not about them")
        #expect((1...12).allSatisfy { read[ids[$0]]?.link?.clusterId == cluster })
        #expect(warnings.contains { $0.level == .orange && $0.reasons.contains { $0.code == "signal.media_attention.coverage" } })
    }
}
