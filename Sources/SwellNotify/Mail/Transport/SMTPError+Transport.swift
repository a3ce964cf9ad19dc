import NIOCore
import NIOPosix
import NIOSSL

extension SMTPError {
    /// Names what the network layer threw in the terms callers act on: TLS problems are permanent until
    /// someone fixes a certificate; connection problems and time-outs are transient.
    init(transport error: any Error) {
        switch error {
        case let error as SMTPError: self = error
        case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError: self = .tlsFailed(String(describing: error))
        case let error as ChannelError:
            if case .connectTimeout = error { self = .timeout("connect") } else { self = .connectionFailed(String(describing: error)) }
        case let error as NIOConnectionError:
            let causes = error.connectionErrors.map { "\($0.target): \($0.error)" }
            let dns = [error.dnsAError, error.dnsAAAAError].compactMap { $0.map { "DNS: \($0)" } }
            self = .connectionFailed("\(error.host):\(error.port): " + (causes + dns).joined(separator: "; "))
        default: self = .connectionFailed(String(describing: error))
        }
    }
}
