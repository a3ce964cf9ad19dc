import Foundation
import Testing

@testable import SwellCore

/// The acceptance curve of an offer: cumulative counts per bucket, from publication to now.
@Suite("Acceptance curve")
struct AcceptanceCurveTests {
    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!
    /// Published Wednesday 1 July 2026, 10:30 in Shanghai.
    static let published = RFC3339.parse("2026-07-01T02:30:00Z")!
    static let offer = IncentiveOffer(
        publishedAt: published, base: SettlementMoney(minorUnits: 100_000, currency: "CNY"),
        tiers: [.init(endsAt: published.addingTimeInterval(72 * 3600), percentBasisPoints: 2_000)])

    func hours(_ n: Double) -> Date { Self.published.addingTimeInterval(n * 3600) }

    @Test func dailyBucketsEndAtLocalMidnightAndCountCumulatively() throws {
        let answers = [
            AcceptanceCurve.Answer(accepted: true, at: hours(1)),  // 1 July
            AcceptanceCurve.Answer(accepted: true, at: hours(13)),  // 23:30 local, still 1 July
            AcceptanceCurve.Answer(accepted: false, at: hours(14)),  // 2 July
            AcceptanceCurve.Answer(accepted: true, at: hours(60)),  // 3 July
        ]
        let curve = try AcceptanceCurve(offer: Self.offer, eligible: 10, answers: answers, width: .day, until: hours(70), timeZone: Self.shanghai)
        #expect(curve.buckets.map { RFC3339.format($0.endsAt) } == [
            "2026-07-01T16:00:00Z", "2026-07-02T16:00:00Z", "2026-07-03T16:00:00Z", "2026-07-04T16:00:00Z",
        ])
        #expect(curve.buckets.first.map { RFC3339.format($0.startsAt) } == "2026-06-30T16:00:00Z")
        #expect(curve.buckets.map(\.accepted) == [2, 2, 3, 3])
        #expect(curve.buckets.map(\.refused) == [0, 1, 1, 1])
        #expect(curve.buckets.map(\.pending) == [8, 7, 6, 6])
        #expect(curve.tierEnds == [hours(72)])
    }

    @Test func anAnswerExactlyAtABoundaryCountsInTheNextBucket() throws {
        let boundary = RFC3339.parse("2026-07-01T04:00:00Z")!
        let curve = try AcceptanceCurve(
            offer: Self.offer, eligible: 3, answers: [.init(accepted: true, at: boundary)], width: .hour, until: boundary, timeZone: Self.shanghai)
        #expect(curve.buckets.map(\.accepted) == [0, 0, 1])
        #expect(curve.buckets.last?.startsAt == boundary)
    }

    @Test func aSpanTooLongForHourlyBucketsIsRefused() {
        #expect(throws: AcceptanceCurveError.tooManyBuckets(limit: AcceptanceCurve.maxBuckets, width: .hour)) {
            try AcceptanceCurve(offer: Self.offer, eligible: 1, answers: [], width: .hour, until: hours(24 * 100), timeZone: Self.shanghai)
        }
    }

    /// Properties over many random answer sets: counts never fall, pending is never negative, the last bucket
    /// holds every answer, and the order answers arrive in does not matter.
    @Test func curvesAreMonotoneNonNegativeCompleteAndOrderFree() throws {
        var generator = SplitMix(seed: 42)
        for _ in 0..<200 {
            let eligible = Int.random(in: 0...40, using: &generator)
            let count = Int.random(in: 0...50, using: &generator)
            let answers = (0..<count).map { _ in
                AcceptanceCurve.Answer(accepted: Bool.random(using: &generator), at: hours(Double.random(in: 0...(24 * 12), using: &generator)))
            }
            let width: AcceptanceCurve.Width = Bool.random(using: &generator) ? .hour : .day
            let now = hours(Double.random(in: 0...(24 * 14), using: &generator))
            let curve = try AcceptanceCurve(offer: Self.offer, eligible: eligible, answers: answers, width: width, until: now, timeZone: Self.shanghai)
            let shuffled = try AcceptanceCurve(
                offer: Self.offer, eligible: eligible, answers: answers.shuffled(using: &generator), width: width, until: now, timeZone: Self.shanghai)
            #expect(curve == shuffled)
            for (earlier, later) in zip(curve.buckets, curve.buckets.dropFirst()) {
                #expect(earlier.accepted <= later.accepted && earlier.refused <= later.refused)
                #expect(earlier.endsAt == later.startsAt, "buckets are contiguous")
            }
            #expect(curve.buckets.allSatisfy { $0.pending >= 0 && $0.pending == max(0, eligible - $0.accepted - $0.refused) })
            let last = try #require(curve.buckets.last)
            #expect(last.accepted == answers.filter(\.accepted).count)
            #expect(last.refused == answers.filter { !$0.accepted }.count)
            #expect(last.endsAt > max(now, answers.map(\.at).max() ?? now))
        }
    }
}

/// A small seeded generator, so a failing property shows the same case again.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
