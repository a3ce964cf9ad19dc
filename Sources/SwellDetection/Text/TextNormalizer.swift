import Foundation
import SwellCore

/// Complaint text in one canonical form: NFKC, half-width, case-folded, simplified Chinese,
/// punctuation folded to a few ASCII marks and whitespace collapsed to single spaces.
public struct NormalizedText: Sendable, Equatable {
    /// Scalar values of the canonical text.
    public var scalars: [UInt32]
    /// Whether the scalar at the same index was an upper-case letter before folding
    /// (used to find capitalised Latin names).
    public var wasUppercase: [Bool]

    /// The canonical text as a string.
    public var text: String {
        var view = String.UnicodeScalarView()
        for value in scalars { if let scalar = Unicode.Scalar(value) { view.append(scalar) } }
        return String(view)
    }
}

/// Turns raw complaint text into ``NormalizedText``.
public enum TextNormalizer {
    /// Normalises `raw`; pure and deterministic.
    public static func normalize(_ raw: String) -> NormalizedText {
        let source = needsCompatibilityMapping(raw) ? raw.precomposedStringWithCompatibilityMapping : raw
        var scalars: [UInt32] = []
        var upper: [Bool] = []
        scalars.reserveCapacity(source.unicodeScalars.count)
        upper.reserveCapacity(source.unicodeScalars.count)
        var lastWasSpace = true
        func append(_ value: UInt32, _ wasUpper: Bool) {
            if value == 0x20 {
                if lastWasSpace { return }
                lastWasSpace = true
            } else {
                lastWasSpace = false
            }
            scalars.append(value)
            upper.append(wasUpper)
        }
        for scalar in source.unicodeScalars {
            var value = scalar.value
            if value >= 0xFF01 && value <= 0xFF5E { value -= 0xFEE0 }  // full-width ASCII
            switch value {
            case 0x41...0x5A: append(value + 0x20, true)
            case 0x61...0x7A, 0x30...0x39: append(value, false)
            case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: append(value, false)
            case 0x4E00...0x9FFF: append(HanConversion.simplified(value), false)
            default:
                if let folded = foldPunctuation(value) {
                    append(folded, false)
                } else if scalar.properties.isWhitespace || scalar.properties.generalCategory.isSeparatorOrControl {
                    append(0x20, false)
                } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    if scalar.properties.changesWhenLowercased {
                        for lowered in String(scalar).lowercased().unicodeScalars { append(lowered.value, true) }
                    } else {
                        append(value, false)
                    }
                } else {
                    append(0x20, false)  // other symbols and punctuation fold to a separator
                }
            }
        }
        if scalars.last == 0x20 { scalars.removeLast(); upper.removeLast() }
        return NormalizedText(scalars: scalars, wasUppercase: upper)
    }

    /// Canonical ASCII mark for common CJK and typographic punctuation.
    @inline(__always)
    static func foldPunctuation(_ value: UInt32) -> UInt32? {
        switch value {
        case 0x3001, 0xFF64, 0x060C: return 0x2C  // 、 ､ → ,
        case 0x3002, 0xFF61, 0x2026: return 0x2E  // 。 ｡ … → .
        case 0x2010...0x2015, 0x2212, 0x30FC, 0xFF70: return 0x2D  // dashes → -
        case 0x3000, 0x00A0, 0x2000...0x200B, 0x202F, 0x205F: return 0x20
        case 0x00B7, 0x30FB, 0xFF65, 0x2022: return 0x20  // middle dots (粤B·12345) → space
        case 0x2018...0x201F, 0x300C...0x300F, 0x3010, 0x3011, 0x3008...0x300B, 0x3014, 0x3015: return 0x20
        case 0xFF5E, 0x301C: return 0x7E  // ～ → ~
        case 0xFFE5, 0x00A5: return 0xA5  // ￥ → ¥
        default: return nil
        }
    }

    /// Whether `raw` holds a scalar the fast path cannot fold by itself.
    static func needsCompatibilityMapping(_ raw: String) -> Bool {
        for scalar in raw.unicodeScalars {
            switch scalar.value {
            case 0x00...0x7F, 0x4E00...0x9FFF, 0x3000...0x303F, 0xFF01...0xFF5E, 0x2000...0x206F, 0x00B7, 0xFFE5: continue
            default: return true
            }
        }
        return false
    }
}

extension Unicode.GeneralCategory {
    var isSeparatorOrControl: Bool {
        switch self {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format: return true
        default: return false
        }
    }
}
