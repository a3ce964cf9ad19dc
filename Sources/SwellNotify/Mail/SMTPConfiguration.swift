/// Where and how to send mail: one value, made once at start-up.
///
/// ```swift
/// let configuration = SMTPConfiguration(
///     host: "smtp.example.cn", security: .startTLS,
///     credentials: .init(username: "swell", password: secret),
///     from: try MailAddress("alerts@swell.example", displayName: "Swell 预警"))
/// ```
public struct SMTPConfiguration: Sendable {
    /// How the connection is protected.
    public enum Security: Sendable, Equatable {
        /// Plain TCP, then `STARTTLS` before anything else is said (RFC 3207); port 587 by default.
        /// A server that does not offer STARTTLS is an error, never a silent fall-back to plaintext.
        case startTLS
        /// TLS from the first byte (RFC 8314); port 465 by default.
        case implicitTLS
        /// No encryption at all. **Only for a relay on this machine or for tests**: refused unless the host
        /// is loopback (`localhost`, 127.0.0.0/8, `::1`). Port 25 by default.
        case none
    }

    /// A user name and password for AUTH PLAIN or LOGIN, whichever the server offers (PLAIN preferred).
    /// Sent only over TLS or to loopback.
    public struct Credentials: Sendable, CustomStringConvertible {
        public var username: String
        public var password: String

        public init(username: String, password: String) {
            self.username = username
            self.password = password
        }

        /// Never shows the password.
        public var description: String { "\(username):<redacted>" }
    }

    /// The server's host name or IP address.
    public var host: String
    public var port: Int
    public var security: Security
    /// Which certificates to trust; the system's by default.
    public var tls: SMTPTLSOptions
    /// Nil: send without AUTH.
    public var credentials: Credentials?
    /// The envelope sender (`MAIL FROM`, where bounces go), and the header From of a message that has none.
    public var from: MailAddress
    /// The name this client gives in EHLO/HELO; ideally the sending host's fully qualified name.
    public var heloName: String
    /// How long to wait for the TCP connection.
    public var connectTimeout: Duration
    /// How long to wait for each reply (the greeting, the TLS handshake, and the reply to each command).
    public var commandTimeout: Duration

    public init(
        host: String, port: Int? = nil, security: Security = .startTLS, tls: SMTPTLSOptions = .init(),
        credentials: Credentials? = nil, from: MailAddress, heloName: String = "localhost",
        connectTimeout: Duration = .seconds(10), commandTimeout: Duration = .seconds(60)
    ) {
        self.host = host
        self.port = port ?? Self.defaultPort(for: security)
        self.security = security
        self.tls = tls
        self.credentials = credentials
        self.from = from
        self.heloName = heloName
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
    }

    /// 587 (submission) for STARTTLS, 465 (submissions) for implicit TLS, 25 for plaintext.
    public static func defaultPort(for security: Security) -> Int {
        switch security {
        case .startTLS: 587
        case .implicitTLS: 465
        case .none: 25
        }
    }

    /// Refuses what cannot be sent safely: plaintext to a non-loopback host, a bad port or HELO name.
    public func validate() throws(SMTPError) {
        guard (1...65535).contains(port) else { throw .invalidConfiguration("port \(port) is out of range") }
        guard !host.isEmpty else { throw .invalidConfiguration("no host") }
        guard !heloName.isEmpty, heloName.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) else {
            throw .invalidConfiguration("HELO name \"\(heloName)\" must be printable ASCII without spaces")
        }
        if security == .none && !LoopbackHost.isLoopback(host) {
            throw .invalidConfiguration("plaintext SMTP is only allowed to loopback, not to \(host); use .startTLS or .implicitTLS")
        }
        guard connectTimeout > .zero, commandTimeout > .zero else { throw .invalidConfiguration("timeouts must be positive") }
    }
}
