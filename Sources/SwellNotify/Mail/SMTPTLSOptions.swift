/// Which server certificates to trust. The default, the system trust store with full verification (chain and
/// host name), is the only setting for production.
public struct SMTPTLSOptions: Sendable, Equatable {
    /// Where trusted roots come from.
    public enum Trust: Sendable, Equatable {
        /// The operating system's trust store.
        case system
        /// A PEM file of CA certificates (or a directory of them), e.g. a company CA or a test's own.
        case certificateFile(String)
    }

    /// How strictly the server's certificate is checked.
    public enum CertificateVerification: Sendable, Equatable {
        /// Chain to a trusted root and a name that matches the host. The default.
        case full
        /// **No check at all: for tests only.** Anyone on the path can read the mail and the password.
        case none
    }

    public var trust: Trust
    public var certificateVerification: CertificateVerification
    /// The name sent in SNI and checked against the certificate; nil means the configured host.
    public var serverName: String?

    public init(trust: Trust = .system, certificateVerification: CertificateVerification = .full, serverName: String? = nil) {
        self.trust = trust
        self.certificateVerification = certificateVerification
        self.serverName = serverName
    }
}
