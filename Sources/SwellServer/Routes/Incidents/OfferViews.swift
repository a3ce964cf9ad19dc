import Foundation
import SwellCore
import SwellEngine

/// An offer version with its tiers (numbered from 1) and its take-up.
struct OfferView: Encodable, Sendable {
    struct TierView: Encodable, Sendable {
        var tier: Int
        var endsAt: String
        var percent: Double
        var fixed: SettlementMoney?
    }

    struct TotalsView: Encodable, Sendable {
        struct TierTotalView: Encodable, Sendable {
            /// nil for acceptances after every tier.
            var tier: Int?
            var accepted: Int
            var bonus: SettlementMoney
            var payout: SettlementMoney
        }

        var eligible: Int
        var accepted: Int
        var rate: Double?
        var byTier: [TierTotalView]
        var totalBonus: SettlementMoney
        var totalPayout: SettlementMoney
        var currentTier: Int?
        var tierEndsAt: String?
        var secondsUntilTierEnds: Double?
        var collective: CollectiveView?
    }

    /// The collective bonus: its terms and whether enough of the group accepted.
    struct CollectiveView: Encodable, Sendable {
        var sharePercent: Double
        var percent: Double
        var fixed: SettlementMoney?
        var endsAt: String?
        /// Acceptances needed.
        var threshold: Int
        var reachedAt: String?
        var perComplainant: SettlementMoney
        var total: SettlementMoney
    }

    var id: Int64
    var version: Int
    var current: Bool
    var publishedAt: String
    var publishedBy: String
    var basis: String
    var base: SettlementMoney
    var eligible: Int
    var supersedes: Int64?
    var tiers: [TierView]
    var totals: TotalsView

    init(id: Int64, _ published: PublishedOffer, current: Bool, totals: IncentiveTotals) {
        let offer = published.offer
        self.id = id
        version = published.version
        self.current = current
        publishedAt = RFC3339.format(offer.publishedAt)
        publishedBy = published.publishedBy
        basis = published.basis
        base = offer.base
        eligible = published.eligible
        supersedes = published.supersedes
        tiers = offer.tiers.enumerated().map {
            TierView(tier: $0 + 1, endsAt: RFC3339.format($1.endsAt), percent: Double($1.percentBasisPoints) / 100, fixed: $1.fixed)
        }
        self.totals = TotalsView(
            eligible: totals.eligible, accepted: totals.accepted, rate: totals.acceptanceRate,
            byTier: totals.byTier.map { .init(tier: $0.tierIndex.map { $0 + 1 }, accepted: $0.accepted, bonus: $0.bonus, payout: $0.payout) },
            totalBonus: totals.totalBonus, totalPayout: totals.totalPayout, currentTier: totals.currentTierIndex.map { $0 + 1 },
            tierEndsAt: totals.currentTierIndex.map { RFC3339.format(offer.tiers[$0].endsAt) },
            secondsUntilTierEnds: totals.timeUntilCurrentTierEnds,
            collective: Self.collective(offer.collective, totals.collective))
    }

    static func collective(_ terms: CollectiveBonus?, _ total: CollectiveBonusTotal?) -> CollectiveView? {
        guard let terms, let total else { return nil }
        return CollectiveView(
            sharePercent: Double(terms.shareBasisPoints) / 100, percent: Double(terms.percentBasisPoints) / 100, fixed: terms.fixed,
            endsAt: terms.endsAt.map(RFC3339.format), threshold: total.threshold, reachedAt: total.reachedAt.map(RFC3339.format),
            perComplainant: total.perComplainant, total: total.total)
    }
}

/// A complainant's answer, with the tier the server worked out (1 = first; null after every tier).
struct ResponseView: Encodable, Sendable {
    var offerId: Int64
    var offerVersion: Int
    var complaintId: ComplaintID
    var decision: OfferResponse.Decision
    var at: String
    var tier: Int?
    var bonus: SettlementMoney?
    var payout: SettlementMoney?
    var recordedBy: String

    init(_ response: OfferResponse) {
        offerId = response.offerId
        offerVersion = response.offerVersion
        complaintId = response.complaintId
        decision = response.decision
        at = RFC3339.format(response.at)
        tier = response.tierIndex.map { $0 + 1 }
        bonus = response.bonus
        payout = response.payout
        recordedBy = response.recordedBy
    }
}

/// An offer's acceptance curve as the API returns it.
struct CurveView: Encodable, Sendable {
    struct Bucket: Encodable, Sendable {
        var startsAt: String
        var endsAt: String
        var accepted: Int
        var refused: Int
        var pending: Int
    }

    struct TierMark: Encodable, Sendable {
        var tier: Int
        var endsAt: String
    }

    var offerId: Int64
    var version: Int
    var publishedAt: String
    var eligible: Int
    var bucket: String
    var tiers: [TierMark]
    var buckets: [Bucket]

    init(offerId: Int64, offer: PublishedOffer, curve: AcceptanceCurve) {
        self.offerId = offerId
        version = offer.version
        publishedAt = RFC3339.format(offer.offer.publishedAt)
        eligible = curve.eligible
        bucket = curve.width.rawValue
        tiers = curve.tierEnds.enumerated().map { TierMark(tier: $0.offset + 1, endsAt: RFC3339.format($0.element)) }
        buckets = curve.buckets.map {
            Bucket(startsAt: RFC3339.format($0.startsAt), endsAt: RFC3339.format($0.endsAt), accepted: $0.accepted, refused: $0.refused,
                   pending: $0.pending)
        }
    }
}
