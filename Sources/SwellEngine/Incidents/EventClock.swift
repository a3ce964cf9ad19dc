import Foundation
import SwellCore

/// Event time: the newest instant the event log has reached. Complaints' `receivedAt` (carried by the
/// detector's `cluster.*` events), warnings and incident events move it; `complaint.received` and token
/// events are stamped with the wall clock when stored, so they do not.
struct EventClock: Sendable {
    private(set) var now: Date?

    static let wallClockTypes: Set<EventType> = [.complaintReceived, .tokenCreated, .tokenRevoked]

    /// Moves the clock forward to an event's time, if the event carries event time.
    mutating func observe(_ event: Event) {
        guard !Self.wallClockTypes.contains(event.type) else { return }
        advance(to: event.at)
    }

    mutating func advance(to instant: Date) {
        if let now, now >= instant { return }
        now = instant
    }
}
