/// How the live feed behaves; defaults suit production, tests shorten the times.
public struct FeedConfiguration: Sendable {
    /// How far (in events) a subscriber may fall behind the newest event. The hub keeps this many recent events
    /// in memory, shared by every subscriber; one further behind reads from the store, and one that stays further
    /// behind for `slowConsumerPatience` without getting closer is disconnected as a slow consumer (close code 4008), so it can never hold
    /// back ingest or other subscribers.
    public var bufferSize: Int
    /// How long a subscriber may stay more than `bufferSize` events behind without gaining on the head: one that
    /// gains (working through a big import or a long replay) starts a new period; a stalled socket is let go.
    public var slowConsumerPatience: Duration
    /// How long the hub waits after a wake-up before it reads the log, so commits that land together go out
    /// together (each socket write then carries several events).
    public var publishDelay: Duration = .milliseconds(5)
    /// The wait instead while a burst goes on (the last read brought at least `burstSize` events): a publish wakes
    /// every socket that sends or counts complaint events (each dashboard), so during an import fewer, larger
    /// publishes leave the cores to ingest and to the events that must go out at once. The first wake-up after a burst waits this long too; then `publishDelay` again.
    public var burstPublishDelay: Duration = .milliseconds(25)
    public var burstSize = 256
    /// How often, at most, a `mode=summary` socket gets a `complaints.arrived` count.
    public var summaryInterval: Duration = .seconds(1)
    /// How often every subscriber gets `{"type":"heartbeat","seq":<head>}` (WebSocket pings run as well, every 30 s).
    public var heartbeatInterval: Duration
    /// How long a ticket from `POST /v1/feed/ticket` may wait before it is used.
    public var ticketLifetime: Duration
    /// How often the hub reads the log without a wake-up (another process may append to the same SQLite file).
    public var pollInterval: Duration
    /// How long a socket dropped as a slow consumer stays open for its queued frames and the 4008 close frame to
    /// drain (a client that resumes reading within it learns where to resume); then the connection is cut.
    public var slowConsumerCloseGrace: Duration
    /// The same bound when the server shuts down, kept short so shutdown is never held up by a stalled socket.
    public var shutdownCloseGrace: Duration

    public init(
        bufferSize: Int = 4096, slowConsumerPatience: Duration = .seconds(10), heartbeatInterval: Duration = .seconds(15), ticketLifetime: Duration = .seconds(30),
        pollInterval: Duration = .seconds(1), slowConsumerCloseGrace: Duration = .seconds(30),
        shutdownCloseGrace: Duration = .seconds(2)
    ) {
        self.bufferSize = bufferSize
        self.slowConsumerPatience = slowConsumerPatience
        self.heartbeatInterval = heartbeatInterval
        self.ticketLifetime = ticketLifetime
        self.pollInterval = pollInterval
        self.slowConsumerCloseGrace = slowConsumerCloseGrace
        self.shutdownCloseGrace = shutdownCloseGrace
    }
}
