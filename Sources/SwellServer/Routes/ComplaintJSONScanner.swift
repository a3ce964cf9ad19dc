import Foundation
import SwellCore

/// Reads the usual shape of a complaint batch — a JSON array of complaint objects whose fields are strings or null —
/// in one pass over the bytes, without Foundation's `JSONDecoder` (a tenth of the server's CPU during an import).
///
/// It reads nothing differently: whenever the body holds anything it does not read exactly as `JSONDecoder` would
/// (a field of another type, an element that is not an object, a repeated field, a key written with escapes, a
/// nesting deeper than ``maximumDepth``, any JSON error), it answers nil and the caller decodes the body the general
/// way, with that way's field-by-field errors. Unknown fields are skipped, as the decoder ignores them, but their
/// values are still checked to be valid JSON. The bytes must already be known to be UTF-8 (intake checks every body;
/// `swell replay` checks each line).
public enum ComplaintJSONScanner {
    /// Nesting of skipped values beyond which the scan leaves the body to the decoder.
    static let maximumDepth = 64

    /// The scanner a complaint batch is parsed with.
    static let batchScanner = BatchParser<ComplaintSubmission>.Scanner(array: submissions(in:), line: submission(in:))

    /// The submissions of a JSON array of complaint objects, or nil (see the type's documentation).
    public static func submissions(in data: Data) -> [ComplaintSubmission]? {
        data.withUnsafeBytes { raw in
            var scan = Scan(bytes: raw.bindMemory(to: UInt8.self))
            return scan.array()
        }
    }

    /// One complaint object (an NDJSON line), or nil (see the type's documentation).
    public static func submission(in data: Data) -> ComplaintSubmission? {
        data.withUnsafeBytes { raw in
            var scan = Scan(bytes: raw.bindMemory(to: UInt8.self))
            scan.skipWhiteSpace()
            guard let submission = scan.complaint() else { return nil }
            scan.skipWhiteSpace()
            return scan.atEnd ? submission : nil
        }
    }

    /// Which known fields of an object were read: a repeated one is left to the decoder.
    private struct KnownFields {
        var bits: UInt16 = 0

        /// True the first time `field` is seen.
        mutating func first(_ field: Int) -> Bool {
            let bit = UInt16(1) << field
            defer { bits |= bit }
            return bits & bit == 0
        }
    }

    private struct Scan {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0

        var atEnd: Bool { at == bytes.count }

        mutating func skipWhiteSpace() {
            while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09 {
                at += 1
            }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard at < bytes.count, bytes[at] == byte else { return false }
            at += 1
            return true
        }

        mutating func array() -> [ComplaintSubmission]? {
            skipWhiteSpace()
            guard take(UInt8(ascii: "[")) else { return nil }
            var items: [ComplaintSubmission] = []
            skipWhiteSpace()
            if !take(UInt8(ascii: "]")) {
                while true {
                    skipWhiteSpace()
                    guard let item = complaint() else { return nil }
                    items.append(item)
                    skipWhiteSpace()
                    if take(UInt8(ascii: ",")) { continue }
                    guard take(UInt8(ascii: "]")) else { return nil }
                    break
                }
            }
            skipWhiteSpace()
            return atEnd ? items : nil
        }

        /// A complaint object: its known fields read, the rest skipped.
        mutating func complaint() -> ComplaintSubmission? {
            var submission = ComplaintSubmission()
            var seen = KnownFields()
            let complete = object { scan, key in
                switch key {
                case "externalId": seen.first(0) && scan.optionalString(&submission.externalId)
                case "receivedAt": seen.first(1) && scan.optionalString(&submission.receivedAt)
                case "channel": seen.first(2) && scan.optionalString(&submission.channel)
                case "text": seen.first(3) && scan.optionalString(&submission.text)
                case "product": seen.first(4) && scan.optionalString(&submission.product)
                case "departure": seen.first(5) && scan.optionalString(&submission.departure)
                case "supplier": seen.first(6) && scan.optionalString(&submission.supplier)
                case "demand": seen.first(7) && scan.optionalString(&submission.demand)
                case "complainant":
                    seen.first(8) && scan.nested(&submission.complainant, ComplainantSubmission()) { scan, key, complainant, seen in
                        switch key {
                        case "name": seen.first(0) && scan.optionalString(&complainant.name)
                        case "phone": seen.first(1) && scan.optionalString(&complainant.phone)
                        case "email": seen.first(2) && scan.optionalString(&complainant.email)
                        default: scan.skipValue(depth: 2)
                        }
                    }
                case "referral":
                    seen.first(9) && scan.nested(&submission.referral, ReferralSubmission()) { scan, key, referral, seen in
                        switch key {
                        case "authority": seen.first(0) && scan.optionalString(&referral.authority)
                        case "referenceNo": seen.first(1) && scan.optionalString(&referral.referenceNo)
                        default: scan.skipValue(depth: 2)
                        }
                    }
                default: scan.skipValue(depth: 1)
                }
            }
            return complete ? submission : nil
        }

        /// Null, or an object read into a fresh `empty` value by `field`, which reads the value of each key it knows
        /// (and skips the others).
        mutating func nested<Value>(
            _ target: inout Value?, _ empty: Value, _ field: (inout Scan, String, inout Value, inout KnownFields) -> Bool
        ) -> Bool {
            if null() {
                target = nil
                return true
            }
            var value = empty
            var seen = KnownFields()
            let read = object { scan, key in field(&scan, key, &value, &seen) }
            target = value
            return read
        }

        /// An object, handing each key to `field`, which reads its value; false when either fails.
        mutating func object(_ field: (inout Scan, String) -> Bool) -> Bool {
            guard take(UInt8(ascii: "{")) else { return false }
            skipWhiteSpace()
            if take(UInt8(ascii: "}")) { return true }
            while true {
                skipWhiteSpace()
                guard let key = plainKey() else { return false }
                skipWhiteSpace()
                guard take(UInt8(ascii: ":")) else { return false }
                skipWhiteSpace()
                guard field(&self, key) else { return false }
                skipWhiteSpace()
                if take(UInt8(ascii: ",")) { continue }
                return take(UInt8(ascii: "}"))
            }
        }

        mutating func null() -> Bool { literal("null") }

        mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard at + count <= bytes.count else { return false }
            for i in 0..<count where bytes[at + i] != word.utf8Start[i] { return false }
            at += count
            return true
        }

        /// A string or null into `target`; false for any other value.
        mutating func optionalString(_ target: inout String?) -> Bool {
            if null() {
                target = nil
                return true
            }
            guard let value = string() else { return false }
            target = value
            return true
        }

        /// The bytes in `range` as text (they are UTF-8 already).
        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        /// A key without escapes (a key with any is left to the decoder).
        mutating func plainKey() -> String? { string(resolvingEscapes: false) }

        /// A JSON string with its escapes resolved; nil when it is not one, breaks JSON's rules, or holds an escape
        /// and `resolvingEscapes` is false.
        mutating func string(resolvingEscapes: Bool = true) -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = at
            while at < bytes.count {
                let byte = bytes[at]
                if byte == UInt8(ascii: "\"") {
                    defer { at += 1 }
                    return text(start..<at)
                }
                if byte == UInt8(ascii: "\\") { return resolvingEscapes ? escapedString(from: start) : nil }
                if byte < 0x20 { return nil }
                at += 1
            }
            return nil
        }

        /// The rest of a string that holds an escape, from its first byte at `start`.
        mutating func escapedString(from start: Int) -> String? {
            var scalars = String.UnicodeScalarView()
            var runStart = start
            func flush(_ scan: Scan) {
                guard runStart < scan.at else { return }
                scalars.append(contentsOf: scan.text(runStart..<scan.at).unicodeScalars)
            }
            while at < bytes.count {
                let byte = bytes[at]
                if byte == UInt8(ascii: "\"") {
                    flush(self)
                    at += 1
                    return String(scalars)
                }
                if byte < 0x20 { return nil }
                guard byte == UInt8(ascii: "\\") else {
                    at += 1
                    continue
                }
                flush(self)
                at += 1
                guard at < bytes.count else { return nil }
                let escape = bytes[at]
                at += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    guard let scalar = unicodeEscape() else { return nil }
                    scalars.append(scalar)
                default: return nil
                }
                runStart = at
            }
            return nil
        }

        /// The scalar of a `\uXXXX` escape (a surrogate pair as one); nil for a lone surrogate, left to the decoder.
        mutating func unicodeEscape() -> Unicode.Scalar? {
            guard let first = hex4() else { return nil }
            if (0xD800...0xDBFF).contains(first) {
                guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let second = hex4(), (0xDC00...0xDFFF).contains(second)
                else { return nil }
                return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
            }
            return Unicode.Scalar(first)
        }

        mutating func hex4() -> UInt32? {
            guard at + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[at]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
                at += 1
            }
            return value
        }

        /// Skips one JSON value of any kind, checking it; false when it is not valid JSON or nests too deep.
        mutating func skipValue(depth: Int) -> Bool {
            guard depth <= ComplaintJSONScanner.maximumDepth, at < bytes.count else { return false }
            switch bytes[at] {
            case UInt8(ascii: "\""): return string() != nil
            case UInt8(ascii: "{"): return object { scan, _ in scan.skipValue(depth: depth + 1) }
            case UInt8(ascii: "["):
                at += 1
                skipWhiteSpace()
                if take(UInt8(ascii: "]")) { return true }
                while true {
                    skipWhiteSpace()
                    guard skipValue(depth: depth + 1) else { return false }
                    skipWhiteSpace()
                    if take(UInt8(ascii: ",")) { continue }
                    return take(UInt8(ascii: "]"))
                }
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            default: return number()
            }
        }

        /// A number by JSON's grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
        mutating func number() -> Bool {
            _ = take(UInt8(ascii: "-"))
            if take(UInt8(ascii: "0")) {
                // no further digits may follow a leading zero
            } else {
                guard digits() else { return false }
            }
            if take(UInt8(ascii: ".")) { guard digits() else { return false } }
            if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
                if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
                guard digits() else { return false }
            }
            // A digit right after a leading zero, or any other byte a number cannot end on, is left to the decoder.
            guard at == bytes.count || !Self.continuesNumber(bytes[at]) else { return false }
            return true
        }

        /// One or more decimal digits.
        mutating func digits() -> Bool {
            let start = at
            while at < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at]) { at += 1 }
            return at > start
        }

        static func continuesNumber(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-")
        }
    }
}
