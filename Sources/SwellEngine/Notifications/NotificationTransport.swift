import Foundation
import SwellCore

/// What one attempt to reach a channel's peer came to.
public enum DeliveryOutcome: Sendable, Equatable {
    /// The peer took it.
    case sent(status: Int?)
    /// It did not, for now: try again later (at least `retryAfter` seconds later, when the peer said so).
    case failed(status: Int?, error: String, retryAfter: TimeInterval?)
    /// It never will as configured (no URL, no recipients): dead at once.
    case rejected(error: String)
}

/// Sends one message to one channel's peer. The live one speaks HTTP (webhooks, robots) and SMTP (e-mail).
public protocol NotificationTransport: Sendable {
    func send(_ event: Event, message: NotificationMessage, channel: NotificationChannel, delivery: DeliveryID, now: Date) async -> DeliveryOutcome
}
