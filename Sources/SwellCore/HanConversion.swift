import Foundation

/// Traditional → simplified Chinese, one character at a time. Shared by detection (text normalisation) and
/// search (the folded copy of a complaint's text that stores index), so both fold the same way.
///
/// ICU's `Hant-Hans` transform costs tens of microseconds per call, far too slow for the hot
/// path. It maps the CJK Unified Ideographs block one to one, so the table is built once,
/// lazily, by transforming the block in chunks (about 80 ms), and looked up per scalar after.
public enum HanConversion {
    public static let blockStart: UInt32 = 0x4E00
    public static let blockEnd: UInt32 = 0x9FFF

    /// Simplified scalar value for each scalar in the block, indexed by `value - blockStart`.
    @usableFromInline static let table: [UInt32] = buildTable()

    /// The simplified form of `scalar`, or `scalar` itself when it has none.
    @inlinable
    public static func simplified(_ value: UInt32) -> UInt32 {
        guard value >= blockStart, value <= blockEnd else { return value }
        return table[Int(value - blockStart)]
    }

    private static func buildTable() -> [UInt32] {
        var table = Array(blockStart...blockEnd)
        let transform = StringTransform("Hant-Hans")
        let chunkSize = 512
        var start = 0
        while start < table.count {
            let end = min(start + chunkSize, table.count)
            var view = String.UnicodeScalarView()
            for value in table[start..<end] {
                if let scalar = Unicode.Scalar(value) { view.append(scalar) }
            }
            let source = String(view)
            if let converted = source.applyingTransform(transform, reverse: false) {
                let scalars = Array(converted.unicodeScalars)
                if scalars.count == end - start {
                    for (offset, scalar) in scalars.enumerated() where scalar.value >= blockStart && scalar.value <= blockEnd {
                        table[start + offset] = scalar.value
                    }
                }
                // A chunk whose length changed is left unconverted rather than guessed.
            }
            start = end
        }
        return table
    }
}
