/// A bitmap over the Basic Multilingual Plane: a quick "could this scalar start (or end) a
/// keyword?" test before a dictionary lookup, which would hash every scalar of every text.
struct ScalarFilter: Sendable {
    private var words: [UInt64] = Array(repeating: 0, count: 1024)

    init(_ scalars: some Sequence<UInt32>) {
        for value in scalars where value < 0x10000 { words[Int(value >> 6)] |= 1 << (value & 63) }
    }

    @inline(__always)
    func mayContain(_ value: UInt32) -> Bool { value < 0x10000 && words[Int(value >> 6)] & (1 << (value & 63)) != 0 }
}
