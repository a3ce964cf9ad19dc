import Foundation
import NIOCore
import NIOPosix
import Testing
@testable import SwellNotify

/// Failures that need no SMTP server at all: nobody listening, and a listener that never speaks.
@Suite("SMTPClient when the server is not there")
struct SMTPClientNetworkFailureTests {
    func client(port: Int, commandTimeout: Duration = .seconds(5)) throws -> SMTPClient {
        SMTPClient(configuration: SMTPConfiguration(
            host: "127.0.0.1", port: port, security: .none, from: try MailAddress("alerts@swell.example"),
            connectTimeout: .seconds(10), commandTimeout: commandTimeout))
    }

    let message = MailMessage(to: [try! MailAddress("boss@swell.example")], subject: "s", text: "t")

    /// Refused, not timed out: the error says which (timings are for benchmarks, never asserted here).
    @Test func anUnreachablePortIsATransientConnectionError() async throws {
        // Bind a port, then close it: nothing listens there any more.
        let probe = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(probe.localAddress?.port)
        try await probe.close()

        let error = await #expect(throws: SMTPError.self) { try await client(port: port).send(message) }
        guard case .connectionFailed = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(error?.isTransient == true)
    }

    @Test func aServerThatNeverGreetsTimesOut() async throws {
        let silent = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(silent.localAddress?.port)
        defer { silent.close(promise: nil) }

        let error = await #expect(throws: SMTPError.self) {
            try await client(port: port, commandTimeout: .milliseconds(300)).send(message)
        }
        // The greeting's command time-out fired (a connect time-out or a hang would say otherwise).
        #expect(error == .timeout("greeting"))
        #expect(error?.isTransient == true)
    }
}
