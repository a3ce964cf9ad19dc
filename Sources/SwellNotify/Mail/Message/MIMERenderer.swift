import Foundation

/// Renders a ``MailMessage`` as the text of an RFC 5322 / MIME message, CRLF line endings throughout.
/// Pure apart from the defaults for date, Message-ID and boundary, which the caller may pin.
public enum MIMERenderer {
    /// Headers the renderer writes itself; a message's extra headers may not set them.
    static let reservedHeaders: Set<String> = [
        "from", "to", "cc", "bcc", "subject", "date", "message-id", "mime-version", "content-type",
        "content-transfer-encoding",
    ]

    /// The message as it goes after DATA (before dot-stuffing).
    /// - Parameters:
    ///   - defaultFrom: the From when the message has none (the configuration's sender).
    ///   - date: overrides the message's date; by default the message's date or now.
    ///   - messageID: overrides the message's Message-ID; by default the message's or a random one.
    ///   - boundary: the multipart boundary; by default a random one that cannot occur in a base64 or
    ///     quoted-printable part.
    public static func render(
        _ message: MailMessage, defaultFrom: MailAddress, date: Date? = nil, messageID: String? = nil,
        boundary: String? = nil
    ) throws(SMTPError) -> String {
        let from = message.from ?? defaultFrom
        guard !message.to.isEmpty || !message.cc.isEmpty else { throw .invalidMessage("no recipient") }
        let id = messageID ?? message.messageID ?? "\(UUID().uuidString.lowercased())@\(from.domain)"
        guard id.utf8.allSatisfy({ $0 > 32 && $0 < 127 }), !id.contains("<"), !id.contains(">"), id.contains("@") else {
            throw .invalidMessage("Message-ID \"\(id)\" must be printable ASCII id@domain without angle brackets")
        }
        var fields = [
            HeaderEncoding.field("From", HeaderEncoding.mailboxWords(from)),
        ]
        if !message.to.isEmpty { fields.append(HeaderEncoding.field("To", HeaderEncoding.mailboxListWords(message.to))) }
        if !message.cc.isEmpty { fields.append(HeaderEncoding.field("Cc", HeaderEncoding.mailboxListWords(message.cc))) }
        fields += [
            HeaderEncoding.field("Subject", HeaderEncoding.unstructuredWords(message.subject)),
            "Date: " + RFC5322Date.format(date ?? message.date ?? Date()),
            "Message-ID: <\(id)>",
            "MIME-Version: 1.0",
        ]
        for (name, value) in message.headers.sorted(by: { $0.key < $1.key }) {
            try checkExtraHeader(name: name, value: value)
            fields.append(HeaderEncoding.field(name, HeaderEncoding.unstructuredWords(value)))
        }

        let encoding = message.transferEncoding
        guard let html = message.html else {
            let single = part(type: "text/plain", body: message.text, encoding: encoding)
            return (fields + single.headers + ["", single.body]).joined(separator: "\r\n") + "\r\n"
        }
        let separator = boundary ?? "=_swell_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        fields.append("Content-Type: multipart/alternative;\r\n boundary=\"\(separator)\"")
        var lines = fields + ["", "This is a multipart message in MIME format."]
        for (type, body) in [("text/plain", message.text), ("text/html", html)] {
            let rendered = part(type: type, body: body, encoding: encoding)
            lines += ["--" + separator] + rendered.headers + ["", rendered.body]
        }
        lines.append("--" + separator + "--")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The headers and encoded body of one `text/*` part in UTF-8.
    private static func part(type: String, body: String, encoding: MIMETransferEncoding) -> (headers: [String], body: String) {
        let encoded = switch encoding {
        case .base64: Base64.encodeLines(Array(MIMEText.canonical(body).utf8))
        case .quotedPrintable: QuotedPrintable.encode(body)
        }
        return (["Content-Type: \(type); charset=UTF-8", "Content-Transfer-Encoding: \(encoding.rawValue)"], encoded)
    }

    private static func checkExtraHeader(name: String, value: String) throws(SMTPError) {
        guard !name.isEmpty, name.utf8.allSatisfy({ $0 >= 33 && $0 <= 126 && $0 != UInt8(ascii: ":") }) else {
            throw .invalidMessage("header name \"\(name)\" must be printable ASCII without \":\"")
        }
        guard !reservedHeaders.contains(name.lowercased()) else {
            throw .invalidMessage("header \(name) is written by the renderer and cannot be set")
        }
        guard !value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
            throw .invalidMessage("header \(name) contains a line break")
        }
    }
}
