/// The conversation for one message, in RFC 5321 order: greeting, EHLO, STARTTLS and EHLO again, AUTH,
/// MAIL FROM, one RCPT TO per recipient, DATA and the content, QUIT.
struct SMTPDialogue {
    let connection: SMTPConnection
    let configuration: SMTPConfiguration
    /// Set unless the security is `.none`; used here for STARTTLS.
    let tls: SMTPTLSUpgrade?

    func deliver(recipients: [MailAddress], content: [UInt8], messageID: String) async throws(SMTPError) -> SMTPReceipt {
        let greeting = try await connection.greeting()
        guard greeting.code == 220 else { throw .rejected(command: "greeting", reply: greeting) }
        var capabilities = try await hello()
        if configuration.security == .startTLS, let tls {
            guard capabilities.startTLS else { throw .tlsFailed("\(configuration.host) does not offer STARTTLS") }
            let reply = try await connection.startTLS(tls)
            guard reply.code == 220 else { throw .rejected(command: SMTPCommand.startTLS.logged, reply: reply) }
            capabilities = try await hello()
        }
        if let credentials = configuration.credentials {
            try await authenticate(credentials, offered: capabilities.authMechanisms)
        }

        let sender = configuration.from
        if let limit = capabilities.maximumSize, limit > 0, content.count > limit {
            throw .messageTooLarge(size: content.count, limit: limit)
        }
        let international = ([sender] + recipients).filter(\.requiresSMTPUTF8)
        if let first = international.first, !capabilities.smtpUTF8 {
            throw .badAddress("\(first.address) needs SMTPUTF8, which \(configuration.host) does not offer")
        }
        var parameters: [String] = []
        if capabilities.maximumSize != nil { parameters.append("SIZE=\(content.count)") }
        if !international.isEmpty { parameters.append("SMTPUTF8") }
        try await command(.mailFrom(sender.address, parameters: parameters), expecting: 250)

        var accepted: [String] = []
        var rejected: [SMTPRecipientRejection] = []
        for recipient in recipients {
            let reply = try await connection.send(.rcptTo(recipient.address))
            if reply.code == 250 || reply.code == 251 {
                accepted.append(recipient.address)
            } else {
                rejected.append(SMTPRecipientRejection(address: recipient.address, reply: reply))
            }
        }
        guard !accepted.isEmpty else { throw .recipientsRejected(rejected) }

        try await command(.data, expecting: 354)
        let queued = try await command(.content(content), expecting: 250)
        _ = try? await connection.send(.quit)
        return SMTPReceipt(messageID: messageID, accepted: accepted, rejected: rejected, reply: queued)
    }

    /// EHLO, or HELO for a server that does not know EHLO (then without extensions).
    private func hello() async throws(SMTPError) -> SMTPCapabilities {
        let ehlo = SMTPCommand.ehlo(configuration.heloName)
        let reply = try await connection.send(ehlo)
        if reply.code == 250 { return SMTPCapabilities(ehlo: reply) }
        guard reply.code == 500 || reply.code == 502 else { throw .rejected(command: ehlo.logged, reply: reply) }
        try await command(.helo(configuration.heloName), expecting: 250)
        return SMTPCapabilities()
    }

    /// AUTH PLAIN when offered, else AUTH LOGIN.
    private func authenticate(_ credentials: SMTPConfiguration.Credentials, offered: [String]) async throws(SMTPError) {
        if offered.contains("PLAIN") {
            let reply = try await connection.send(.authPlain(username: credentials.username, password: credentials.password))
            guard reply.code == 235 else { throw .authenticationRejected(reply) }
        } else if offered.contains("LOGIN") {
            let steps: [(SMTPCommand, Int)] = [
                (.authLogin, 334),
                (.authLoginAnswer(credentials.username, label: "username"), 334),
                (.authLoginAnswer(credentials.password, label: "password"), 235),
            ]
            for (step, expected) in steps {
                let reply = try await connection.send(step)
                guard reply.code == expected else { throw .authenticationRejected(reply) }
            }
        } else {
            throw .authenticationUnavailable(offered: offered)
        }
    }

    /// Sends a command and insists on the reply: `expecting: 250` takes any 2xx, other codes must match exactly.
    @discardableResult
    private func command(_ command: SMTPCommand, expecting code: Int) async throws(SMTPError) -> SMTPReply {
        let reply = try await connection.send(command)
        let accepted = reply.code == code || (code == 250 && (200..<300).contains(reply.code))
        guard accepted else { throw .rejected(command: command.logged, reply: reply) }
        return reply
    }
}
