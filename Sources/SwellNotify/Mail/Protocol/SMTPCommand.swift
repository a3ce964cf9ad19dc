/// One line the client sends, and how it appears in logs and errors (secrets never do).
struct SMTPCommand: Sendable, Equatable {
    /// The bytes sent, CRLF included.
    let wire: [UInt8]
    /// The command as logged and named in ``SMTPError/rejected(command:reply:)``.
    let logged: String

    private init(line: String, logged: String? = nil) {
        wire = Array((line + "\r\n").utf8)
        self.logged = logged ?? line
    }

    static func ehlo(_ name: String) -> Self { .init(line: "EHLO \(name)") }
    static func helo(_ name: String) -> Self { .init(line: "HELO \(name)") }
    static let startTLS = Self(line: "STARTTLS")

    /// `AUTH PLAIN` with the initial response (RFC 4616): base64 of `\0user\0password`.
    static func authPlain(username: String, password: String) -> Self {
        let response = Base64.encode(Array(("\u{0}" + username + "\u{0}" + password).utf8))
        return .init(line: "AUTH PLAIN \(response)", logged: "AUTH PLAIN <credentials>")
    }

    static let authLogin = Self(line: "AUTH LOGIN")
    /// One base64 answer to an AUTH LOGIN challenge; logged as `label`.
    static func authLoginAnswer(_ secret: String, label: String) -> Self {
        .init(line: Base64.encode(Array(secret.utf8)), logged: "AUTH LOGIN <\(label)>")
    }

    /// `MAIL FROM:<address>` with ESMTP parameters such as `SIZE=1234` and `SMTPUTF8`.
    static func mailFrom(_ address: String, parameters: [String]) -> Self {
        .init(line: (["MAIL FROM:<\(address)>"] + parameters).joined(separator: " "))
    }

    static func rcptTo(_ address: String) -> Self { .init(line: "RCPT TO:<\(address)>") }
    static let data = Self(line: "DATA")
    static let quit = Self(line: "QUIT")

    /// The message itself after `354`: already dot-stuffed and ending in `CRLF.CRLF`.
    static func content(_ bytes: [UInt8]) -> Self { .init(wire: bytes, logged: "<message content>") }

    private init(wire: [UInt8], logged: String) {
        self.wire = wire
        self.logged = logged
    }
}
