import Foundation
import Testing
@testable import SwellNotify

@Suite("MIME rendering of a mail message")
struct MIMERendererTests {
    let from = try! MailAddress("alerts@swell.example", displayName: "Swell 预警")
    let sentAt = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18 11:06:40 UTC, a Wednesday

    func message(
        subject: String = "预警升级为红色：12315 投诉集中", text: String = "王经理：\n请立即处理。",
        html: String? = "<p>王经理：</p><p>请<b>立即</b>处理。</p>", encoding: MIMETransferEncoding = .base64
    ) throws -> MailMessage {
        MailMessage(
            to: [try MailAddress("boss@swell.example", displayName: "王经理"), try MailAddress("duty@swell.example")],
            subject: subject, text: text, html: html, headers: ["Swell-Delivery-Id": "dlv-42"],
            transferEncoding: encoding, date: sentAt, messageID: "m1@swell.example")
    }

    @Test func aMultipartAlternativeMessageHasTextThenHTMLBetweenBoundaries() throws {
        let raw = try MIMERenderer.render(message(), defaultFrom: from, boundary: "=_b1")
        let parsed = try #require(RawMessage(raw))

        #expect(parsed.header("MIME-Version") == "1.0")
        #expect(parsed.header("Content-Type") == "multipart/alternative; boundary=\"=_b1\"")
        #expect(parsed.header("Date") == "Wed, 18 Nov 2026 11:06:40 +0000")
        #expect(parsed.header("Message-ID") == "<m1@swell.example>")
        #expect(parsed.header("Swell-Delivery-Id") == "dlv-42")
        #expect(parsed.header("To")?.hasSuffix("<boss@swell.example>, duty@swell.example") == true)

        let body = parsed.body.components(separatedBy: "\r\n")
        #expect(body.filter { $0 == "--=_b1" }.count == 2)
        #expect(body.filter { $0 == "--=_b1--" }.count == 1)
        #expect(body.last(where: { !$0.isEmpty }) == "--=_b1--")
        let parts = parsed.body.components(separatedBy: "--=_b1").dropFirst().dropLast()
        #expect(parts.count == 2)
        // Each part starts right after its boundary line ("\r\n" is one Character in Swift).
        let text = try #require(RawMessage(String(parts.first!.trimmingPrefix("\r\n"))))
        let html = try #require(RawMessage(String(parts.last!.trimmingPrefix("\r\n"))))
        #expect(text.header("Content-Type") == "text/plain; charset=UTF-8")
        #expect(html.header("Content-Type") == "text/html; charset=UTF-8")
        #expect(text.header("Content-Transfer-Encoding") == "base64")
        #expect(try text.decodedBase64Body() == "王经理：\r\n请立即处理。")
        #expect(try html.decodedBase64Body() == "<p>王经理：</p><p>请<b>立即</b>处理。</p>")
    }

    @Test func base64OfALongChineseBodyIsInLinesOfAtMost76() throws {
        let long = String(repeating: "群体投诉危机协调，", count: 40)
        let raw = try MIMERenderer.render(message(text: long, html: nil), defaultFrom: from)
        let parsed = try #require(RawMessage(raw))
        #expect(parsed.header("Content-Type") == "text/plain; charset=UTF-8")
        let lines = parsed.body.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count > 10)
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(try parsed.decodedBase64Body() == long)
    }

    @Test func aChineseSubjectIsEncodedWordsThatDecodeBackAndKeepLinesShort() throws {
        let subject = "【红色预警】某某商场 12315 投诉在两小时内增至 48 起，请值班领导立即到场协调处理"
        let raw = try MIMERenderer.render(message(subject: subject), defaultFrom: from)
        let folded = try #require(RawMessage(raw)?.rawHeader("Subject"))
        let lines = folded.components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        let words = folded.dropFirst("Subject:".count).split(whereSeparator: \.isWhitespace)
        #expect(words.allSatisfy { $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") && $0.utf8.count <= 75 })
        // Each word decodes to whole UTF-8 characters on its own, and together they are the subject.
        let decoded = try words.map { word -> String in
            let payload = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            let data = try #require(Data(base64Encoded: String(payload)))
            return try #require(String(data: data, encoding: .utf8))
        }
        #expect(decoded.joined() == subject)
    }

    @Test func anASCIISubjectAndDisplayNameStayReadable() throws {
        let message = MailMessage(
            from: try MailAddress("ops@swell.example", displayName: "Swell Ops, Night"), to: [try MailAddress("a@b.example")],
            subject: "Incident opened", text: "x")
        let parsed = try #require(RawMessage(try MIMERenderer.render(message, defaultFrom: from)))
        #expect(parsed.header("Subject") == "Incident opened")
        #expect(parsed.header("From") == "\"Swell Ops, Night\" <ops@swell.example>")
        #expect(parsed.header("Message-ID")?.hasSuffix("@swell.example>") == true)
    }

    @Test func aNonASCIIDisplayNameIsEncodedBeforeTheAddress() throws {
        let parsed = try #require(RawMessage(try MIMERenderer.render(message(), defaultFrom: from)))
        #expect(parsed.header("From") == "=?UTF-8?B?\(Data("Swell 预警".utf8).base64EncodedString())?= <alerts@swell.example>")
    }

    @Test func quotedPrintableKeepsALeadingDotAndEscapesTheRest() throws {
        let raw = try MIMERenderer.render(
            message(text: ".hidden\n.\nprice = 5 元 \n" + String(repeating: "a", count: 100), html: nil, encoding: .quotedPrintable),
            defaultFrom: from)
        let parsed = try #require(RawMessage(raw))
        #expect(parsed.header("Content-Transfer-Encoding") == "quoted-printable")
        let lines = parsed.body.components(separatedBy: "\r\n")
        #expect(Array(lines.prefix(3)) == [".hidden", ".", "price =3D 5 =E5=85=83=20"])
        #expect(lines[3] == String(repeating: "a", count: 75) + "=")
        #expect(lines[4] == String(repeating: "a", count: 25))
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
    }

    @Test(arguments: [
        ("Bad Name", "x"), ("Subject", "spoofed"), ("X-Evil", "a\r\nBcc: victim@example.com"), ("X-Evil", "a\nb"),
    ])
    func extraHeadersCannotBreakOrOverrideTheMessage(name: String, value: String) throws {
        var message = try message()
        message.headers = [name: value]
        #expect(throws: SMTPError.self) { try MIMERenderer.render(message, defaultFrom: from) }
    }

    @Test func aSubjectWithALineBreakIsEncodedNotInjected() throws {
        let raw = try MIMERenderer.render(message(subject: "hi\r\nBcc: victim@example.com"), defaultFrom: from)
        #expect(!raw.contains("\r\nBcc:"))
        #expect(RawMessage(raw)?.header("Subject")?.hasPrefix("=?UTF-8?B?") == true)
    }
}

/// A rendered message split the plain way: unfolded headers, then the body after the first empty line.
struct RawMessage {
    let headers: [(name: String, raw: String)]
    let body: String

    init?(_ text: String) {
        guard let split = text.range(of: "\r\n\r\n") else { return nil }
        var fields: [(String, String)] = []
        for line in text[..<split.lowerBound].components(separatedBy: "\r\n") {
            if line.hasPrefix(" ") || line.hasPrefix("\t"), let last = fields.popLast() {
                fields.append((last.0, last.1 + "\r\n" + line))
            } else if let colon = line.firstIndex(of: ":") {
                fields.append((String(line[..<colon]), line))
            } else {
                return nil
            }
        }
        headers = fields
        body = String(text[split.upperBound...])
    }

    /// The field as written, folds included.
    func rawHeader(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.raw
    }

    /// The unfolded value after "Name: ".
    func header(_ name: String) -> String? {
        rawHeader(name).map { String($0.replacingOccurrences(of: "\r\n", with: "").dropFirst(name.count + 2)) }
    }

    func decodedBase64Body() throws -> String {
        let data = try #require(Data(base64Encoded: body.replacingOccurrences(of: "\r\n", with: "")))
        return try #require(String(data: data, encoding: .utf8))
    }
}
