import Foundation
import SwellCore

extension Detector {
    /// Inverse document frequency of a feature in the current window.
    @inline(__always)
    func idf(_ feature: UInt32) -> Double {
        let df = Double(documentFrequency[feature])
        return log((Double(complaints.count) + 1) / (df + 0.5)) + 0.1
    }

    /// Normalises, tokenises and extracts entities and signals; keeps the rarest features.
    func evidence(for input: DetectionInput) -> ComplaintEvidence {
        let normalized = TextNormalizer.normalize(input.text)
        var features = FeatureExtractor.features(of: normalized)
        var frequencies = features.map { documentFrequency[$0.hash] }
        if features.count > configuration.maximumFeatures {
            // Concepts (empty spans) always stay; the rarest n-grams fill the rest.
            let order = features.indices.sorted {
                let a = (features[$0].end > 0 ? 1 : 0, frequencies[$0], features[$0].hash)
                let b = (features[$1].end > 0 ? 1 : 0, frequencies[$1], features[$1].hash)
                return a < b
            }
            let kept = order.prefix(configuration.maximumFeatures).sorted()
            features = kept.map { features[$0] }
            frequencies = kept.map { frequencies[$0] }
        }
        let total = Double(complaints.count) + 1
        let weights = frequencies.map { log(total / (Double($0) + 0.5)) + 0.1 }
        let norm = sqrt(weights.reduce(0) { $0 + $1 * $1 })
        let hashes = features.map(\.hash)
        let (entities, datesOnlyFromDeparture) = EntityExtractor.extract(
            text: normalized, product: input.product, departure: input.departure, supplier: input.supplier)
        return ComplaintEvidence(
            normalized: normalized, features: features, featureHashes: hashes, weights: weights, norm: norm,
            concepts: features.filter { $0.end == 0 }.map(\.hash), entities: entities,
            datesOnlyFromDeparture: datesOnlyFromDeparture,
            signals: EscalationSignalScanner.scan(normalized.scalars), bandKeys: minHasher.bandKeys(hashes),
            knownComplainant: input.complainantKey.map { StableHash.string($0) | (1 << 63) })
    }

    /// Whether a record's complainant was known by a key (not a stand-in unique to the complaint).
    static func isKnownComplainant(_ complainant: UInt64) -> Bool { complainant & (1 << 63) != 0 }

    /// The stored record of a complaint about to be placed into `clusterId`.
    func record(for input: DetectionInput, evidence e: ComplaintEvidence, clusterId: Int64) -> ComplaintRecord {
        let complainant: UInt64 =
            e.knownComplainant ?? (StableHash.mix(UInt64(bitPattern: input.complaintId)) & ~(1 << 63))
        return ComplaintRecord(
            id: input.complaintId, time: input.receivedAt.timeIntervalSinceReferenceDate, clusterId: clusterId,
            complainant: complainant, features: e.featureHashes, norm: Float(e.norm), entities: e.entities,
            datesOnlyFromDeparture: e.datesOnlyFromDeparture, signals: e.signals)
    }
}
