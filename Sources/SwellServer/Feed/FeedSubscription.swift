import Synchronization

/// Why the hub ended a subscription.
enum FeedEnd: Sendable, Equatable {
    /// It stayed too far behind without catching up: the socket did not keep up.
    case slowConsumer
    /// The server is shutting down.
    case shuttingDown
}

/// One socket's place in the hub's shared backlog: a doorbell the hub rings whenever there is something new, the
/// last seq the socket has written (which the hub watches to find slow consumers), and why it ended.
final class FeedSubscription: Sendable {
    let id: Int
    /// The last seq the hub had published when this subscription began; nil if the hub had not started.
    let startHead: Int64?
    /// Rings after every publish and heartbeat. It holds at most one ring, so a busy session that reads everything
    /// new on each ring never misses one and never queues more than one.
    let doorbell: AsyncStream<Void>
    private let ringer: AsyncStream<Void>.Continuation
    /// Finishes when the hub ends the subscription, so a session blocked writing to a stalled socket can be
    /// interrupted instead of waiting for writability that never comes.
    let ended: AsyncStream<Void>
    private let endedContinuation: AsyncStream<Void>.Continuation
    private let progress: Mutex<Progress>

    private struct Progress {
        var written: Int64
        var queued: Int64
        /// The first seq of complaint events a summary-mode session holds back, counted but not yet sent.
        var heldFrom: Int64?
        /// When it was last seen more than the limit behind without having caught up since, and how far behind.
        var behind: (since: ContinuousClock.Instant, lag: Int64)?
        var end: FeedEnd?
    }

    /// How many heartbeats the hub had made when this subscription began; the session sends only newer ones.
    let heartbeatsAtStart: Int

    /// Which published events are worth waking its session for.
    let interest: FeedInterest

    init(id: Int, startHead: Int64?, heartbeatsAtStart: Int, interest: FeedInterest = .everything) {
        self.id = id
        self.startHead = startHead
        self.heartbeatsAtStart = heartbeatsAtStart
        self.interest = interest
        progress = Mutex(Progress(written: startHead ?? 0, queued: startHead ?? 0))
        (doorbell, ringer) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        (ended, endedContinuation) = AsyncStream<Void>.makeStream()
        ringer.yield()
    }

    /// Why it ended, once the hub ended it.
    var end: FeedEnd? { progress.withLock { $0.end } }

    /// The last seq this subscriber has written to its socket.
    var written: Int64 { progress.withLock { $0.written } }

    /// Where the session starts: every event up to `seq` counts as written (its `since`, or the head).
    func start(at seq: Int64) {
        progress.withLock {
            $0.written = seq
            $0.queued = seq
        }
    }

    /// Records that the socket has taken every event up to `seq`.
    func wrote(through seq: Int64) {
        progress.withLock {
            $0.written = max($0.written, seq)
            $0.queued = max($0.queued, seq)
        }
    }

    /// The last seq handed to the connection. Frames already handed over still go out ahead of a close frame, so
    /// this (not `written`) is where a client that reads up to the close frame resumes. Events held back for a
    /// summary not yet sent do not count: a client resuming from here counts them again.
    var queued: Int64 { progress.withLock { min($0.queued, ($0.heldFrom ?? .max) - 1) } }

    /// Where a client resumes when frames queued behind a failure may be lost: what was surely written, less
    /// anything held back for a summary.
    var surelyWritten: Int64 { progress.withLock { min($0.written, ($0.heldFrom ?? .max) - 1) } }

    /// Records that events from `seq` on are held for a summary (nil: nothing is held).
    func holding(from seq: Int64?) {
        progress.withLock { $0.heldFrom = seq }
    }

    /// Records that every event up to `seq` has been handed to the connection (it may not have taken them yet).
    func queued(through seq: Int64) {
        progress.withLock { $0.queued = max($0.queued, seq) }
    }

    func ring() {
        ringer.yield()
    }

    /// Whether a run just published (its types, the head before and after it) is worth waking the session for: it
    /// holds an event the session sends or counts, or the session has fallen `catchUpLag` events behind (so it reads
    /// before the backlog forgets what it has not read). A run of nothing but events it skips does not wake it;
    /// when it had written everything before the run, it has in effect taken the run too, and its cursor moves past
    /// it here — the session starts its next read from there (`FeedSession`), so a socket that asked only for
    /// warnings neither wakes nor reads for the thousands of complaint events of an import.
    ///
    /// Counted events always wake a counting session, although it sends a count at most once a second: measured with a
    /// thousand dashboards, leaving them asleep while a count was held made each one read a second of events at
    /// once when the count fell due or a warning came, and warnings went out later (`BENCHMARKS.md`, feed fan-out).
    func shouldRing(for types: EventTypeSet, after previousHead: Int64, head: Int64, catchUpLag: Int64) -> Bool {
        if types.intersects(interest.sent) || types.intersects(interest.summarised) { return true }
        return progress.withLock { progress in
            if progress.written == previousHead {
                progress.written = head
                progress.queued = max(progress.queued, head)
                return false
            }
            return head - progress.written >= catchUpLag
        }
    }

    /// True once the subscriber has been more than `limit` events behind `head` for `patience` without getting
    /// any closer: a socket working through a burst or a long `since` replay gains on the head and is let be (each
    /// gain starts a new period); a stalled socket, or one falling further behind, does not.
    func isSlow(head: Int64, limit: Int, patience: Duration, now: ContinuousClock.Instant) -> Bool {
        progress.withLock { progress in
            let lag = head - progress.written
            guard lag > Int64(limit) else {
                progress.behind = nil
                return false
            }
            guard let behind = progress.behind else {
                progress.behind = (now, lag)
                return false
            }
            guard now - behind.since >= patience else { return false }
            if lag < behind.lag {
                progress.behind = (now, lag)
                return false
            }
            return true
        }
    }

    func finish(_ reason: FeedEnd) {
        progress.withLock { if $0.end == nil { $0.end = reason } }
        ringer.finish()
        endedContinuation.finish()
    }
}
