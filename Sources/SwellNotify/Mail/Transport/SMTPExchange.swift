import NIOCore
import NIOSSL

/// What the connection asks of ``SMTPChannelHandler``: write these bytes (none, to wait for the greeting),
/// then complete `promise` with the next reply from the server.
struct SMTPExchange: Sendable {
    let bytes: [UInt8]
    /// For STARTTLS: when the reply is 220, install TLS and complete `promise` only once the handshake is done.
    let tlsUpgrade: SMTPTLSUpgrade?
    let promise: EventLoopPromise<SMTPReply>
}

/// The TLS client to put in front of the connection, and the name to send as SNI and verify.
struct SMTPTLSUpgrade: Sendable {
    let context: NIOSSLContext
    let serverHostname: String?

    func makeHandler() throws(SMTPError) -> NIOSSLClientHandler {
        do {
            return try NIOSSLClientHandler(context: context, serverHostname: serverHostname)
        } catch {
            throw .tlsFailed("cannot start TLS: \(error)")
        }
    }
}
