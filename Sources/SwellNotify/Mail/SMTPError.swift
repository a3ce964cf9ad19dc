/// Everything that can go wrong while sending one message. Every case says whether a retry can help
/// (``isTransient``): the caller retries transient failures (4xx replies, lost or refused connections,
/// time-outs) with the same `Swell-Delivery-Id`, and gives up on permanent ones (5xx replies, bad addresses,
/// configuration and TLS trust problems).
public enum SMTPError: Error, Sendable, Equatable {
    /// The configuration cannot be used as given, e.g. plaintext to a host that is not loopback.
    case invalidConfiguration(String)
    /// A sender or recipient address is not a mailbox we can send to, or needs SMTPUTF8 the server lacks.
    case badAddress(String)
    /// The message cannot be rendered safely, e.g. a header value with a line break in it.
    case invalidMessage(String)
    /// The TCP connection could not be made, or was lost before the dialogue finished.
    case connectionFailed(String)
    /// The server did not answer in time; the associated value names the step that waited.
    case timeout(String)
    /// TLS could not be set up: the server offers no STARTTLS, the handshake failed, or its certificate is
    /// not trusted.
    case tlsFailed(String)
    /// The server refused the credentials (535), or could not check them now (454: transient).
    case authenticationRejected(SMTPReply)
    /// Credentials are configured but the server offers neither AUTH PLAIN nor AUTH LOGIN.
    case authenticationUnavailable(offered: [String])
    /// The server answered a command with a negative reply. `command` is the command as logged (never a secret).
    case rejected(command: String, reply: SMTPReply)
    /// The server refused every recipient; nothing was sent. Each rejection keeps its own reply.
    case recipientsRejected([SMTPRecipientRejection])
    /// The rendered message is larger than the SIZE the server announced.
    case messageTooLarge(size: Int, limit: Int)
    /// The server said something that is not SMTP (a malformed reply, data where none may be).
    case protocolViolation(String)

    /// Whether sending the same message again later may succeed.
    public var isTransient: Bool {
        switch self {
        case .connectionFailed, .timeout: true
        case .authenticationRejected(let reply): reply.isTransientNegative
        case .rejected(_, let reply): reply.isTransientNegative
        case .recipientsRejected(let rejections): rejections.contains { $0.reply.isTransientNegative }
        case .invalidConfiguration, .badAddress, .invalidMessage, .tlsFailed, .authenticationUnavailable,
            .messageTooLarge, .protocolViolation:
            false
        }
    }
}

extension SMTPError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidConfiguration(let why): "invalid SMTP configuration: \(why)"
        case .badAddress(let why): "bad address: \(why)"
        case .invalidMessage(let why): "invalid message: \(why)"
        case .connectionFailed(let why): "SMTP connection failed: \(why)"
        case .timeout(let step): "SMTP server did not answer in time (\(step))"
        case .tlsFailed(let why): "TLS failed: \(why)"
        case .authenticationRejected(let reply): "authentication rejected: \(reply)"
        case .authenticationUnavailable(let offered):
            "server offers no usable AUTH mechanism (offered: \(offered.isEmpty ? "none" : offered.joined(separator: " ")))"
        case .rejected(let command, let reply): "\(command) rejected: \(reply)"
        case .recipientsRejected(let rejections):
            "every recipient rejected: " + rejections.map { "\($0.address): \($0.reply)" }.joined(separator: "; ")
        case .messageTooLarge(let size, let limit): "message of \(size) bytes exceeds the server's limit of \(limit)"
        case .protocolViolation(let why): "SMTP protocol violation: \(why)"
        }
    }
}

/// One recipient the server refused at RCPT TO, with its reply.
public struct SMTPRecipientRejection: Sendable, Equatable {
    public let address: String
    public let reply: SMTPReply

    public init(address: String, reply: SMTPReply) {
        self.address = address
        self.reply = reply
    }
}
