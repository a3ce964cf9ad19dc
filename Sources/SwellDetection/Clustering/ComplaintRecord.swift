/// What the detector keeps about one complaint in the window: compact, hashed evidence.
struct ComplaintRecord: Sendable {
    var id: Int64
    /// Arrival number: rises with every complaint stored, so LSH chains can be walked only
    /// backwards even when slots are reused.
    var sequence: Int64
    /// Event time in seconds since the reference date.
    var time: Double
    var clusterId: Int64
    /// Stable hash of the complainant key, or a hash unique to this complaint when absent.
    var complainant: UInt64
    /// Rarest text features, sorted by hash.
    var features: [UInt32]
    /// Norm of the idf-weighted feature vector when the complaint arrived.
    var norm: Float
    /// Entity keys, sorted.
    var entities: [Entity]
    /// Whether every date the complaint carries came from the structured departure field
    /// (which is sometimes the return date, so disagreement weighs less).
    var datesOnlyFromDeparture: Bool
    /// Escalation signals as a bit mask.
    var signals: UInt16
    /// Moved by a person: the engine never pulls it elsewhere.
    var pinned: Bool
    /// LSH band keys and, per band, the slot of the previous complaint in that bucket (-1: none).
    var bandKeys: [UInt32]
    var previousInBand: [Int32]
}

/// The evidence of a complaint before it is placed.
struct ComplaintEvidence {
    var normalized: NormalizedText
    var features: [Feature]
    var featureHashes: [UInt32]
    /// idf weight per kept feature, aligned with `featureHashes`.
    var weights: [Double]
    var norm: Double
    /// Concept features (a subset of `featureHashes`), for cross-language similarity.
    var concepts: [UInt32]
    var entities: [Entity]
    var datesOnlyFromDeparture: Bool
    var signals: UInt16
    var bandKeys: [UInt32]
}
