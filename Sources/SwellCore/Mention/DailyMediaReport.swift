public import Foundation

/// The media section of a daily monitoring report (舆情): the public mentions matched to the incident's cluster,
/// as they stood at the end of the day. Built from plain values; pure.
public struct DailyMediaReport: Sendable, Codable, Equatable {
    /// One negative story of the day, for the report's list with its link.
    public struct Story: Sendable, Codable, Equatable {
        public var storyId: MentionID
        public var url: String
        public var source: MentionSource
        public var outlet: String?
        /// The first mention's title, or the start of its text; personal data masked.
        public var headline: String
        /// Mentions of the story published in the day.
        public var copies: Int
        public var reach: Int64
    }

    public struct OutletCount: Sendable, Codable, Equatable {
        public var outlet: String
        public var count: Int
    }

    /// Mentions published in the day.
    public var mentions: Int
    /// Stories whose first mention was published in the day.
    public var newStories: Int
    /// Share of the day's mentions that read negative (0 when there were none).
    public var negativeShare: Double
    /// Reach of the day's mentions, summed.
    public var reach: Int64
    /// Mentions in the day before, for the trend.
    public var previousDayMentions: Int
    public var trend: IncidentTrend
    /// The day's outlets, most mentions first (at most five).
    public var topOutlets: [OutletCount]
    /// The day's negative stories, most reach first (at most five).
    public var topNegativeStories: [Story]
    /// Mentions per local day, aligned with the report's complaints per day (same days).
    public var dailyCounts: [DailyCount]

    /// The section for `period`, from every mention of the incident's cluster; `localDay` names a mention's local
    /// day and `days` are the report's days (oldest first) for the chart.
    public init(period: DateInterval, mentions all: [Mention], days: [String], localDay: (Date) -> String) {
        let inPeriod = all.filter { $0.content.publishedAt >= period.start && $0.content.publishedAt < period.end }
        let previousStart = period.start.addingTimeInterval(-period.duration)
        let previous = all.filter { $0.content.publishedAt >= previousStart && $0.content.publishedAt < period.start }.count
        mentions = inPeriod.count
        newStories = inPeriod.filter { ($0.storyId ?? $0.id) == $0.id }.count
        negativeShare = inPeriod.isEmpty
            ? 0 : (Double(inPeriod.filter { $0.tone.tone == .negative }.count) / Double(inPeriod.count) * 1000).rounded() / 1000
        reach = inPeriod.reduce(0) { $0 + ($1.content.reach ?? 0) }
        previousDayMentions = previous
        trend = IncidentTrend(previous: previous, current: inPeriod.count)
        topOutlets = Dictionary(grouping: inPeriod.compactMap { $0.content.outlet ?? $0.content.source.rawValue }, by: { $0 })
            .map { OutletCount(outlet: $0.key, count: $0.value.count) }
            .sorted { ($1.count, $0.outlet) < ($0.count, $1.outlet) }
            .prefix(5).map { $0 }
        let byStory = Dictionary(grouping: inPeriod.filter { $0.tone.tone == .negative }) { $0.storyId ?? $0.id }
        let earliest = Dictionary(grouping: all) { $0.storyId ?? $0.id }.compactMapValues { $0.min { $0.id < $1.id } }
        topNegativeStories = byStory.compactMap { story, members -> Story? in
            guard let first = earliest[story] ?? members.first else { return nil }
            let headline = first.content.title ?? String(first.content.text.prefix(80))
            return Story(
                storyId: story, url: first.content.url, source: first.content.source, outlet: first.content.outlet,
                headline: PersonalDataMasking.mask(headline), copies: members.count,
                reach: members.reduce(0) { $0 + ($1.content.reach ?? 0) })
        }
        .sorted { ($1.reach, $0.storyId) < ($0.reach, $1.storyId) }
        .prefix(5).map { $0 }
        let perDay = Dictionary(grouping: all.filter { $0.content.publishedAt < period.end }) { localDay($0.content.publishedAt) }
            .mapValues(\.count)
        dailyCounts = days.map { DailyCount(day: $0, count: perDay[$0] ?? 0) }
    }
}
