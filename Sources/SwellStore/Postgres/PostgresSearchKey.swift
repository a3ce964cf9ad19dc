import SwellCore

/// The folded text (``SearchFolding``) written so that `pg_trgm` sees every character, whatever the database's
/// locale. `pg_trgm` builds trigrams only from what the database's ctype calls alphanumeric; under the C locale
/// (a common choice, and the test cluster's) Chinese is not, and `show_trgm('酒店降级')` is empty. So each
/// non-ASCII scalar becomes a run of upper-case ASCII letters, which folded text never holds otherwise:
/// a Han character four letters (first `A`–`J`, then three of `N`–`Z`), any other scalar six (first `K`–`M`,
/// then five of `N`–`Z`). A letter from `A`–`M` only ever starts a character, so a key of a query can only be
/// found in a key of a text where the query's characters are in the text: `LIKE` on keys is substring search
/// on the folded text. ASCII letters, digits and spaces stay as they are.
enum PostgresSearchKey {
    static func encode(folded: String) -> String {
        var key = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                key.append(scalar)
            } else if value >= HanConversion.blockStart && value <= HanConversion.blockEnd {
                append(Int(value - HanConversion.blockStart), lead: 0x41, digits: 3, to: &key)
            } else if Int(value) < 3 * power(5) {
                append(Int(value), lead: 0x4B, digits: 5, to: &key)
            } else {
                key.append(" ")  // the last 233 scalars of plane 16 (private use) do not fit: not searchable
            }
        }
        return String(key)
    }

    /// The key of `text`'s folded form.
    static func of(_ text: String) -> String { encode(folded: SearchFolding.fold(text)) }

    /// `number` as one lead letter (`lead` + number / 13^digits) and `digits` letters of `N`–`Z`.
    private static func append(_ number: Int, lead: UInt32, digits: Int, to key: inout String.UnicodeScalarView) {
        let unit = power(digits)
        key.append(Unicode.Scalar(lead + UInt32(number / unit))!)
        var rest = number % unit
        var tail: [Unicode.Scalar] = []
        for _ in 0..<digits {
            tail.append(Unicode.Scalar(0x4E + UInt32(rest % 13))!)
            rest /= 13
        }
        key.append(contentsOf: tail.reversed())
    }

    private static func power(_ digits: Int) -> Int { (0..<digits).reduce(1) { result, _ in result * 13 } }
}
