public import Foundation

/// How an offer was taken up over time: at the end of each bucket, how many of the eligible complainants
/// had accepted, refused, or not yet answered (cumulative), with the tier ends marked, so a reader sees
/// whether the early tier moved people.
public struct AcceptanceCurve: Sendable, Equatable {
    /// The width of a bucket. Days are local days in the given time zone (they end at local midnight).
    public enum Width: String, Sendable, CaseIterable {
        case hour, day
    }

    public struct Bucket: Sendable, Equatable {
        public var startsAt: Date
        /// The end of the bucket (excluded): counts are of answers before it.
        public var endsAt: Date
        public var accepted: Int
        public var refused: Int
        /// Eligible complainants who had not answered by the bucket's end (never below zero).
        public var pending: Int
    }

    /// One answer: what and when.
    public struct Answer: Sendable, Equatable {
        public var accepted: Bool
        public var at: Date

        public init(accepted: Bool, at: Date) {
            self.accepted = accepted
            self.at = at
        }
    }

    public var width: Width
    public var eligible: Int
    public var buckets: [Bucket]
    /// The offer's tier ends, in order.
    public var tierEnds: [Date]

    /// The most buckets one curve holds; a longer span needs the wider bucket.
    public static let maxBuckets = 2_000

    /// The curve from the offer's publication to the bucket that holds `until` (or the last answer, if later).
    /// Answers before publication cannot exist (the engine refuses them) and are counted in the first bucket.
    public init(
        offer: IncentiveOffer, eligible: Int, answers: [Answer], width: Width, until now: Date, timeZone: TimeZone
    ) throws(AcceptanceCurveError) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let component: Calendar.Component = width == .hour ? .hour : .day
        let sorted = answers.sorted { $0.at < $1.at }
        let end = max(now, sorted.last?.at ?? now, offer.publishedAt)
        guard let firstStart = calendar.dateInterval(of: component, for: offer.publishedAt)?.start else {
            throw .noBuckets
        }
        var buckets: [Bucket] = []
        var start = firstStart
        var index = 0
        var accepted = 0
        var refused = 0
        while start <= end {
            guard buckets.count < Self.maxBuckets else { throw .tooManyBuckets(limit: Self.maxBuckets, width: width) }
            guard let next = calendar.date(byAdding: component, value: 1, to: start), next > start else { throw .noBuckets }
            while index < sorted.count, sorted[index].at < next {
                if sorted[index].accepted { accepted += 1 } else { refused += 1 }
                index += 1
            }
            buckets.append(Bucket(
                startsAt: start, endsAt: next, accepted: accepted, refused: refused, pending: max(0, eligible - accepted - refused)))
            start = next
        }
        self.width = width
        self.eligible = eligible
        self.buckets = buckets
        self.tierEnds = offer.tiers.map(\.endsAt)
    }
}

public enum AcceptanceCurveError: Error, Sendable, Equatable, CustomStringConvertible {
    case tooManyBuckets(limit: Int, width: AcceptanceCurve.Width)
    case noBuckets

    public var description: String {
        switch self {
        case .tooManyBuckets(let limit, let width):
            "the offer's span needs more than \(limit) \(width.rawValue) buckets; use bucket=day"
        case .noBuckets: "the calendar gave no buckets for the offer's span"
        }
    }
}
