import struct Foundation.Date

/// An e-mail to send: who, to whom, a subject and a body in plain text and, optionally, HTML.
///
/// Rendered by ``MIMERenderer`` as `multipart/alternative` (text first, HTML second) in UTF-8, each part
/// base64- or quoted-printable-encoded, with an RFC 2047 encoded Subject, `Date` and `Message-ID`.
public struct MailMessage: Sendable, Equatable {
    /// The header From; nil means the configuration's ``SMTPConfiguration/from``.
    public var from: MailAddress?
    /// Recipients, shown in To and each given a `RCPT TO`.
    public var to: [MailAddress]
    /// Copy recipients, shown in Cc and each given a `RCPT TO`.
    public var cc: [MailAddress]
    /// Any text, Chinese included; encoded as needed.
    public var subject: String
    /// The plain-text body; always present, as the fallback every client shows.
    public var text: String
    /// The HTML body; when nil the message is a single `text/plain` part.
    public var html: String?
    /// Extra headers such as `Swell-Delivery-Id`, written sorted by name. Names are printable ASCII without
    /// ":"; values have no line breaks. The headers the renderer writes itself cannot be set here.
    public var headers: [String: String]
    /// How the body parts are encoded.
    public var transferEncoding: MIMETransferEncoding
    /// The `Date` header; nil means the moment of rendering.
    public var date: Date?
    /// The `Message-ID` without angle brackets; nil means a random one at the sender's domain.
    public var messageID: String?

    public init(
        from: MailAddress? = nil, to: [MailAddress], cc: [MailAddress] = [], subject: String, text: String,
        html: String? = nil, headers: [String: String] = [:], transferEncoding: MIMETransferEncoding = .base64,
        date: Date? = nil, messageID: String? = nil
    ) {
        self.from = from
        self.to = to
        self.cc = cc
        self.subject = subject
        self.text = text
        self.html = html
        self.headers = headers
        self.transferEncoding = transferEncoding
        self.date = date
        self.messageID = messageID
    }

    /// Every envelope recipient, To then Cc, without duplicates.
    public var recipients: [MailAddress] {
        var seen = Set<String>()
        return (to + cc).filter { seen.insert($0.address.lowercased()).inserted }
    }
}

/// The Content-Transfer-Encoding of the body parts. Both keep every line short and 7-bit, so any server takes them.
public enum MIMETransferEncoding: String, Sendable, Equatable {
    /// Compact for Chinese text; unreadable in raw form.
    case base64
    /// Readable in raw form and compact for mostly-ASCII text such as HTML.
    case quotedPrintable = "quoted-printable"
}
