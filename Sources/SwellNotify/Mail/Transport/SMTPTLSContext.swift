import NIOSSL

extension SMTPTLSOptions {
    /// The TLS client settings for `host`: TLS 1.2 or later, the configured roots and verification, and the
    /// server name (SNI is not sent for an IP address; the certificate is then checked against the IP).
    func upgrade(for host: String) throws(SMTPError) -> SMTPTLSUpgrade {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        switch trust {
        case .system: configuration.trustRoots = .default
        case .certificateFile(let path): configuration.trustRoots = .file(path)
        }
        switch certificateVerification {
        case .full: configuration.certificateVerification = .fullVerification
        case .none: configuration.certificateVerification = .none
        }
        let name = serverName ?? host
        do {
            let context = try NIOSSLContext(configuration: configuration)
            return SMTPTLSUpgrade(context: context, serverHostname: LoopbackHost.isIPAddress(name) ? nil : name)
        } catch {
            throw .tlsFailed("cannot set up TLS (\(trust)): \(error)")
        }
    }
}
