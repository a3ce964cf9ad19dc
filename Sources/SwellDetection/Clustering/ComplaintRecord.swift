/// What the detector keeps about one complaint in the window: compact, hashed evidence.
struct ComplaintRecord: Sendable {
    var id: Int64
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
}

/// One complaint's place in one LSH bucket: the band key and the slot of the previous
/// (older) complaint in the same bucket, -1 for none.
struct BandLink: Sendable {
    var key: UInt32
    var previous: Int32
    /// Low bits of the complaint's arrival number, so a walk only ever goes to older entries.
    var sequence: UInt32

    static let empty = BandLink(key: 0, previous: -1, sequence: 0)
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
    /// Hash of the complainant when known by a key (phone, e-mail, name), top bit set; nil when not known.
    var knownComplainant: UInt64?
}
