public import Foundation

/// Where one notification stands: one event to one channel.
public enum DeliveryState: String, Sendable, Codable, CaseIterable {
    /// Not tried yet, or waiting for its next attempt.
    case pending
    /// The peer took it.
    case sent
    /// The last attempt failed; another is due at `nextAttemptAt`.
    case failed
    /// Given up on after the retry period; it will not be tried again.
    case dead
}

/// One event to one channel: at most one per (event, channel), so nothing is sent twice by Swell's own doing.
public struct Delivery: Sendable, Codable, Equatable {
    public var id: DeliveryID?
    public var eventSeq: Int64
    public var eventType: EventType
    public var channelId: ChannelID
    public var channelName: String
    public var state: DeliveryState
    public var attempts: Int
    public var createdAt: Date
    /// When the next attempt is due (pending and failed deliveries).
    public var nextAttemptAt: Date?
    public var lastAttemptAt: Date?
    /// The last failure, for people: an HTTP status and what the peer said, or the connection error.
    public var lastError: String?
    public var lastStatus: Int?
    public var sentAt: Date?
    /// The language the playbook rule asked for (`zh`, `en`); nil uses the channel's.
    public var language: String?

    public init(
        id: DeliveryID? = nil, eventSeq: Int64, eventType: EventType, channelId: ChannelID, channelName: String,
        createdAt: Date, language: String? = nil
    ) {
        self.id = id
        self.eventSeq = eventSeq
        self.eventType = eventType
        self.channelId = channelId
        self.channelName = channelName
        self.state = .pending
        self.attempts = 0
        self.createdAt = createdAt
        self.nextAttemptAt = createdAt
        self.language = language
    }
}

/// How long and how often a failed delivery is tried again: exponential backoff with jitter, from
/// `initialDelay` doubling up to `maximumDelay`, for `giveUpAfter` from the delivery's creation; then it is dead.
/// A peer's `Retry-After` (on 429 or 503) is honoured when it asks for longer.
public struct DeliveryRetryPolicy: Sendable, Equatable {
    public var initialDelay: TimeInterval
    public var maximumDelay: TimeInterval
    public var giveUpAfter: TimeInterval

    public init(initialDelay: TimeInterval = 2, maximumDelay: TimeInterval = 300, giveUpAfter: TimeInterval = 24 * 3600) {
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.giveUpAfter = giveUpAfter
    }

    /// 2 s, 4 s, 8 s … at most 5 minutes apart, for 24 hours.
    public static let standard = DeliveryRetryPolicy()

    /// When to try again after `attempts` failed attempts, at `now`; nil once the retry period is over (dead).
    /// `jitter` (0…1) spreads retries of many deliveries: the delay is scaled by 0.5 + jitter / 2.
    public func nextAttempt(afterFailures attempts: Int, createdAt: Date, now: Date, retryAfter: TimeInterval?, jitter: Double) -> Date? {
        let exponent = Double(max(0, min(attempts - 1, 30)))
        let backoff = min(maximumDelay, initialDelay * pow(2, exponent)) * (0.5 + min(max(jitter, 0), 1) / 2)
        let delay = max(backoff, min(retryAfter ?? 0, maximumDelay * 12))
        let next = now.addingTimeInterval(delay)
        return next.timeIntervalSince(createdAt) > giveUpAfter ? nil : next
    }
}
