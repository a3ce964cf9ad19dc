import ServiceLifecycle

/// Closes every feed socket with 1001 ("going away") at the start of a graceful shutdown, before the HTTP
/// server stops. Run it after the application in the same `ServiceGroup` (shutdown goes in reverse order):
/// otherwise the WebSocket library closes the sockets itself with 1000 when the server stops.
public struct FeedShutdown: Service {
    let hub: FeedHub
    let patience: Duration

    public init(hub: FeedHub, patience: Duration = .seconds(5)) {
        self.hub = hub
        self.patience = patience
    }

    public func run() async throws {
        try? await gracefulShutdown()
        hub.endAll(.shuttingDown)
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: patience)
        while hub.subscriberCount > 0, clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}
