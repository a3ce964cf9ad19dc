import NIOCore
import NIOWebSocket
import Synchronization

/// Writes a run of feed frames into a socket's channel with one flush, so a burst costs one system call per
/// few hundred frames instead of one per frame.
///
/// Hummingbird's `WebSocketOutboundWriter` flushes after every frame; under a burst (an import of thousands of
/// complaints, a thousand dashboards) those flushes took most of the server's CPU and starved intake. This
/// writer puts the frames into the same channel pipeline the library's writer feeds (through its frame
/// encoder), on the channel's event loop, so they stay in order with everything the library writes (heartbeats,
/// pings, the close frame). It is safe here because the feed negotiates no WebSocket extensions and a server never
/// masks. `write` returns when the socket has taken the last frame, which is the backpressure the hub's
/// slow-consumer check relies on; cancelling it stops the wait, not the write.
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
        try await CancellableWait.wait(for: written.futureResult)
    }
}

/// Awaits a future but gives up with `CancellationError` when the task is cancelled (an event-loop future
/// alone cannot be cancelled, and a stalled socket's write may never complete).
enum CancellableWait {
    static func wait(for future: EventLoopFuture<Void>) async throws {
        let gate = Gate()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                gate.arm(continuation)
                future.whenComplete { gate.open($0) }
            }
        } onCancel: {
            gate.open(.failure(CancellationError()))
        }
    }

    /// Resumes its continuation exactly once, with whichever result comes first; a result that comes before the
    /// continuation is armed is kept and delivered when it is.
    private final class Gate: Sendable {
        private enum State {
            case waiting
            case armed(CheckedContinuation<Void, any Error>)
            case opened(Result<Void, any Error>)
            case done
        }
        private let state = Mutex<State>(.waiting)

        func arm(_ continuation: CheckedContinuation<Void, any Error>) {
            let early: Result<Void, any Error>? = state.withLock { state in
                switch state {
                case .waiting:
                    state = .armed(continuation)
                    return nil
                case .opened(let result):
                    state = .done
                    return result
                case .armed, .done:
                    return nil
                }
            }
            if let early { continuation.resume(with: early) }
        }

        func open(_ result: Result<Void, any Error>) {
            let armed: CheckedContinuation<Void, any Error>? = state.withLock { state in
                switch state {
                case .waiting:
                    state = .opened(result)
                    return nil
                case .armed(let continuation):
                    state = .done
                    return continuation
                case .opened, .done:
                    return nil
                }
            }
            armed?.resume(with: result)
        }
    }
}
