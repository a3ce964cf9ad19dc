import NIOCore
import NIOPosix

/// A misbehaving SMTP server for the cases aiosmtpd will not play: it sends its greeting, then answers each
/// line the client sends with the next entry of the script, sent as one write; nil closes the connection.
/// After a 354 it takes the message content silently, up to the lone ".", and answers that with the next entry.
struct ScriptedSMTPServer {
    let channel: any Channel

    var port: Int { channel.localAddress?.port ?? 0 }

    static func start(greeting: String?, replies: [String?]) async throws -> ScriptedSMTPServer {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(ScriptHandler(greeting: greeting, replies: replies))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return ScriptedSMTPServer(channel: channel)
    }

    func stop() async {
        try? await channel.close()
    }
}

private final class ScriptHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let greeting: String?
    private var replies: [String?]
    private var received: [UInt8] = []
    private var inContent = false

    init(greeting: String?, replies: [String?]) {
        self.greeting = greeting
        self.replies = replies
    }

    func channelActive(context: ChannelHandlerContext) {
        send(greeting, context: context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        received += unwrapInboundIn(data).readableBytesView
        while let end = received.firstIndex(of: UInt8(ascii: "\n")) {
            let line = received[..<end]
            received.removeSubrange(...end)
            if inContent {
                guard line.elementsEqual(".\r".utf8) else { continue }
                inContent = false
            }
            guard !replies.isEmpty else { return }
            let reply = replies.removeFirst()
            inContent = reply?.hasPrefix("354") == true
            send(reply, context: context)
        }
    }

    private func send(_ text: String?, context: ChannelHandlerContext) {
        guard let text else {
            context.close(promise: nil)
            return
        }
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: text)), promise: nil)
    }
}
