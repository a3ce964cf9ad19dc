public import Foundation

/// Public mentions over time: per hour or per local day, how many were published, how many started a story, how
/// many read negative and how many people they reached — for one incident's cluster or for all mentions. Pure.
public struct MentionTrend: Sendable, Equatable {
    public struct Bucket: Sendable, Equatable {
        public var startsAt: Date
        public var endsAt: Date
        public var mentions: Int
        public var newStories: Int
        public var negative: Int
        public var reach: Int64

        /// Share of the bucket's mentions that read negative; 0 for an empty bucket.
        public var negativeShare: Double {
            mentions == 0 ? 0 : (Double(negative) / Double(mentions) * 1000).rounded() / 1000
        }
    }

    public var width: AcceptanceCurve.Width
    public var buckets: [Bucket]

    /// The most buckets one trend holds; a longer span needs the wider bucket.
    public static let maxBuckets = 2_000

    /// Buckets from the one holding `from` to the one holding `to`, empty ones included; mentions outside are left
    /// out. Days are local days in `timeZone`. Nil when the span needs more than ``maxBuckets``.
    public init?(mentions: [Mention], width: AcceptanceCurve.Width, from: Date, to: Date, timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let component: Calendar.Component = width == .hour ? .hour : .day
        guard from <= to, var start = calendar.dateInterval(of: component, for: from)?.start else { return nil }
        var buckets: [Bucket] = []
        while start <= to {
            guard buckets.count < Self.maxBuckets, let next = calendar.date(byAdding: component, value: 1, to: start) else { return nil }
            buckets.append(Bucket(startsAt: start, endsAt: next, mentions: 0, newStories: 0, negative: 0, reach: 0))
            start = next
        }
        let first = buckets.first?.startsAt ?? from
        for mention in mentions {
            let at = mention.content.publishedAt
            guard at >= first, at <= to,
                let index = Self.index(of: at, in: buckets)
            else { continue }
            buckets[index].mentions += 1
            if (mention.storyId ?? mention.id) == mention.id { buckets[index].newStories += 1 }
            if mention.tone.tone == .negative { buckets[index].negative += 1 }
            buckets[index].reach += mention.content.reach ?? 0
        }
        self.width = width
        self.buckets = buckets
    }

    /// The bucket holding `instant` (binary search; buckets are contiguous and ascending).
    private static func index(of instant: Date, in buckets: [Bucket]) -> Int? {
        var low = 0
        var high = buckets.count
        while low < high {
            let mid = (low + high) / 2
            if buckets[mid].endsAt <= instant { low = mid + 1 } else { high = mid }
        }
        return low < buckets.count && buckets[low].startsAt <= instant ? low : nil
    }

    /// Over the whole trend: mentions, stories started, negative share and reach.
    public var totals: Bucket {
        var total = Bucket(
            startsAt: buckets.first?.startsAt ?? .distantPast, endsAt: buckets.last?.endsAt ?? .distantPast, mentions: 0,
            newStories: 0, negative: 0, reach: 0)
        for bucket in buckets {
            total.mentions += bucket.mentions
            total.newStories += bucket.newStories
            total.negative += bucket.negative
            total.reach += bucket.reach
        }
        return total
    }
}
