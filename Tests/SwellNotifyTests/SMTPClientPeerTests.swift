import Foundation
import Testing
@testable import SwellNotify

/// The client against a real, independent SMTP server: aiosmtpd, decoding what arrives with Python's `email`.
@Suite(
    "SMTPClient against aiosmtpd",
    .enabled(if: SMTPPeer.canRun, "needs .build/e2e-venv with aiosmtpd (run scripts/setup) and openssl"))
struct SMTPClientPeerTests {
    let subject = "【红色预警】某某商场 12315 投诉两小时内增至 48 起"
    let text = "王经理：\n预警已升级为红色，请立即协调。\n— Swell"
    let html = "<p>王经理：</p><p>预警已升级为<b style=\"color:red\">红色</b>，请立即协调。</p>"

    func configuration(
        _ peer: SMTPPeer, host: String = "127.0.0.1", security: SMTPConfiguration.Security = .none,
        tls: SMTPTLSOptions = .init(), credentials: SMTPConfiguration.Credentials? = nil
    ) throws -> SMTPConfiguration {
        SMTPConfiguration(
            host: host, port: peer.port, security: security, tls: tls, credentials: credentials,
            from: try MailAddress("alerts@swell.example", displayName: "Swell 预警"), heloName: "swell.test",
            connectTimeout: .seconds(5), commandTimeout: .seconds(15))  // generous: the machine may be busy
    }

    func message(to recipients: [String], transferEncoding: MIMETransferEncoding = .base64, text: String? = nil) throws -> MailMessage {
        MailMessage(
            to: try recipients.map { try MailAddress($0) }, subject: subject, text: text ?? self.text, html: html,
            headers: ["Swell-Delivery-Id": "dlv-7f3a"], transferEncoding: transferEncoding)
    }

    var trustTheTestCertificate: SMTPTLSOptions {
        get throws { SMTPTLSOptions(trust: .certificateFile(try TestCertificate.shared().certificatePath)) }
    }

    @Test func plainOnLocalhostDeliversBothBodiesToEveryRecipient() async throws {
        try await withSMTPPeer { peer in
            let receipt = try await SMTPClient(configuration: try configuration(peer))
                .send(try message(to: ["boss@swell.example", "duty@swell.example", "pr@swell.example"]))

            #expect(receipt.accepted == ["boss@swell.example", "duty@swell.example", "pr@swell.example"])
            #expect(receipt.rejected.isEmpty)
            #expect(receipt.reply.code == 250)
            let mail = try #require(try peer.messages().first)
            #expect(try peer.messages().count == 1)
            #expect(mail.mailFrom == "alerts@swell.example")
            #expect(mail.rcptTos == ["boss@swell.example", "duty@swell.example", "pr@swell.example"])
            #expect(mail.mailOptions.contains { $0.hasPrefix("SIZE=") })
            #expect(mail.contentType == "multipart/alternative")
            #expect(mail.subject == subject)
            #expect(mail.from == "Swell 预警 <alerts@swell.example>")
            #expect(mail.text.map(lf) == text)
            #expect(mail.html.map(lf) == html)
            #expect(mail.headers["Swell-Delivery-Id"] == "dlv-7f3a")
            #expect(mail.headers["Message-ID"] == "<\(receipt.messageID)>")
            #expect(mail.defects.isEmpty)
            #expect(!mail.tls)
        }
    }

    @Test func linesOfDotsSurviveTheDataPhase() async throws {
        // Quoted-printable leaves a leading "." as it is, so only dot-stuffing keeps "." from ending DATA early.
        let dotty = "第一行\n.\n..\n.hidden\nlast"
        try await withSMTPPeer { peer in
            try await SMTPClient(configuration: try configuration(peer))
                .send(try message(to: ["duty@swell.example"], transferEncoding: .quotedPrintable, text: dotty))
            let mail = try #require(try peer.messages().first)
            #expect(mail.raw.contains("\r\n.\r\n..\r\n.hidden\r\n"))
            #expect(mail.text.map(lf) == dotty)
        }
    }

    @Test func anInternationalAddressGoesWithSMTPUTF8() async throws {
        try await withSMTPPeer { peer in
            try await SMTPClient(configuration: try configuration(peer)).send(try message(to: ["张经理@swell.example"]))
            let mail = try #require(try peer.messages().first)
            #expect(mail.rcptTos == ["张经理@swell.example"])
            #expect(mail.mailOptions.contains("SMTPUTF8"))
            #expect(mail.to == "张经理@swell.example")
        }
    }

    @Test func startTLSThenAuthPlainWithTheCertificateVerified() async throws {
        try await withSMTPPeer(.init(startTLS: true, auth: ("swell", "s3cret"))) { peer in
            let configuration = try configuration(
                peer, host: "localhost", security: .startTLS, tls: try trustTheTestCertificate,
                credentials: .init(username: "swell", password: "s3cret"))
            try await SMTPClient(configuration: configuration).send(try message(to: ["boss@swell.example"]))
            let mail = try #require(try peer.messages().first)
            #expect(mail.tls)
            #expect(mail.authLogin == "swell")
            #expect(mail.authMechanism == "PLAIN")
            #expect(mail.subject == subject)
        }
    }

    @Test func authLoginWhenThatIsAllTheServerOffers() async throws {
        try await withSMTPPeer(.init(startTLS: true, auth: ("swell", "s3cret"), excludedMechanisms: ["PLAIN"])) { peer in
            let configuration = try configuration(
                peer, host: "localhost", security: .startTLS, tls: try trustTheTestCertificate,
                credentials: .init(username: "swell", password: "s3cret"))
            try await SMTPClient(configuration: configuration).send(try message(to: ["boss@swell.example"]))
            #expect(try peer.messages().first?.authMechanism == "LOGIN")
        }
    }

    @Test func aWrongPasswordIsAPermanentAuthenticationError() async throws {
        try await withSMTPPeer(.init(startTLS: true, auth: ("swell", "s3cret"))) { peer in
            let configuration = try configuration(
                peer, host: "localhost", security: .startTLS, tls: try trustTheTestCertificate,
                credentials: .init(username: "swell", password: "wrong"))
            let error = await #expect(throws: SMTPError.self) {
                try await SMTPClient(configuration: configuration).send(try message(to: ["boss@swell.example"]))
            }
            guard case .authenticationRejected(let reply) = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(reply.code == 535)
            #expect(error?.isTransient == false)
            let received = try peer.messages()
            #expect(received.isEmpty)
        }
    }

    @Test func implicitTLSFromTheFirstByte() async throws {
        try await withSMTPPeer(.init(implicitTLS: true)) { peer in
            let configuration = try configuration(peer, host: "127.0.0.1", security: .implicitTLS, tls: try trustTheTestCertificate)
            try await SMTPClient(configuration: configuration).send(try message(to: ["boss@swell.example"]))
            #expect(try peer.messages().first?.tls == true)
        }
    }

    @Test func anUntrustedCertificateFailsTLSAndSendsNothing() async throws {
        try await withSMTPPeer(.init(startTLS: true)) { peer in
            let configuration = try configuration(peer, host: "localhost", security: .startTLS)  // the system's roots
            let error = await #expect(throws: SMTPError.self) {
                try await SMTPClient(configuration: configuration).send(try message(to: ["boss@swell.example"]))
            }
            guard case .tlsFailed = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(error?.isTransient == false)
            let received = try peer.messages()
            #expect(received.isEmpty)
        }
    }

    @Test func noVerificationIsAnExplicitOptionForTests() async throws {
        try await withSMTPPeer(.init(startTLS: true)) { peer in
            let configuration = try configuration(
                peer, host: "localhost", security: .startTLS, tls: SMTPTLSOptions(certificateVerification: .none))
            try await SMTPClient(configuration: configuration).send(try message(to: ["boss@swell.example"]))
            #expect(try peer.messages().first?.tls == true)
        }
    }

    @Test func aServerWithoutSTARTTLSIsNotUsedInPlaintext() async throws {
        try await withSMTPPeer { peer in
            let error = await #expect(throws: SMTPError.self) {
                try await SMTPClient(configuration: try configuration(peer, host: "localhost", security: .startTLS))
                    .send(try message(to: ["boss@swell.example"]))
            }
            guard case .tlsFailed(let why) = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(why.contains("STARTTLS"))
            let received = try peer.messages()
            #expect(received.isEmpty)
        }
    }

    @Test func aRecipientRejectedWith550IsAPermanentError() async throws {
        try await withSMTPPeer(.init(rejections: ["gone@swell.example": "550 5.1.1 <gone@swell.example>: user unknown"])) { peer in
            let error = await #expect(throws: SMTPError.self) {
                try await SMTPClient(configuration: try configuration(peer)).send(try message(to: ["gone@swell.example"]))
            }
            guard case .recipientsRejected(let rejections) = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(rejections.map(\.address) == ["gone@swell.example"])
            #expect(rejections.first?.reply.code == 550)
            #expect(rejections.first?.reply.text.contains("user unknown") == true)
            #expect(error?.isTransient == false)
            let received = try peer.messages()
            #expect(received.isEmpty)
        }
    }

    @Test func aTemporarilyRefusedRecipientIsReportedWhileTheOthersGetTheMessage() async throws {
        try await withSMTPPeer(.init(rejections: ["full@swell.example": "452 4.2.2 mailbox full"])) { peer in
            let receipt = try await SMTPClient(configuration: try configuration(peer))
                .send(try message(to: ["full@swell.example", "boss@swell.example"]))
            #expect(receipt.accepted == ["boss@swell.example"])
            #expect(receipt.rejected.map(\.reply.code) == [452])
            #expect(receipt.rejected.allSatisfy { $0.reply.isTransientNegative })
            #expect(try peer.messages().map(\.rcptTos) == [["boss@swell.example"]])
        }
    }
}

private func lf(_ text: String) -> String { text.replacingOccurrences(of: "\r\n", with: "\n") }
