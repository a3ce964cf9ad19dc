/// What the server accepted: the message is queued for every address in ``accepted``.
public struct SMTPReceipt: Sendable, Equatable {
    /// The Message-ID the message was sent with, without angle brackets.
    public let messageID: String
    /// Recipients the server took.
    public let accepted: [String]
    /// Recipients the server refused while taking the others. Retry those whose reply is transient, alone:
    /// the others already have the message.
    public let rejected: [SMTPRecipientRejection]
    /// The server's answer to the message content, often with its queue id (`250 2.0.0 Ok: queued as …`).
    public let reply: SMTPReply
}
