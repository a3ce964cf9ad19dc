import NIOCore
import NIOTLS

/// The SMTP end of the channel pipeline: turns bytes into replies and pairs each reply, in order, with the
/// ``SMTPExchange`` that waits for it. A reply that comes before anyone asks (the greeting) is kept for the
/// next exchange.
///
/// STARTTLS is done here, on the event loop, in the same read that brings the 220: the TLS handler goes in
/// front before another byte is read, and if the server sent anything after its 220 (plaintext that would be
/// taken as protected, the STARTTLS injection attack) the connection is dropped.
final class SMTPChannelHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = SMTPExchange
    typealias OutboundOut = ByteBuffer

    private var parser = SMTPReplyParser()
    private var waiting = CircularBuffer<SMTPExchange>()
    private var unclaimed = CircularBuffer<SMTPReply>()
    /// The STARTTLS reply, held back until the handshake completes.
    private var upgradeInProgress: (reply: SMTPReply, promise: EventLoopPromise<SMTPReply>)?
    /// True from the start for implicit TLS and from a STARTTLS 220 on, until the handshake completes.
    private var handshaking: Bool
    /// Set once the connection has failed; every later exchange fails with it.
    private var failure: SMTPError?

    init(implicitTLS: Bool) {
        handshaking = implicitTLS
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let exchange = unwrapOutboundIn(data)
        waiting.append(exchange)
        if exchange.bytes.isEmpty || failure != nil {
            promise?.succeed()
        } else {
            context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: exchange.bytes)), promise: promise)
        }
        // A reply already here (a 421 before the server closed, say) still answers the exchange after a failure;
        // an exchange with no reply left fails with what ended the connection.
        deliver(context: context)
        if let failure {
            while let waiter = waiting.popFirst() { waiter.promise.fail(failure) }
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        do {
            unclaimed.append(contentsOf: try parser.feed(buffer.readableBytesView))
        } catch {
            fail(context: context, with: error)
            return
        }
        deliver(context: context)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted = event as? TLSUserEvent {
            handshaking = false
            if let upgrade = upgradeInProgress {
                upgradeInProgress = nil
                upgrade.promise.succeed(upgrade.reply)
            }
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(context: context, with: .connectionFailed("the server closed the connection"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(context: context, with: SMTPError(transport: error))
    }

    private func deliver(context: ChannelHandlerContext) {
        while !waiting.isEmpty, !unclaimed.isEmpty {
            let exchange = waiting.removeFirst()
            let reply = unclaimed.removeFirst()
            guard let upgrade = exchange.tlsUpgrade, reply.code == 220 else {
                exchange.promise.succeed(reply)
                continue
            }
            guard unclaimed.isEmpty, !parser.hasBufferedInput, waiting.isEmpty else {
                exchange.promise.fail(SMTPError.protocolViolation("data after the STARTTLS reply, before TLS"))
                fail(context: context, with: .protocolViolation("data after the STARTTLS reply, before TLS"))
                return
            }
            do {
                try context.pipeline.syncOperations.addHandler(try upgrade.makeHandler(), position: .first)
            } catch {
                exchange.promise.fail(SMTPError(transport: error))
                fail(context: context, with: SMTPError(transport: error))
                return
            }
            handshaking = true
            upgradeInProgress = (reply, exchange.promise)
        }
    }

    private func fail(context: ChannelHandlerContext, with error: SMTPError) {
        var error = error
        if handshaking, case .connectionFailed(let why) = error { error = .tlsFailed("during the handshake: \(why)") }
        if failure == nil { failure = error }
        upgradeInProgress?.promise.fail(error)
        upgradeInProgress = nil
        while let exchange = waiting.popFirst() { exchange.promise.fail(error) }
        context.close(promise: nil)
    }
}
