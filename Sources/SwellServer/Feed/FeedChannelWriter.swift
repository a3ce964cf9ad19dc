import NIOCore
import NIOWebSocket

/// Writes a run of feed frames into a socket's channel with one flush, so a burst costs one system call per
/// few hundred frames instead of one per frame.
///
/// Hummingbird's `WebSocketOutboundWriter` flushes after every frame; under a burst (an import of thousands of
/// complaints, a thousand dashboards) those flushes took most of the server's CPU and starved intake. This
/// writer puts the frames into the same channel pipeline the library's writer feeds (through its frame
/// encoder), on the channel's event loop, so they stay in order with everything the library writes (heartbeats,
/// pings, the close frame). It is safe here because the feed negotiates no WebSocket extensions and a server never
/// masks. `write` returns when the socket has taken the last frame, which is the backpressure the hub's
/// slow-consumer check relies on.
struct FeedChannelWriter: Sendable {
    let channel: any NIOCore.Channel

    func write(_ texts: [ByteBuffer]) async throws {
        guard !texts.isEmpty else { return }
        let written = channel.eventLoop.makePromise(of: Void.self)
        let channel = self.channel
        channel.eventLoop.execute {
            for (index, text) in texts.enumerated() {
                let frame = WebSocketFrame(fin: true, opcode: .text, data: text)
                channel.write(frame, promise: index == texts.count - 1 ? written : nil)
            }
            channel.flush()
        }
        // A stalled socket may never take the frames: cancelling fails the promise (NIO ignores its later
        // completion), which ends the wait but not the write.
        try await withTaskCancellationHandler {
            try await written.futureResult.get()
        } onCancel: {
            written.fail(CancellationError())
        }
    }

    /// Returns once the socket has taken every frame queued before now. It writes a ping (clients answer it or
    /// ignore it) and waits for it to go out: frames leave in order, so all before it went too. Closing the
    /// connection's output drops writes still queued in the channel, so a close must wait for this first.
    func drained() async throws {
        let taken = channel.eventLoop.makePromise(of: Void.self)
        let channel = self.channel
        channel.eventLoop.execute {
            channel.writeAndFlush(WebSocketFrame(fin: true, opcode: .ping, data: ByteBuffer()), promise: taken)
        }
        try await withTaskCancellationHandler {
            try await taken.futureResult.get()
        } onCancel: {
            taken.fail(CancellationError())
        }
    }
}
