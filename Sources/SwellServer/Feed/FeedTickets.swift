import Foundation
import Synchronization
import SwellCore
import SwellEngine

/// Short-lived, single-use tickets that let a browser open the feed: browsers cannot set headers on a
/// WebSocket, and a long-lived bearer token must never travel in a URL (it would end up in proxy and
/// access logs). A ticket is redeemed at most once, and only within `lifetime` of its issue.
final class FeedTickets: Sendable {
    let lifetime: Duration
    private let clock = ContinuousClock()
    private let issued = Mutex<[String: Entry]>([:])

    private struct Entry {
        var caller: Caller
        var expires: ContinuousClock.Instant
    }

    init(lifetime: Duration) {
        self.lifetime = lifetime
    }

    /// A new ticket for `caller`, 256 random bits as URL-safe base64.
    func issue(for caller: Caller) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let ticket = "tkt_" + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        let now = clock.now
        issued.withLock { issued in
            issued = issued.filter { $0.value.expires > now }  // expired tickets go away as new ones arrive
            issued[ticket] = Entry(caller: caller, expires: now.advanced(by: lifetime))
        }
        return ticket
    }

    /// The caller a ticket was issued to, if it is known, unused and unexpired; it cannot be redeemed again.
    func redeem(_ ticket: String) -> Caller? {
        let now = clock.now
        guard let entry = issued.withLock({ $0.removeValue(forKey: ticket) }), entry.expires > now else { return nil }
        return entry.caller
    }
}
