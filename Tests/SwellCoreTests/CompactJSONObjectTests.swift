import Foundation
import Testing

@testable import SwellCore

/// Payloads written by hand must be the very text `JSONEncoder` gives them: the log's hashes cover that text.
@Suite struct CompactJSONObjectTests {
    private struct Probe: Encodable {
        var text: String?
        var number: Double?
    }

    private static func encoded(_ probe: Probe) -> String { EventDraft.payload(probe) }

    private static func written(_ probe: Probe) -> String {
        var object = CompactJSONObject()
        if let number = probe.number { object.add("number", number) }
        object.add("text", probe.text)
        return object.json
    }

    @Test func everyCharacterAStringMayHoldIsWrittenAsTheEncoderWritesIt() {
        for value in UInt32(0)...0x2FF {
            let scalar = Unicode.Scalar(value)!
            let probe = Probe(text: "a\(Character(scalar))b")
            #expect(Self.written(probe) == Self.encoded(probe), "U+\(String(value, radix: 16))")
        }
        for text in ["", "退款/refund", "\u{2028}\u{2029}", "😀 e\u{301}", "\"\\\"", "\u{7F}\u{85}", "\u{FEFF}x"] {
            #expect(Self.written(Probe(text: text)) == Self.encoded(Probe(text: text)), "\(text)")
        }
        #expect(Self.written(Probe()) == "{}")
    }

    @Test func numbersAreWrittenAsTheEncoderWritesThem() {
        var numbers = (0...1_000).map { (Double($0) / 1_000 * 1_000).rounded() / 1_000 }
        numbers += [-1, -0.5, -0.0, 0.1 + 0.2, 1e-7, 123_456_789.25, 1e14, 1e15, 1e16, 999_999_999_999_999, 3, -0.001, 2.5e-3]
        for number in numbers {
            let probe = Probe(number: number)
            #expect(Self.written(probe) == Self.encoded(probe), "\(number)")
        }
    }

    @Test func aComplaintsPayloadIsTheEncodersText() {
        let samples = [
            NewComplaint(
                externalId: "web-1", receivedAt: Date(timeIntervalSince1970: 1_780_000_000.123), channel: .walkIn,
                text: "x", complainant: Complainant(name: nil, phone: nil, email: nil), product: "AU-8D \"豪华\"",
                departure: CalendarDate("2026-06-12"), supplier: "悉尼\\地接", demand: nil),
            NewComplaint(
                externalId: "a/b\tc", receivedAt: Date(timeIntervalSince1970: 0), channel: .web, text: "y",
                complainant: Complainant(name: nil, phone: nil, email: nil)),
        ]
        for complaint in samples {
            let payload = ComplaintReceived(complaint)
            #expect(EventDraft.payload(payload) == EventDraft.payload(ThroughCodable(payload)))
        }
    }
}

/// Any payload, encoded the general way (through `Codable`): the hand-written overload does not apply to it.
private struct ThroughCodable<Value: Encodable>: Encodable {
    var value: Value
    init(_ value: Value) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
