import Foundation
import Logging
import NIOCore
import NIOPosix

/// Sends e-mail through one SMTP server (RFC 5321), one connection per message.
///
/// ```swift
/// let client = SMTPClient(configuration: configuration, logger: logger)
/// do {
///     try await client.send(message)
/// } catch where error.isTransient {
///     // 4xx, lost connection, time-out: try again later with the same Swell-Delivery-Id
/// } catch {
///     // 5xx, bad address, TLS trust: give up and tell someone
/// }
/// ```
public struct SMTPClient: Sendable {
    public let configuration: SMTPConfiguration
    private let group: any EventLoopGroup
    private let logger: Logger

    /// - Parameters:
    ///   - eventLoopGroup: where the connection runs; NIO's shared singleton by default.
    ///   - logger: the dialogue is logged at trace level (never a password), each sent message at info.
    public init(
        configuration: SMTPConfiguration, eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "swell.notify.smtp")
    ) {
        self.configuration = configuration
        self.group = eventLoopGroup
        self.logger = logger
    }

    /// Connects, greets, secures the connection as configured, authenticates if credentials are set, and
    /// hands the message over for every recipient the server accepts.
    ///
    /// Throws when the message could not be handed over to anyone. When some recipients are refused and
    /// others accepted, the message goes to those accepted and the receipt lists the refusals.
    @discardableResult
    public func send(_ message: MailMessage) async throws(SMTPError) -> SMTPReceipt {
        try configuration.validate()
        let recipients = message.recipients
        guard !recipients.isEmpty else { throw .invalidMessage("no recipient") }
        let from = message.from ?? configuration.from
        let messageID = message.messageID ?? "\(UUID().uuidString.lowercased())@\(from.domain)"
        let rendered = try MIMERenderer.render(message, defaultFrom: configuration.from, messageID: messageID)
        let content = SMTPDataEncoding.encode(Array(rendered.utf8))
        let tls = configuration.security == .none ? nil : try configuration.tls.upgrade(for: configuration.host)

        let connection = try await SMTPConnection.open(
            host: configuration.host, port: configuration.port, connectTimeout: configuration.connectTimeout,
            commandTimeout: configuration.commandTimeout, implicitTLS: configuration.security == .implicitTLS ? tls : nil,
            group: group, logger: logger)
        let dialogue = SMTPDialogue(connection: connection, configuration: configuration, tls: tls)
        do throws(SMTPError) {
            let receipt = try await dialogue.deliver(recipients: recipients, content: content, messageID: messageID)
            await connection.close()
            logger.info(
                "mail sent",
                metadata: [
                    "mail.message_id": "\(messageID)", "mail.accepted": "\(receipt.accepted.count)",
                    "mail.rejected": "\(receipt.rejected.count)", "smtp.reply": "\(receipt.reply)",
                ])
            return receipt
        } catch {
            await connection.close()
            logger.warning(
                "mail not sent",
                metadata: ["mail.message_id": "\(messageID)", "error": "\(error)", "error.transient": "\(error.isTransient)"])
            throw error
        }
    }
}
