/// An open-addressing hash table from 32-bit feature hashes to 32-bit counts.
///
/// The keys are already well-mixed hashes, so a multiplicative step is enough; Swift's
/// `Dictionary` would run SipHash on every lookup, which dominated placement time. Key and count
/// share one 64-bit word, so a probe touches one cache line. Linear probing with backward-shift
/// deletion keeps it free of tombstones. Deterministic.
struct FeatureTable: Sendable {
    /// `key << 32 | UInt32(bitPattern: count)`; 0 marks an empty slot (key 0 lives in `zeroValue`).
    private var entries: [UInt64] = []
    /// Keys in use.
    private(set) var count = 0
    private var zeroValue: Int32 = 0
    private var mask = 0

    /// An empty table; storage is allocated on the first insertion.
    init() {}

    @inline(__always)
    private func home(_ key: UInt32) -> Int { Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask }

    @inline(__always)
    private static func key(_ entry: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: entry >> 32) }

    @inline(__always)
    private static func value(_ entry: UInt64) -> Int32 { Int32(bitPattern: UInt32(truncatingIfNeeded: entry)) }

    @inline(__always)
    private static func entry(_ key: UInt32, _ value: Int32) -> UInt64 { UInt64(key) << 32 | UInt64(UInt32(bitPattern: value)) }

    /// The count stored for `key`, 0 when absent.
    @inline(__always)
    subscript(key: UInt32) -> Int32 {
        entries.withUnsafeBufferPointer { count(of: key, in: $0) }
    }

    /// The count of `key` among `slots` (this table's storage, borrowed by the caller).
    @inline(__always)
    private func count(of key: UInt32, in slots: UnsafeBufferPointer<UInt64>) -> Int32 {
        if key == 0 { return zeroValue }
        if slots.isEmpty { return 0 }
        var i = home(key)
        while true {
            let e = slots[i]
            if e == 0 { return 0 }
            if Self.key(e) == key { return Self.value(e) }
            i = (i + 1) & mask
        }
    }

    /// Adds `delta` to the count of `key`; a count reaching 0 removes the key. Returns the new count.
    @discardableResult
    mutating func add(_ key: UInt32, _ delta: Int32) -> Int32 {
        if key == 0 {
            let before = zeroValue
            zeroValue += delta
            if before == 0 && zeroValue != 0 { count += 1 } else if before != 0 && zeroValue == 0 { count -= 1 }
            return zeroValue
        }
        if entries.isEmpty {
            guard delta != 0 else { return 0 }
            rehash(to: 8)
        }
        var i = home(key)
        while true {
            let e = entries[i]
            if e == 0 {
                guard delta != 0 else { return 0 }
                entries[i] = Self.entry(key, delta)
                count += 1
                if count * 4 > entries.count * 3 { rehash(to: entries.count * 2) }
                return delta
            }
            if Self.key(e) == key {
                let updated = Self.value(e) + delta
                if updated == 0 { remove(at: i) } else { entries[i] = Self.entry(key, updated) }
                return updated
            }
            i = (i + 1) & mask
        }
    }

    private mutating func remove(at index: Int) {
        var hole = index
        entries[hole] = 0
        count -= 1
        var i = (hole + 1) & mask
        while entries[i] != 0 {
            let natural = home(Self.key(entries[i]))
            // Move the entry back if its home is not in the cyclic range (hole, i].
            let distanceToHome = (i - natural) & mask
            let distanceToHole = (i - hole) & mask
            if distanceToHome >= distanceToHole {
                entries[hole] = entries[i]
                entries[i] = 0
                hole = i
            }
            i = (i + 1) & mask
        }
        if count == 0 && zeroValue == 0 {
            self = FeatureTable()
        } else if entries.count > 64, count * 8 < entries.count {
            rehash(to: entries.count / 2)
        }
    }

    private mutating func rehash(to size: Int) {
        let old = entries
        entries = Array(repeating: 0, count: size)
        mask = size - 1
        for e in old where e != 0 {
            var i = home(Self.key(e))
            while entries[i] != 0 { i = (i + 1) & mask }
            entries[i] = e
        }
    }

    /// Every key with its count, in slot order (deterministic for a given history).
    func forEach(_ body: (UInt32, Int32) -> Void) {
        if zeroValue != 0 { body(0, zeroValue) }
        for e in entries where e != 0 { body(Self.key(e), Self.value(e)) }
    }

    /// The value of `key` as a slot number (stored plus one), nil when absent.
    @inline(__always)
    func slot(_ key: UInt32) -> Int32? {
        let stored = self[key]
        return stored > 0 ? stored - 1 : nil
    }

    /// Stores a slot number for `key` (nil removes it).
    mutating func setSlot(_ key: UInt32, _ slot: Int32?) {
        let current = self[key]
        add(key, (slot.map { $0 + 1 } ?? 0) - current)
    }

    /// Σ over `keys` held by the table of `term(i, count)`, where `i` is the key's position in `keys`: one pass with
    /// the storage borrowed once (scoring a candidate looks up every feature of the complaint).
    @inline(__always)
    func sum(over keys: [UInt32], _ term: (Int, Int32) -> Double) -> Double {
        var total = 0.0
        entries.withUnsafeBufferPointer { slots in
            keys.withUnsafeBufferPointer { keys in
                for index in keys.indices {
                    let count = count(of: keys[index], in: slots)
                    if count > 0 { total += term(index, count) }
                }
            }
        }
        return total
    }

    /// Bytes held by the table's storage.
    var bytes: Int { entries.count * 8 }
}
