import Testing
@testable import SwellNotify

@Suite("SMTP wire format: replies, capabilities, DATA")
struct SMTPProtocolTests {
    @Test func aMultiLineReplyIsOneReplyWhateverTheReadBoundaries() throws {
        var parser = SMTPReplyParser()
        let wire = Array("250-mail.example greets you\r\n250-SIZE 1000\r\n250 STARTTLS\r\n220 next\r\n".utf8)
        var replies: [SMTPReply] = []
        for byte in wire { replies += try parser.feed([byte]) }
        #expect(replies == [
            SMTPReply(code: 250, lines: ["mail.example greets you", "SIZE 1000", "STARTTLS"]),
            SMTPReply(code: 220, lines: ["next"]),
        ])
        #expect(!parser.hasBufferedInput)
    }

    @Test func aBareCodeAndLFOnlyLinesAreAccepted() throws {
        var parser = SMTPReplyParser()
        let replies = try parser.feed(Array("354\n250-a\n250 b\n".utf8))
        #expect(replies == [
            SMTPReply(code: 354, lines: [""]), SMTPReply(code: 250, lines: ["a", "b"]),
        ])
    }

    @Test func aPartialReplyIsHeldUntilItsLastLine() throws {
        var parser = SMTPReplyParser()
        let none = try parser.feed(Array("250-one\r\n250 tw".utf8))
        #expect(none.isEmpty && parser.hasBufferedInput)
        let rest = try parser.feed(Array("o\r\n".utf8))
        #expect(rest == [SMTPReply(code: 250, lines: ["one", "two"])])
    }

    @Test(arguments: ["250-a\r\n550 b\r\n", "hello\r\n", "25\r\n", "250x\r\n", "099 low\r\n"])
    func malformedRepliesAreProtocolViolations(wire: String) {
        #expect(throws: SMTPError.self) {
            var parser = SMTPReplyParser()
            _ = try parser.feed(Array(wire.utf8))
        }
    }

    @Test func transientAndPermanentRepliesAreTold() {
        #expect(SMTPError.rejected(command: "MAIL", reply: .init(code: 451, lines: ["try later"])).isTransient)
        #expect(!SMTPError.rejected(command: "MAIL", reply: .init(code: 554, lines: ["no"])).isTransient)
        #expect(SMTPError.recipientsRejected([
            .init(address: "a@b.c", reply: .init(code: 550, lines: [])), .init(address: "d@b.c", reply: .init(code: 452, lines: [])),
        ]).isTransient)
        #expect(!SMTPError.authenticationRejected(.init(code: 535, lines: [])).isTransient)
        #expect(SMTPError.authenticationRejected(.init(code: 454, lines: [])).isTransient)
        #expect(SMTPError.connectionFailed("refused").isTransient && SMTPError.timeout("greeting").isTransient)
        #expect(!SMTPError.tlsFailed("untrusted").isTransient && !SMTPError.badAddress("x").isTransient)
    }

    @Test func ehloCapabilitiesAreRead() {
        let reply = SMTPReply(code: 250, lines: [
            "mx.example Hello", "8BITMIME", "SIZE 35882577", "AUTH LOGIN PLAIN", "AUTH=CRAM-MD5", "STARTTLS",
            "SMTPUTF8", "PIPELINING", "ENHANCEDSTATUSCODES",
        ])
        let capabilities = SMTPCapabilities(ehlo: reply)
        #expect(capabilities.startTLS && capabilities.eightBitMIME && capabilities.smtpUTF8 && capabilities.pipelining)
        #expect(capabilities.maximumSize == 35_882_577)
        #expect(capabilities.authMechanisms == ["LOGIN", "PLAIN", "CRAM-MD5"])
        #expect(SMTPCapabilities(ehlo: .init(code: 250, lines: ["mx"])) == SMTPCapabilities())
    }

    @Test func dataIsDotStuffedWithCRLFAndTerminated() {
        let encoded = SMTPDataEncoding.encode(Array("Subject: x\n\n.hidden\r\n.\r\n..two\rlast".utf8))
        #expect(String(decoding: encoded, as: UTF8.self) == "Subject: x\r\n\r\n..hidden\r\n..\r\n...two\r\nlast\r\n.\r\n")
        #expect(String(decoding: SMTPDataEncoding.encode(Array("a\r\n".utf8)), as: UTF8.self) == "a\r\n.\r\n")
    }

    @Test func authPlainIsBase64OfNulUserNulPasswordAndNeverLogged() {
        let command = SMTPCommand.authPlain(username: "swell", password: "s3cret")
        #expect(String(decoding: command.wire, as: UTF8.self) == "AUTH PLAIN AHN3ZWxsAHMzY3JldA==\r\n")
        #expect(!command.logged.contains("AHN3"))
        #expect(SMTPCommand.authLoginAnswer("s3cret", label: "password").logged == "AUTH LOGIN <password>")
    }
}

@Suite("Addresses and configuration")
struct MailAddressAndConfigurationTests {
    @Test(arguments: ["", "no-at", "a@", "@b.example", "a b@c.example", "a@b..example", "a@-b.example",
                      "a@b.example\r\nRCPT TO:<x@y>", "<a@b.example>", ".a@b.example", "a@b_c.example"])
    func malformedAddressesAreRefused(address: String) {
        #expect(throws: SMTPError.self) { try MailAddress(address) }
    }

    @Test func internationalAddressesNeedSMTPUTF8() throws {
        #expect(try MailAddress("张三@例子.中国").requiresSMTPUTF8)
        #expect(try !MailAddress("zhang.san+alerts@example.cn", displayName: "张三").requiresSMTPUTF8)
    }

    @Test func plaintextIsOnlyAllowedToLoopback() throws {
        let from = try MailAddress("alerts@swell.example")
        for host in ["localhost", "127.0.0.1", "127.8.9.1", "::1", "relay.localhost"] {
            #expect(throws: Never.self) { try SMTPConfiguration(host: host, security: .none, from: from).validate() }
        }
        for host in ["smtp.example.cn", "10.0.0.5", "128.0.0.1", "localhost.example.com"] {
            #expect(throws: SMTPError.self) { try SMTPConfiguration(host: host, security: .none, from: from).validate() }
        }
        #expect(SMTPConfiguration(host: "smtp.example.cn", from: from).port == 587)
        #expect(SMTPConfiguration(host: "smtp.example.cn", security: .implicitTLS, from: from).port == 465)
    }

    @Test func sendingPlaintextToARemoteHostFailsBeforeAnyConnection() async throws {
        let client = SMTPClient(configuration: .init(host: "smtp.example.cn", port: 25, security: .none, from: try MailAddress("a@b.example")))
        let message = MailMessage(to: [try MailAddress("c@d.example")], subject: "s", text: "t")
        await #expect(throws: SMTPError.self) { try await client.send(message) }
    }
}
