/// Process-independent hashing for everything that affects detection results.
///
/// Swift's `Hasher` is seeded randomly per process, so it must never decide a
/// placement. These FNV-1a and SplitMix-style functions give the same value on
/// every run and every machine.
enum StableHash {
    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    /// FNV-1a over a sequence of scalar values, started from `seed`.
    @inline(__always)
    static func fnv1a(_ values: some Sequence<UInt32>, seed: UInt64 = fnvOffset) -> UInt64 {
        var hash = seed
        for value in values { hash = step(hash, value) }
        return hash
    }

    /// One FNV-1a step over the four bytes of `value`.
    @inline(__always)
    static func step(_ hash: UInt64, _ value: UInt32) -> UInt64 {
        var h = hash
        h = (h ^ UInt64(value & 0xff)) &* fnvPrime
        h = (h ^ UInt64((value >> 8) & 0xff)) &* fnvPrime
        h = (h ^ UInt64((value >> 16) & 0xff)) &* fnvPrime
        h = (h ^ UInt64(value >> 24)) &* fnvPrime
        return h
    }

    /// FNV-1a over the UTF-8 bytes of a string.
    static func string(_ text: String, seed: UInt64 = fnvOffset) -> UInt64 {
        var hash = seed
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* fnvPrime }
        return hash
    }

    /// SplitMix64 finaliser: a strong 64-bit mix, used to derive MinHash permutations.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
