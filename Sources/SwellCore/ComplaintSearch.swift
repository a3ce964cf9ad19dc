import Foundation

/// A full-text search over complaint texts (`GET /v1/complaints?q=…`), its words folded the way stores fold
/// the text they index (``SearchFolding``). A complaint matches when its folded text contains every term as a
/// substring, in any order.
public struct ComplaintSearch: Sendable, Equatable {
    /// How matches are ordered.
    public enum Order: String, Sendable, CaseIterable {
        /// Newest first, as the plain list: stable while complaints arrive, the default.
        case newest
        /// Best match first (SQLite bm25, PostgreSQL trigram similarity); equal scores newest first.
        case relevance
    }

    /// The folded terms, distinct, in the order written.
    public var terms: [String]
    public var order: Order

    /// The longest `q` accepted, in characters.
    public static let maxLength = 200
    /// Terms shorter than this are too short for a trigram index: they only narrow what the longer terms and
    /// the filters found (or, alone, are looked for newest first in the rows the filters leave).
    public static let indexedTermLength = 3

    /// The search for `raw`, or nil when it holds no letter or digit.
    public init?(_ raw: String, order: Order = .newest) {
        var seen: Set<String> = []
        var terms: [String] = []
        for term in SearchFolding.fold(raw).split(separator: " ").map(String.init) where seen.insert(term).inserted {
            terms.append(term)
        }
        guard !terms.isEmpty else { return nil }
        self.terms = terms
        self.order = order
    }

    /// Terms long enough for the trigram index.
    public var indexedTerms: [String] { terms.filter { $0.unicodeScalars.count >= Self.indexedTermLength } }

    /// Terms only looked for as substrings of rows found otherwise.
    public var shortTerms: [String] { terms.filter { $0.unicodeScalars.count < Self.indexedTermLength } }

    /// The terms as one folded text, for ranking.
    public var text: String { terms.joined(separator: " ") }

    /// Whether `text` (raw, not folded) contains every term after folding.
    public func matches(_ text: String) -> Bool {
        let folded = SearchFolding.fold(text)
        return terms.allSatisfy { folded.contains($0) }
    }
}

/// The one form in which complaint text is indexed and queries are matched: compatibility forms unified
/// (full-width letters and digits become ASCII), letters lower-cased, traditional Chinese folded to simplified,
/// and every run of anything that is neither letter nor digit turned into one space. `酒店降級` and `酒店降级`
/// fold alike, and so do `Hotel` and `ＨＯＴＥＬ`.
public enum SearchFolding {
    public static func fold(_ text: String) -> String {
        let source = needsCompatibilityMapping(text) ? text.precomposedStringWithCompatibilityMapping : text
        var folded = String.UnicodeScalarView()
        var pendingSpace = false
        func emit(_ scalar: Unicode.Scalar) {
            if pendingSpace && !folded.isEmpty { folded.append(" ") }
            pendingSpace = false
            folded.append(scalar)
        }
        for original in source.unicodeScalars {
            var scalar = original
            if (0xFF01...0xFF5E).contains(scalar.value) { scalar = Unicode.Scalar(scalar.value - 0xFEE0)! }  // full-width ASCII
            let value = scalar.value
            switch value {
            case 0x41...0x5A: emit(Unicode.Scalar(value + 0x20)!)
            case 0x61...0x7A, 0x30...0x39: emit(scalar)
            case 0x00...0x7F: pendingSpace = true
            case HanConversion.blockStart...HanConversion.blockEnd:
                emit(Unicode.Scalar(HanConversion.simplified(value)) ?? scalar)
            default:
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    if scalar.properties.changesWhenLowercased {
                        for lowered in String(scalar).lowercased().unicodeScalars { emit(lowered) }
                    } else {
                        emit(scalar)
                    }
                } else {
                    pendingSpace = true
                }
            }
        }
        return String(folded)
    }

    /// Whether `text` holds a scalar that NFKC may change and the loop does not fold by itself (most Chinese
    /// and English complaints hold none, and skip the costly mapping).
    private static func needsCompatibilityMapping(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x00...0x7F, 0x4E00...0x9FFF, 0x3000...0x303F, 0xFF01...0xFF5E, 0x2000...0x206F, 0xB7: false
            default: true
            }
        }
    }
}
