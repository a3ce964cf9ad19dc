/// The parts of a complaint's score with one cluster.
public struct ScoreBreakdown: Sendable, Equatable {
    public var clusterId: Int64
    /// Combined score compared with the join threshold.
    public var score: Double
    /// Cosine similarity of the text with the cluster.
    public var text: Double
    /// Bonus for entities the cluster shares.
    public var entityAgreement: Double
    /// Bonus for the complainant having complained into the cluster before (another complaint than this one).
    public var complainantAgreement: Double
    /// Penalty for entities the cluster contradicts (another date, flight…).
    public var entityConflict: Double
    /// Penalty for a cluster gone quiet or grown old.
    public var timePenalty: Double
    /// Whether the complaint would be allowed to join.
    public var eligible: Bool
}

extension Detector {
    /// How `input` would score against a live cluster now, without placing it: for people
    /// asking why a complaint was (or was not) grouped.
    public func explain(_ input: DetectionInput, against cluster: Int64) -> ScoreBreakdown? {
        guard let slot = clusters.slot(of: cluster) else { return nil }
        let e = evidence(for: input)
        let s = score(
            e, at: input.receivedAt.timeIntervalSinceReferenceDate, slot: Int(slot), excluding: input.complaintId)
        return ScoreBreakdown(
            clusterId: cluster, score: s.score, text: s.text, entityAgreement: s.agreement, complainantAgreement: s.complainantAgreement,
            entityConflict: s.conflict, timePenalty: s.quiet, eligible: isEligible(s))
    }
}
