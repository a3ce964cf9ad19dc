import Foundation
import SwellCore

extension Detector {
    /// What a live cluster holds and why its complaints were grouped; nil when unknown or evicted.
    public func cluster(_ id: Int64) -> ClusterSummary? {
        guard let state = clusters[id] else { return nil }
        let n = state.memberCount
        let terms = state.sharedTermText
            .map { (text: $0.value, weight: Double(state.termCounts[$0.key]) * idf($0.key)) }
            .sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.text < $1.text }
        let texts = [state.representativeText, state.latestText].map { TextNormalizer.normalize($0).text }
        let readable = TermPhrases.merge(Array(terms.prefix(32)), in: texts)
        var seen = Set<String>()
        let topTerms = readable.map(\.text).filter { !Self.mayBePersonalData($0) && seen.insert($0).inserted }.prefix(8)
        let entities = state.entities
            .filter { n == 1 || $0.count >= 2 }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.entity < $1.entity }
            .map { EntityCount(entity: $0.entity, count: Int($0.count)) }
        let signals = EscalationSignal.allCases.enumerated()
            .filter { $0.offset < state.signalCounts.count && state.signalCounts[$0.offset] > 0 }.map(\.element)
        let title = ClusterTitle.make(
            conceptShares: conceptShares(state), entities: state.entities, members: n, fallback: topTerms.first)
        return ClusterSummary(
            id: id, title: title, memberCount: n, distinctComplainants: state.distinctComplainants,
            firstAt: Date(timeIntervalSinceReferenceDate: state.firstAt),
            lastAt: Date(timeIntervalSinceReferenceDate: state.lastAt), level: state.level, topTerms: Array(topTerms),
            representativeText: state.representativeText, representativeComplaintId: state.representativeId,
            entities: entities, signals: signals, memberIds: state.members)
    }

    /// A live cluster's member and complainant counts, without building its summary (per placement, where the
    /// summary's term ranking would be wasted work).
    public func counts(of id: Int64) -> (members: Int, complainants: Int)? {
        guard let state = clusters[id] else { return nil }
        return (state.memberCount, state.distinctComplainants)
    }

    /// Entities the detector reads in a text, for showing people why it grouped complaints.
    public static func entities(in input: DetectionInput) -> [Entity] {
        EntityExtractor.entities(
            text: TextNormalizer.normalize(input.text), product: input.product, departure: input.departure,
            supplier: input.supplier)
    }

    /// Whether a term looks like a piece of personal data — a run of six or more digits (a phone or ID number,
    /// or part of one), an e-mail address, or text the masking rules change — so it is never shown as one of a
    /// cluster's terms (which reach roles that may not see personal data, incident titles and notifications).
    static func mayBePersonalData(_ term: String) -> Bool {
        var digits = 0
        for scalar in term.unicodeScalars {
            digits = ("0"..."9").contains(scalar) ? digits + 1 : 0
            if digits >= 6 { return true }
        }
        return term.contains("@") || PersonalDataMasking.mask(term) != term
    }
}
