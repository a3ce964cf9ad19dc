/// An open-addressing hash table from 32-bit feature hashes to 32-bit counts.
///
/// The keys are already well-mixed hashes, so a multiplicative step is enough; Swift's
/// `Dictionary` would run SipHash on every lookup, which dominated placement time. Linear
/// probing with backward-shift deletion keeps it free of tombstones. Deterministic.
struct FeatureTable: Sendable {
    private var keys: [UInt32]
    private var values: [Int32]
    /// Slots in use: key 0 is stored as `zeroValue` so 0 can mark an empty slot.
    private(set) var count = 0
    private var zeroValue: Int32 = 0
    private var mask: Int

    /// An empty table; storage is allocated on the first insertion.
    init() {
        keys = []
        values = []
        mask = 0
    }

    @inline(__always)
    private func slot(_ key: UInt32) -> Int { Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask }

    /// The count stored for `key`, 0 when absent.
    @inline(__always)
    subscript(key: UInt32) -> Int32 {
        if key == 0 { return zeroValue }
        if keys.isEmpty { return 0 }
        var i = slot(key)
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == 0 { return 0 }
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
        if keys.isEmpty {
            guard delta != 0 else { return 0 }
            rehash(to: 8)
        }
        var i = slot(key)
        while true {
            let k = keys[i]
            if k == key {
                let updated = values[i] + delta
                if updated == 0 { remove(at: i) } else { values[i] = updated }
                return updated
            }
            if k == 0 {
                guard delta != 0 else { return 0 }
                keys[i] = key
                values[i] = delta
                count += 1
                if count * 4 > keys.count * 3 { grow() }
                return delta
            }
            i = (i + 1) & mask
        }
    }

    private mutating func remove(at index: Int) {
        var hole = index
        keys[hole] = 0
        values[hole] = 0
        count -= 1
        var i = (hole + 1) & mask
        while keys[i] != 0 {
            let home = slot(keys[i])
            // Move the entry back if its home is not in the cyclic range (hole, i].
            let distanceToHome = (i - home) & mask
            let distanceToHole = (i - hole) & mask
            if distanceToHome >= distanceToHole {
                keys[hole] = keys[i]
                values[hole] = values[i]
                keys[i] = 0
                values[i] = 0
                hole = i
            }
            i = (i + 1) & mask
        }
        if count == 0 {
            self = FeatureTable()
        } else if keys.count > 64, count * 8 < keys.count {
            shrink()
        }
    }

    private mutating func grow() { rehash(to: keys.count * 2) }
    private mutating func shrink() { rehash(to: keys.count / 2) }

    private mutating func rehash(to size: Int) {
        let oldKeys = keys
        let oldValues = values
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: 0, count: size)
        mask = size - 1
        let zero = zeroValue
        count = zero != 0 ? 1 : 0
        for (index, key) in oldKeys.enumerated() where key != 0 {
            var i = slot(key)
            while keys[i] != 0 { i = (i + 1) & mask }
            keys[i] = key
            values[i] = oldValues[index]
            count += 1
        }
    }

    /// Every key with its count, in slot order (deterministic for a given history).
    func forEach(_ body: (UInt32, Int32) -> Void) {
        if zeroValue != 0 { body(0, zeroValue) }
        for (index, key) in keys.enumerated() where key != 0 { body(key, values[index]) }
    }

    /// Bytes held by the table's storage.
    var bytes: Int { keys.count * 8 }
}
