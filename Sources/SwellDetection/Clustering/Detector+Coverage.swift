import Foundation
import SwellCore

/// The cluster a public mention is about, and why.
public struct CoverageMatch: Sendable, Equatable {
    public var clusterId: Int64
    /// The detector's combined score (text + entity agreement − conflict − quiet), 0…1.
    public var score: Double
    /// `text 0.41`, then each entity shared with the cluster (`lodging 金沙酒店`).
    public var reasons: [String]
}

extension Detector {
    /// Score a mention needs with a cluster; lower than a complaint's join threshold, since an article tells the
    /// story in other words than the people it happened to, but never on text alone unless the text is close.
    public static let coverageThreshold = 0.3
    /// Text similarity that carries a match without a shared entity.
    public static let coverageTextAlone = 0.42
    /// How long before a cluster's first complaint a text may have been published and still be about it (the
    /// press is sometimes first; last year's article is not about this week's complaints).
    public static let coverageLead: TimeInterval = 7 * 86_400

    /// The cluster of complaints a public text (a news item, a post) is about, judged by the same evidence that
    /// places complaints: text similarity and entities (product, departure, supplier, hotels and other venues,
    /// dates, flights). A cluster that names another date, flight or product than the text does is never its
    /// match, nor one whose first complaint came more than ``coverageLead`` after the text was published. `only`
    /// limits the candidates to one cluster. Reads the detector; changes nothing.
    public func matchCoverage(
        text: String, product: String? = nil, departure: String? = nil, supplier: String? = nil, at time: Date,
        only: Int64? = nil
    ) -> CoverageMatch? {
        let input = DetectionInput(complaintId: 0, receivedAt: time, text: text, product: product, departure: departure, supplier: supplier)
        let e = evidence(for: input)
        let seconds = time.timeIntervalSinceReferenceDate
        var best: (candidate: CandidateScore, slot: Int)?
        for id in only.map({ [$0] }) ?? candidateClusters(for: e) {
            guard let slot = clusters.slot(of: id) else { continue }
            guard seconds >= clusters.records[Int(slot)].firstAt - Self.coverageLead else { continue }
            let candidate = score(e, at: seconds, slot: Int(slot))
            guard candidate.conflict == 0, candidate.score >= Self.coverageThreshold,
                candidate.agreement > 0 || candidate.text >= Self.coverageTextAlone
            else { continue }
            if best.map({ candidate.score > $0.candidate.score || (candidate.score == $0.candidate.score && id < $0.candidate.clusterId) }) ?? true {
                best = (candidate, Int(slot))
            }
        }
        guard let best else { return nil }
        let tallies = clusters.records[best.slot].entities
        var reasons = ["text \(String(format: "%.2f", best.candidate.text))"]
        for entity in e.entities where EntityTally.count(of: entity, in: tallies) > 0 {
            reasons.append("\(entity.kind.rawValue) \(entity.value)")
        }
        return CoverageMatch(clusterId: best.candidate.clusterId, score: min(1, (best.candidate.score * 1000).rounded() / 1000), reasons: reasons)
    }

    /// Sets a cluster's negative coverage and runs the warning rules on it at event time `time` (coverage may
    /// raise its level through `media_attention`). `trigger` names the complaint decisions will carry: the
    /// cluster's newest member.
    public mutating func setCoverage(_ covered: MediaCoverage, of cluster: Int64, at time: Date) -> [WarningDecision] {
        coverage[cluster] = covered == .none ? nil : covered
        guard let state = clusters[cluster], let newest = state.members.last else { return [] }
        return evaluateWarnings(cluster: cluster, trigger: newest, at: max(time.timeIntervalSinceReferenceDate, state.lastAt))
    }

    /// Puts back a cluster's coverage after a restart, without judging it (its level is restored as it was).
    public mutating func restoreCoverage(_ covered: MediaCoverage, of cluster: Int64) {
        coverage[cluster] = covered == .none ? nil : covered
    }

    /// A cluster's coverage as the detector holds it.
    public func coverage(of cluster: Int64) -> MediaCoverage { coverage[cluster] ?? .none }
}
