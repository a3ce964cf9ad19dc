import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// One connection to the server, speaking one command → one reply, each reply within the command time-out.
/// Made per message and closed after it.
struct SMTPConnection: Sendable {
    private let channel: any Channel
    private let commandTimeout: TimeAmount
    private let logger: Logger

    /// Connects, with TLS from the first byte when `implicitTLS` is given. Does not read the greeting.
    static func open(
        host: String, port: Int, connectTimeout: Duration, commandTimeout: Duration, implicitTLS: SMTPTLSUpgrade?,
        group: any EventLoopGroup, logger: Logger
    ) async throws(SMTPError) -> SMTPConnection {
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(TimeAmount(connectTimeout))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let implicitTLS { try channel.pipeline.syncOperations.addHandler(try implicitTLS.makeHandler()) }
                    try channel.pipeline.syncOperations.addHandler(SMTPChannelHandler(implicitTLS: implicitTLS != nil))
                }
            }
        do {
            let channel = try await bootstrap.connect(host: host, port: port).get()
            logger.debug("connected", metadata: ["smtp.host": "\(host)", "smtp.port": "\(port)"])
            return SMTPConnection(channel: channel, commandTimeout: TimeAmount(commandTimeout), logger: logger)
        } catch {
            throw SMTPError(transport: error)
        }
    }

    /// Waits for the server's greeting.
    func greeting() async throws(SMTPError) -> SMTPReply {
        try await exchange(bytes: [], logged: "greeting", upgrade: nil)
    }

    /// Sends one command and waits for its reply.
    func send(_ command: SMTPCommand) async throws(SMTPError) -> SMTPReply {
        try await exchange(bytes: command.wire, logged: command.logged, upgrade: nil)
    }

    /// Sends STARTTLS; on 220, TLS is set up before this returns (or throws ``SMTPError/tlsFailed(_:)``).
    func startTLS(_ upgrade: SMTPTLSUpgrade) async throws(SMTPError) -> SMTPReply {
        try await exchange(bytes: SMTPCommand.startTLS.wire, logged: SMTPCommand.startTLS.logged, upgrade: upgrade)
    }

    /// Closes the connection; never fails.
    func close() async {
        try? await channel.close()
    }

    private func exchange(bytes: [UInt8], logged: String, upgrade: SMTPTLSUpgrade?) async throws(SMTPError) -> SMTPReply {
        let channel = self.channel
        let reply = channel.eventLoop.makePromise(of: SMTPReply.self)
        let timeout = channel.eventLoop.scheduleTask(in: commandTimeout) {
            reply.fail(SMTPError.timeout(logged))
            channel.close(promise: nil)
        }
        reply.futureResult.whenComplete { _ in timeout.cancel() }
        let written = channel.eventLoop.makePromise(of: Void.self)
        written.futureResult.whenFailure { reply.fail(SMTPError(transport: $0)) }
        if !bytes.isEmpty { logger.trace("C: \(logged)") }
        channel.writeAndFlush(SMTPExchange(bytes: bytes, tlsUpgrade: upgrade, promise: reply), promise: written)
        do {
            let answer = try await reply.futureResult.get()
            logger.trace("S: \(answer)")
            return answer
        } catch {
            throw SMTPError(transport: error)
        }
    }
}
