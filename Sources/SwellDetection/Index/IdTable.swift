/// An open-addressing hash table from 64-bit ids to 32-bit slots, with a cheap fixed mix
/// instead of SipHash: ids are looked up many times per placement. Deterministic.
struct IdTable: Sendable {
    private var keys: [Int64] = []
    private var values: [Int32] = []
    private var used: [Bool] = []
    private(set) var count = 0
    private var mask = 0

    @inline(__always)
    private func home(_ key: Int64) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    @inline(__always)
    subscript(key: Int64) -> Int32? {
        guard !keys.isEmpty else { return nil }
        var i = home(key)
        while used[i] {
            if keys[i] == key { return values[i] }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Sets or replaces the slot of `key`.
    mutating func set(_ key: Int64, _ value: Int32) {
        if keys.isEmpty { rehash(to: 16) }
        var i = home(key)
        while used[i] {
            if keys[i] == key {
                values[i] = value
                return
            }
            i = (i + 1) & mask
        }
        keys[i] = key
        values[i] = value
        used[i] = true
        count += 1
        if count * 4 > keys.count * 3 { rehash(to: keys.count * 2) }
    }

    /// Removes `key`, returning its slot.
    @discardableResult
    mutating func remove(_ key: Int64) -> Int32? {
        guard !keys.isEmpty else { return nil }
        var i = home(key)
        while used[i] {
            if keys[i] == key {
                let value = values[i]
                erase(at: i)
                return value
            }
            i = (i + 1) & mask
        }
        return nil
    }

    private mutating func erase(at index: Int) {
        var hole = index
        used[hole] = false
        count -= 1
        var i = (hole + 1) & mask
        while used[i] {
            let distanceToHome = (i - home(keys[i])) & mask
            let distanceToHole = (i - hole) & mask
            if distanceToHome >= distanceToHole {
                keys[hole] = keys[i]
                values[hole] = values[i]
                used[hole] = true
                used[i] = false
                hole = i
            }
            i = (i + 1) & mask
        }
    }

    private mutating func rehash(to size: Int) {
        let oldKeys = keys
        let oldValues = values
        let oldUsed = used
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: 0, count: size)
        used = Array(repeating: false, count: size)
        mask = size - 1
        count = 0
        for index in oldKeys.indices where oldUsed[index] { set(oldKeys[index], oldValues[index]) }
    }

    /// Every key, in slot order.
    var allKeys: [Int64] { keys.indices.filter { used[$0] }.map { keys[$0] } }

    var bytes: Int { keys.count * 13 }
}
