import Foundation

/// A cluster's score for one complaint and its parts.
struct CandidateScore {
    var clusterId: Int64
    /// text + agreement − conflict − quiet (quiet and age penalties), the value compared with the thresholds.
    var score: Double
    var text: Double
    var agreement: Double
    var conflict: Double
    var quiet: Double
}

extension Detector {
    /// Scores `cluster` for a complaint with evidence `e` arriving at `time`.
    func score(_ e: ComplaintEvidence, at time: Double, against cluster: ClusterState) -> CandidateScore {
        let text = textSimilarity(e, cluster)
        let (agreement, conflict) = EntityEvidence.compare(
            e.entities, datesOnlyFromDeparture: e.datesOnlyFromDeparture, with: cluster)
        let quietFor = time - cluster.lastAt - configuration.quietPeriod
        let ageFor = time - cluster.firstAt - configuration.agePeriod
        let quiet =
            (quietFor > 0 ? min(configuration.maximumQuietPenalty, configuration.quietPenaltyPerDay * quietFor / 86_400) : 0)
            + (ageFor > 0 ? min(configuration.maximumAgePenalty, configuration.agePenaltyPerDay * ageFor / 86_400) : 0)
        return CandidateScore(
            clusterId: cluster.id, score: text + agreement - conflict - quiet, text: text, agreement: agreement,
            conflict: conflict, quiet: quiet)
    }

    /// Whether `candidate` is good enough to join.
    func isEligible(_ candidate: CandidateScore) -> Bool {
        candidate.text >= configuration.minimumTextSimilarity && candidate.score >= configuration.joinThreshold
    }

    /// Cosine between the complaint's idf-weighted features and the cluster: its single member,
    /// or its centroid (each feature weighted by the square root of the share of members holding it).
    func textSimilarity(_ e: ComplaintEvidence, _ cluster: ClusterState) -> Double {
        max(ngramSimilarity(e, cluster), Self.conceptWeight * conceptSimilarity(e, cluster))
    }

    /// How far concept overlap alone can carry text similarity: enough to let entities bring an
    /// English complaint into a Chinese cluster, never enough to join on topic alone.
    static let conceptWeight = 0.4

    /// Cosine between the complaint's concepts and the share of members naming each concept.
    func conceptSimilarity(_ e: ComplaintEvidence, _ cluster: ClusterState) -> Double {
        guard !e.concepts.isEmpty else { return 0 }
        let n = cluster.memberCount
        if n == 1 {
            guard let member = complaints[cluster.members[0]] else { return 0 }
            var memberConcepts = 0
            var shared = 0
            for feature in member.features where ConceptLexicon.featureSet.contains(feature) {
                memberConcepts += 1
                if e.concepts.contains(feature) { shared += 1 }
            }
            guard memberConcepts > 0 else { return 0 }
            return Double(shared) / (Double(e.concepts.count) * Double(memberConcepts)).squareRoot()
        }
        guard cluster.conceptSquares > 0 else { return 0 }
        var dot = 0.0
        for feature in e.concepts { dot += Double(cluster.termCounts[feature]) }
        return dot / (Double(e.concepts.count) * Double(cluster.conceptSquares)).squareRoot()
    }

    /// Cosine over idf-weighted n-gram features (see ``textSimilarity(_:_:)``).
    func ngramSimilarity(_ e: ComplaintEvidence, _ cluster: ClusterState) -> Double {
        guard e.norm > 0 else { return 0 }
        let n = cluster.memberCount
        if n == 1 {
            guard let member = complaints[cluster.members[0]], member.norm > 0 else { return 0 }
            var dot = 0.0
            var i = 0
            var j = 0
            let a = e.featureHashes
            let b = member.features
            while i < a.count, j < b.count {
                if a[i] == b[j] {
                    dot += e.weights[i] * e.weights[i]
                    i += 1
                    j += 1
                } else if a[i] < b[j] { i += 1 } else { j += 1 }
            }
            return min(1, dot / (e.norm * Double(member.norm)))
        }
        guard cluster.centroidNorm > 0 else { return 0 }
        var dot = 0.0
        let members = Double(n)
        for (index, feature) in e.featureHashes.enumerated() {
            let count = cluster.termCounts[feature]
            guard count > 0 else { continue }
            dot += e.weights[index] * e.weights[index] * Self.shareWeight(Double(count) / members)
        }
        return min(1, dot / (e.norm * cluster.centroidNorm))
    }

    /// Weight of a feature in a cluster's centroid given the share of members holding it: its
    /// square root, so features a paraphrasing minority shares still count.
    @inline(__always)
    static func shareWeight(_ share: Double) -> Double { share.squareRoot() }

    /// Norm of a cluster's centroid vector, summed in fixed point so the result does not depend
    /// on dictionary order.
    func centroidNorm(of cluster: ClusterState) -> Double {
        let n = cluster.memberCount
        if n == 1 { return Double(complaints[cluster.members[0]]?.norm ?? 0) }
        var fixed: Int64 = 0
        let members = Double(n)
        cluster.termCounts.forEach { feature, count in
            let w = idf(feature)
            let share = Self.shareWeight(Double(count) / members)
            fixed &+= Int64((w * w * share * share * 1_048_576).rounded())
        }
        return (Double(fixed) / 1_048_576).squareRoot()
    }
}
