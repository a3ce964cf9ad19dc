import Foundation
import Testing

@testable import SwellCore

@Suite struct WhiteSpaceTrimmingTests {
    @Test func leadingAndTrailingWhiteSpaceOfEveryKindGoesAndTheInsideStays() {
        #expect("  酒店 与 合同不符\n".trimmingWhiteSpace() == "酒店 与 合同不符")
        #expect("\u{3000}退款\u{3000}".trimmingWhiteSpace() == "退款")  // the ideographic space of Chinese text
        #expect("\t\r\n refund \u{00A0}\u{2028}".trimmingWhiteSpace() == "refund")
        #expect(" \n\t\u{3000} ".trimmingWhiteSpace() == "")
        #expect("".trimmingWhiteSpace() == "")
        #expect("👨‍👩‍👧 ".trimmingWhiteSpace() == "👨‍👩‍👧")
    }

    @Test func itAgreesWithFoundationOnTheWhiteSpaceFoundationKnows() {
        let samples = [" a ", "\u{2003}b\u{2009}", "\u{0085}c\u{000B}", "\u{200B}d\u{200B}", " e\u{FEFF}", "f"]
        for sample in samples {
            #expect(sample.trimmingWhiteSpace() == sample.trimmingCharacters(in: .whitespacesAndNewlines), "\(sample.unicodeScalars.map { $0.value })")
        }
    }

    @Test func everyAsciiCharacterTrimsAsUnicodeSaysWithoutTheTable() {
        for value in UInt8(0)...UInt8(0x7F) {
            let scalar = Unicode.Scalar(value)
            let text = "\(Character(scalar))x\(Character(scalar))"
            #expect(text.trimmingWhiteSpace() == (scalar.properties.isWhitespace ? "x" : text), "U+\(value)")
        }
    }

    @Test func controlCharactersAreExactlyUnicodesCategoryCc() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.isControlCharacter != (scalar.properties.generalCategory == .control) {
                Issue.record("U+\(String(value, radix: 16)) disagrees")
                return
            }
        }
    }

    @Test func aBlankRequiredFieldIsStillAnError() {
        var errors: [FieldError] = []
        #expect(FieldChecks.required("\u{3000} \n", "text", &errors) == nil)
        #expect(errors.map(\.code) == ["empty"])
        #expect(FieldChecks.optional(" \u{3000}") == nil)
        #expect(FieldChecks.optional(" 退款 ") == "退款")
    }
}
