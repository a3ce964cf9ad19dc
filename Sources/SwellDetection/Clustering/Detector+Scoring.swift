import Foundation

/// A cluster's score for one complaint and its parts.
struct CandidateScore {
    var clusterId: Int64
    /// text + agreement + complainantAgreement − conflict − quiet (quiet and age penalties), the value compared with the
    /// thresholds.
    var score: Double
    var text: Double
    /// From shared entities.
    var agreement: Double
    /// From the complainant having complained into the cluster before.
    var complainantAgreement: Double
    var conflict: Double
    var quiet: Double
}

extension Detector {
    /// Scores the cluster in `slot` of the cluster store, reading its fields in place. Text
    /// similarity is the larger of two cosines: idf-weighted n-grams against the single member
    /// or the centroid (each feature weighted by the square root of the share of members holding
    /// it), and bilingual concepts (scaled by ``conceptWeight``).
    /// `excluding` is a complaint not to count as the complainant's earlier one (the complaint itself, when explaining
    /// a placement).
    func score(_ e: ComplaintEvidence, at time: Double, slot: Int, excluding: Int64? = nil) -> CandidateScore {
        let n = clusters.records[slot].members.count
        var text = 0.0
        if n == 1 {
            text = max(ngramSimilarity(e, singleMember: clusters.records[slot].members[0]),
                       Self.conceptWeight * conceptSimilarity(e, singleMember: clusters.records[slot].members[0]))
        } else if e.norm > 0 {
            let centroidNorm = clusters.records[slot].centroidNorm
            let conceptSquares = clusters.records[slot].conceptSquares
            let members = Double(n)
            let weights = e.weights
            let dot = clusters.records[slot].termCounts.sum(over: e.featureHashes) { index, count in
                weights[index] * weights[index] * Self.shareWeight(Double(count) / members)
            }
            let conceptDot = clusters.records[slot].termCounts.sum(over: e.concepts) { _, count in Double(count) }
            let ngram = centroidNorm > 0 ? min(1, dot / (e.norm * centroidNorm)) : 0
            let concept = conceptSquares > 0 && !e.concepts.isEmpty
                ? conceptDot / (Double(e.concepts.count) * Double(conceptSquares)).squareRoot() : 0
            text = max(ngram, Self.conceptWeight * concept)
        }
        let (agreement, conflict) = EntityEvidence.compare(
            e.entities, datesOnlyFromDeparture: e.datesOnlyFromDeparture, with: clusters.records[slot].entities,
            members: n)
        let complainantAgreement = e.knownComplainant.map { hasComplained($0, inClusterAt: slot, excluding: excluding) } == true
            ? Self.complainantAgreementWeight : 0
        let quiet = timePenalty(at: time, firstAt: clusters.records[slot].firstAt, lastAt: clusters.records[slot].lastAt)
        return CandidateScore(
            clusterId: clusters.records[slot].id, score: text + agreement + complainantAgreement - conflict - quiet, text: text,
            agreement: agreement, complainantAgreement: complainantAgreement, conflict: conflict, quiet: quiet)
    }

    /// What it adds that the complainant already complained into the cluster: one person's second complaint is about
    /// the same trip far more often than not, whatever words it uses.
    static let complainantAgreementWeight = 0.15

    /// Whether a member of the cluster in `slot` other than `excluded` came from `complainant`.
    func hasComplained(_ complainant: UInt64, inClusterAt slot: Int, excluding excluded: Int64? = nil) -> Bool {
        let members = clusters.records[slot].members
        if members.count == 1 {
            return members[0] != excluded && complaints[members[0]]?.complainant == complainant
        }
        var count = clusters.records[slot].complainants[complainant] ?? 0
        if let excluded, let record = complaints[excluded], record.clusterId == clusters.records[slot].id,
            record.complainant == complainant
        {
            count -= 1
        }
        return count > 0
    }

    /// Penalty for a cluster quiet since `lastAt` or old since `firstAt`.
    func timePenalty(at time: Double, firstAt: Double, lastAt: Double) -> Double {
        let quietFor = time - lastAt - configuration.quietPeriod
        let ageFor = time - firstAt - configuration.agePeriod
        return (quietFor > 0 ? min(configuration.maximumQuietPenalty, configuration.quietPenaltyPerDay * quietFor / 86_400) : 0)
            + (ageFor > 0 ? min(configuration.maximumAgePenalty, configuration.agePenaltyPerDay * ageFor / 86_400) : 0)
    }

    /// Cosine with the single member of a one-complaint cluster.
    func ngramSimilarity(_ e: ComplaintEvidence, singleMember id: Int64) -> Double {
        guard e.norm > 0, let slot = complaints.slot(of: id) else { return 0 }
        let index = Int(slot)
        let norm = Double(complaints.records[index].norm)
        guard norm > 0 else { return 0 }
        var dot = 0.0
        var i = 0
        var j = 0
        let a = e.featureHashes
        let b = complaints.records[index].features
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                dot += e.weights[i] * e.weights[i]
                i += 1
                j += 1
            } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return min(1, dot / (e.norm * norm))
    }

    /// Concept cosine with the single member of a one-complaint cluster.
    func conceptSimilarity(_ e: ComplaintEvidence, singleMember id: Int64) -> Double {
        guard !e.concepts.isEmpty, let slot = complaints.slot(of: id) else { return 0 }
        var memberConcepts = 0
        var shared = 0
        for feature in complaints.records[Int(slot)].features where ConceptLexicon.isConcept(feature) {
            memberConcepts += 1
            if e.concepts.contains(feature) { shared += 1 }
        }
        guard memberConcepts > 0 else { return 0 }
        return Double(shared) / (Double(e.concepts.count) * Double(memberConcepts)).squareRoot()
    }

    /// Whether `candidate` is good enough to join.
    func isEligible(_ candidate: CandidateScore) -> Bool {
        candidate.text >= configuration.minimumTextSimilarity && candidate.score >= configuration.joinThreshold
    }

    /// How far concept overlap alone can carry text similarity: enough to let entities bring an
    /// English complaint into a Chinese cluster, never enough to join on topic alone.
    static let conceptWeight = 0.4

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
