import NIOCore

/// Whether a host name or address stays on this machine: `localhost` (and `*.localhost`, RFC 6761),
/// 127.0.0.0/8 and `::1`. Decides where plaintext SMTP is allowed.
enum LoopbackHost {
    static func isLoopback(_ host: String) -> Bool {
        let name = host.lowercased()
        if name == "localhost" || name.hasSuffix(".localhost") { return true }
        let bare = name.hasPrefix("[") && name.hasSuffix("]") ? String(name.dropFirst().dropLast()) : name
        guard let address = try? SocketAddress(ipAddress: bare, port: 0) else { return false }
        switch address {
        case .v4: return bare.split(separator: ".").first == "127"
        case .v6: return address.ipAddress == "::1"
        default: return false
        }
    }

    /// True for an IP literal, which cannot be sent as the TLS server name (SNI).
    static func isIPAddress(_ host: String) -> Bool {
        (try? SocketAddress(ipAddress: host, port: 0)) != nil
    }
}
