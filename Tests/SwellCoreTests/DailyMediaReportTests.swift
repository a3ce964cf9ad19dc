import Foundation
import SwellCore
import Testing

/// The daily report's media section from an incident's mentions: the day's counts, new stories, negative share,
/// reach, outlets, the top negative stories with their links, and mentions per day on the report's days.
@Suite struct DailyMediaReportTests {
    static let day = DateInterval(start: RFC3339.parse("2026-07-01T16:00:00Z")!, duration: 86_400)  // 2 July, Shanghai

    static func mention(_ id: Int64, story: Int64, at: String, tone: MediaTone, reach: Int64?, outlet: String?, text: String = "酒店太差") -> Mention {
        Mention(
            id: MentionID(id), storedAt: RFC3339.parse(at)!,
            content: MentionContent(
                url: "https://weibo.com/\(id)", source: .weibo, outlet: outlet, text: text, publishedAt: RFC3339.parse(at)!,
                reach: reach, language: .zh),
            tone: ToneReading(tone: tone, score: tone == .negative ? -0.5 : 0), storyId: MentionID(story))
    }

    @Test func theDayIsCountedAndItsNegativeStoriesListed() {
        let mentions = [
            Self.mention(1, story: 1, at: "2026-07-01T10:00:00Z", tone: .negative, reach: 1_000, outlet: "A"),  // 1 July
            Self.mention(2, story: 1, at: "2026-07-02T01:00:00Z", tone: .negative, reach: 500, outlet: "B"),
            Self.mention(3, story: 1, at: "2026-07-02T02:00:00Z", tone: .negative, reach: 500, outlet: "B"),
            Self.mention(4, story: 4, at: "2026-07-02T03:00:00Z", tone: .negative, reach: 9_000, outlet: "C",
                         text: "导游电话13812345678不接"),
            Self.mention(5, story: 5, at: "2026-07-02T04:00:00Z", tone: .neutral, reach: nil, outlet: nil),
            Self.mention(6, story: 6, at: "2026-07-03T04:00:00Z", tone: .negative, reach: 100, outlet: "D"),  // after the day
        ]
        let report = DailyMediaReport(
            period: Self.day, mentions: mentions, days: ["2026-07-01", "2026-07-02"],
            localDay: { date in
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
                let parts = calendar.dateComponents([.year, .month, .day], from: date)
                return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            })
        #expect(report.mentions == 4)
        #expect(report.newStories == 2, "stories 4 and 5 start today; story 1 started the day before")
        #expect(report.negativeShare == 0.75)
        #expect(report.reach == 10_000)
        #expect(report.previousDayMentions == 1)
        #expect(report.trend == .rising)
        #expect(report.topOutlets.map(\.outlet) == ["B", "C", "weibo"])
        #expect(report.topNegativeStories.map(\.storyId) == [MentionID(4), MentionID(1)])
        #expect(report.topNegativeStories[1].copies == 2, "the day's copies of story 1")
        #expect(report.topNegativeStories[1].url == "https://weibo.com/1", "a story links to its first mention")
        #expect(report.topNegativeStories[0].headline == "导游电话138****5678不接", "headlines are masked")
        #expect(report.dailyCounts == [DailyCount(day: "2026-07-01", count: 1), DailyCount(day: "2026-07-02", count: 4)])
    }

    @Test func aDayWithoutMentionsIsEmptyNotAnError() {
        let report = DailyMediaReport(period: Self.day, mentions: [], days: ["2026-07-02"], localDay: { _ in "2026-07-02" })
        #expect(report.mentions == 0)
        #expect(report.negativeShare == 0)
        #expect(report.topNegativeStories.isEmpty)
        #expect(report.dailyCounts == [DailyCount(day: "2026-07-02", count: 0)])
    }
}

/// The spike rule: volume in the window against the baseline's average per window.
@Suite struct MentionSpikeRuleTests {
    let rule = WarningRules.MentionSpikeRule(window: 3600, baseline: 86_400, factor: 3, minMentions: 10)
    let now = RFC3339.parse("2026-07-02T12:00:00Z")!

    func times(_ count: Int, endingAt end: Date, spacing: TimeInterval) -> [Date] {
        (0..<count).map { end.addingTimeInterval(-Double($0) * spacing) }
    }

    @Test func aBurstWithoutBaselineSpikesOnceItReachesTheMinimum() {
        #expect(rule.judge(times(9, endingAt: now, spacing: 60), at: now).spiking == false)
        let reading = rule.judge(times(10, endingAt: now, spacing: 60), at: now)
        #expect(reading.spiking && reading.recent == 10 && reading.baselinePerWindow == 0)
    }

    @Test func aSteadyStreamIsNoSpike() {
        // Twelve an hour for a day, then twelve in the last hour
        let steady = times(12 * 25, endingAt: now, spacing: 300)
        let reading = rule.judge(steady, at: now)
        #expect(reading.recent == 12)
        #expect(reading.baselinePerWindow == 12)
        #expect(!reading.spiking)
        // Forty in the last hour against twelve an hour is
        let surge = times(12 * 24, endingAt: now.addingTimeInterval(-3600), spacing: 300) + times(40, endingAt: now, spacing: 60)
        #expect(rule.judge(surge, at: now).spiking)
    }

    @Test func mentionsAfterNowAreNotCounted() {
        #expect(rule.judge(times(20, endingAt: now.addingTimeInterval(7200), spacing: 60), at: now).recent == 0)
    }
}
