/// MinHash with LSH banding over hashed features, with fixed seeds so every process agrees.
struct MinHasher: Sendable {
    let bands: Int
    let rows: Int
    private let seeds: [UInt64]

    init(bands: Int, rows: Int) {
        self.bands = max(1, bands)
        self.rows = max(1, rows)
        var seed: UInt64 = 0x2545_f491_4f6c_dd1d
        var seeds: [UInt64] = []
        for _ in 0..<(self.bands * self.rows) {
            seed = StableHash.mix(seed)
            seeds.append(seed)
        }
        self.seeds = seeds
    }

    /// One key per band, each mixing the band index so buckets of different bands never meet.
    /// An empty feature set has no keys.
    func bandKeys(_ features: [UInt32]) -> [UInt32] {
        guard !features.isEmpty else { return [] }
        var minima = [UInt64](repeating: .max, count: seeds.count)
        for feature in features {
            let base = UInt64(feature)
            for i in 0..<seeds.count {
                let h = StableHash.mix(base ^ seeds[i])
                if h < minima[i] { minima[i] = h }
            }
        }
        var keys: [UInt32] = []
        keys.reserveCapacity(bands)
        for band in 0..<bands {
            var h = StableHash.mix(UInt64(band) &+ 0x51ed_270b)
            for row in 0..<rows { h = StableHash.mix(h ^ minima[band * rows + row]) }
            keys.append(UInt32(truncatingIfNeeded: h ^ (h >> 32)))
        }
        return keys
    }
}
