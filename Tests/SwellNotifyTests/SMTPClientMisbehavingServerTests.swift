import Testing
@testable import SwellNotify

/// Servers that do what a good one would not, scripted line by line.
@Suite("SMTPClient against a misbehaving server")
struct SMTPClientMisbehavingServerTests {
    let message = MailMessage(to: [try! MailAddress("boss@swell.example")], subject: "s", text: "t")

    func send(to server: ScriptedSMTPServer, security: SMTPConfiguration.Security = .none) async -> SMTPError? {
        let configuration = SMTPConfiguration(
            host: "127.0.0.1", port: server.port, security: security, tls: .init(certificateVerification: .none),
            from: try! MailAddress("alerts@swell.example"), connectTimeout: .seconds(2), commandTimeout: .seconds(2))
        do {
            try await SMTPClient(configuration: configuration).send(message)
            return nil
        } catch {
            return error
        }
    }

    @Test func plaintextSentAfterTheSTARTTLSReplyIsRefusedNotTrusted() async throws {
        // The STARTTLS injection attack: a "250" planted right behind the 220 would otherwise be read as if it
        // had come through TLS.
        let server = try await ScriptedSMTPServer.start(
            greeting: "220 fake ESMTP\r\n",
            replies: ["250-fake\r\n250 STARTTLS\r\n", "220 go ahead\r\n250-injected\r\n250 AUTH PLAIN\r\n"])
        let error = await send(to: server, security: .startTLS)
        await server.stop()
        guard case .protocolViolation = error else { Issue.record("got \(String(describing: error))"); return }
    }

    @Test func aRefusingGreetingIsAPermanentRejection() async throws {
        let server = try await ScriptedSMTPServer.start(greeting: "554 5.3.2 no service for you\r\n", replies: [])
        let error = await send(to: server)
        await server.stop()
        #expect(error == .rejected(command: "greeting", reply: SMTPReply(code: 554, lines: ["5.3.2 no service for you"])))
        #expect(error?.isTransient == false)
    }

    @Test func aServerThatHangsUpMidDialogueIsATransientConnectionError() async throws {
        let server = try await ScriptedSMTPServer.start(greeting: "220 fake\r\n", replies: ["250 fake\r\n", nil])
        let error = await send(to: server)
        await server.stop()
        guard case .connectionFailed = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(error?.isTransient == true)
    }

    @Test func aBusyServerAnswering421IsTransient() async throws {
        let server = try await ScriptedSMTPServer.start(
            greeting: "220 fake\r\n", replies: ["250 fake\r\n", "421 4.3.2 shutting down\r\n", nil])
        let error = await send(to: server)
        await server.stop()
        #expect(error == .rejected(command: "MAIL FROM:<alerts@swell.example>", reply: SMTPReply(code: 421, lines: ["4.3.2 shutting down"])))
        #expect(error?.isTransient == true)
    }

    @Test func anInternationalAddressIsRefusedBeforeMAILWhenTheServerLacksSMTPUTF8() async throws {
        let server = try await ScriptedSMTPServer.start(greeting: "220 fake\r\n", replies: ["250-fake\r\n250 8BITMIME\r\n"])
        var message = message
        message.to = [try MailAddress("张经理@swell.example")]
        let configuration = SMTPConfiguration(
            host: "127.0.0.1", port: server.port, security: .none, from: try MailAddress("alerts@swell.example"),
            commandTimeout: .seconds(2))
        let error = await #expect(throws: SMTPError.self) { try await SMTPClient(configuration: configuration).send(message) }
        await server.stop()
        guard case .badAddress(let why) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(why.contains("SMTPUTF8"))
    }

    @Test func aServerWithoutEHLOIsGreetedWithHELO() async throws {
        let server = try await ScriptedSMTPServer.start(
            greeting: "220 old\r\n",
            replies: ["502 what?\r\n", "250 old\r\n", "250 ok\r\n", "250 ok\r\n", "354 go\r\n", "250 queued\r\n", "221 bye\r\n"])
        let error = await send(to: server)
        await server.stop()
        #expect(error == nil)
    }
}
