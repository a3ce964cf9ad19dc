import Foundation
import SwellCore
import SwellEvaluation
import Testing

@testable import SwellServer

/// The scanner must read every body it accepts exactly as `JSONDecoder` does, and leave the rest to it.
@Suite struct ComplaintJSONScannerTests {
    @Test func theUsualBatchIsReadWithoutTheDecoderAndAsTheDecoderReadsIt() throws {
        let body = """
            [ {"externalId": "web-1", "receivedAt": "2026-06-12T08:00:00Z", "channel": "web",
               "text": "6月12日出发的澳洲8日游，合同写的四星酒店，结果住进了汽车旅馆\\n要求退还差价 \\"立即\\" \\u9000\\u6b3e \\ud83d\\ude00 a\\/b\\\\c\\t",
               "complainant": {"name": "王女士", "phone": "13900000000", "email": null, "note": [1, 2.5e3, {"x": true}]},
               "product": "AU-8D", "departure": "2026-06-12", "supplier": null, "demand": "退还差价",
               "referral": {"authority": "12315", "referenceNo": "R-1", "extra": -0.5},
               "tags": ["a", {"b": [null, false, 0, -1E-2]}], "score": 12 },
              {"externalId":"web-2","text":"The coach broke down","complainant":null,"referral":null},
              {} ]
            """
        let data = Data(body.utf8)
        let scanned = try #require(ComplaintJSONScanner.submissions(in: data))
        let decoded = try JSONDecoder().decode([ComplaintSubmission].self, from: data)
        #expect(scanned == decoded)
        #expect(scanned.count == 3)
        #expect(scanned[0].text?.hasSuffix("\"立即\" 退款 😀 a/b\\c\t") == true)
        #expect(scanned[0].complainant?.name == "王女士")
        #expect(scanned[0].referral == ReferralSubmission(authority: "12315", referenceNo: "R-1"))
        #expect(scanned[1].complainant == nil)
        #expect(try #require(ComplaintJSONScanner.submission(in: Data(#"{"text":"x"}"#.utf8))) == ComplaintSubmission(text: "x"))
        #expect(try #require(ComplaintJSONScanner.submissions(in: Data(" [ ] ".utf8))).isEmpty)
    }

    @Test func whatItDoesNotReadExactlyIsLeftToTheDecoder() {
        let leftOver = [
            #"[{"text": 5}]"#,  // a field of another type: the decoder names it
            #"[{"complainant": "x"}]"#,
            #"[1]"#,  // an element that is not an object
            #"[{"text": "a", "text": "b"}]"#,  // a repeated field
            #"[{"te\u0078t": "a"}]"#,  // a key with an escape
            #"[{"text": "a"},]"#,  // JSON errors
            #"[{"x": 01}]"#, #"[{"x": 1.}]"#, #"[{"x": -}]"#, #"[{"x": 1e}]"#, #"[{"x": tru}]"#,
            #"[{"text": "\ud800"}]"#,  // a lone surrogate
            #"[{"text": "\x"}]"#,
            "[{\"text\": \"a\tb\"}]",  // a raw control character inside a string
            #"[{"text": "a"}] x"#,
            #"{"text": "a"}"#,  // not an array
            String(repeating: "[", count: 70) + String(repeating: "]", count: 70),
            "[{\"x\": " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "}]",
        ]
        for body in leftOver {
            #expect(ComplaintJSONScanner.submissions(in: Data(body.utf8)) == nil, "\(body)")
        }
        #expect(ComplaintJSONScanner.submission(in: Data(#"{"text": "a"} {"#.utf8)) == nil)
    }

    @Test func onGeneratedBodiesItEitherAgreesWithTheDecoderOrStepsAside() throws {
        var random = SeededRandom(seed: 20_261_207)
        var scannedCount = 0
        let cases = 3_000
        for _ in 0..<cases {
            let body = Self.body(&random)
            let data = Data(body.utf8)
            let decoded = try? JSONDecoder().decode([ComplaintSubmission].self, from: data)
            guard let scanned = ComplaintJSONScanner.submissions(in: data) else { continue }
            scannedCount += 1
            #expect(decoded == scanned, "\(body)")
        }
        // Most generated bodies are valid and usual: the scanner must read them itself, or this test proves nothing.
        #expect(scannedCount > cases / 3, "scanned \(scannedCount) of \(cases)")
    }

    /// A batch body built from pieces that are mostly valid, sometimes odd, sometimes broken.
    static func body(_ random: inout SeededRandom) -> String {
        let count = random.int(0...3)
        let items = (0..<count).map { _ in object(&random, depth: 0, complaint: true) }
        let space = [" ", "", "\n", "\t", "\r\n "]
        return random.pick(space) + "[" + items.joined(separator: random.int(0...19) == 0 ? ",," : ",") + "]"
            + random.pick(space)
    }

    static func object(_ random: inout SeededRandom, depth: Int, complaint: Bool) -> String {
        let keys = complaint
            ? ["externalId", "receivedAt", "channel", "text", "product", "departure", "supplier", "demand", "complainant",
               "referral", "extra", "text"]
            : ["name", "phone", "email", "authority", "referenceNo", "other"]
        let fields = (0..<random.int(0...4)).map { _ -> String in
            let key = random.pick(keys)
            let value: String
            if key == "complainant" || key == "referral" {
                value = random.int(0...3) == 0 ? "null" : object(&random, depth: depth + 1, complaint: false)
            } else if random.int(0...5) == 0 {
                value = Self.value(&random, depth: depth + 1)
            } else {
                value = string(&random)
            }
            return "\"\(key)\"" + random.pick([":", " : ", ":\n"]) + value
        }
        return "{" + fields.joined(separator: ",") + "}"
    }

    static func value(_ random: inout SeededRandom, depth: Int) -> String {
        let scalars = ["null", "true", "false", "0", "-1", "12.5", "1e3", "-0.25E-2", "01", "1.", "-", "tru", "1e"]
        switch depth > 3 ? 0 : random.int(0...2) {
        case 0: return random.int(0...1) == 0 ? random.pick(scalars) : string(&random)
        case 1: return "[" + (0..<random.int(0...2)).map { _ in value(&random, depth: depth + 1) }.joined(separator: ",") + "]"
        default: return object(&random, depth: depth + 1, complaint: false)
        }
    }

    static func string(_ random: inout SeededRandom) -> String {
        let pieces = [
            "退款", "酒店", "a", " ", "Refund", "\\n", "\\\"", "\\\\", "\\/", "\\t", "\\u9000", "\\ud83d\\ude00", "😀",
            "\\ud800", "\\x", "\t", "é", "e\u{301}", "\\u0000", "\\uDFFF",
        ]
        let count = random.int(0...5)
        return "\"" + (0..<count).map { _ in random.pick(pieces) }.joined() + "\""
    }
}
