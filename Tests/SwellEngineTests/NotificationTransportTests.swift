import Foundation
import NIOCore
import SwellCore
import Testing

@testable import SwellEngine

/// The live HTTP transport against a real socket: a receiver that refuses the connection is reported as refused at
/// once, not after the request's deadline (the notifier retries by itself; a person testing a channel waits).
@Suite struct NotificationTransportTests {
    @Test func aRefusedConnectionFailsAtOnceNotAtTheDeadline() async throws {
        // A port nobody listens on: bound, then closed
        let socket = try ServerSocketPort.reserve()
        let transport = LiveNotificationTransport(mail: nil, timeout: .seconds(600))
        let channel = NotificationChannel(
            name: "down", kind: .webhook, settings: NotificationChannelSettings(url: "http://127.0.0.1:\(socket)/hook", secret: "whsec_x"),
            createdAt: Date(), createdBy: "test")
        let event = Event(seq: 1, draft: EventDraft(type: .warningRaised, at: Date(), payload: "{}"), hash: "")
        let message = NotificationMessage(title: "t", level: .blue, lines: [], link: "http://swell.example/")
        let outcome = try await withThrowingTaskGroup(of: DeliveryOutcome?.self) { group in
            group.addTask { await transport.send(event, message: message, channel: channel, delivery: DeliveryID(1), now: Date()) }
            // Far below the 600 s deadline: only a transport that waits the deadline out gets here first
            group.addTask { try await Task.sleep(for: .seconds(60)); return nil }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
        let failed = try #require(outcome, "a refused connection waited for the deadline")
        #expect("\(failed)".lowercased().contains("refused"), "\(failed)")
    }
}

/// A loopback port that was free a moment ago and has nothing listening on it now.
enum ServerSocketPort {
    static func reserve() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
