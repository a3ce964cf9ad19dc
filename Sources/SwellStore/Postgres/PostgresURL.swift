import Foundation
import NIOSSL
import PostgresNIO

/// Where and how to reach PostgreSQL, read from a libpq-style URL:
/// `postgres://user:pass@host:port/db` (or `postgresql://`), with the query options
/// `host=/path` (a Unix socket: a folder holding `.s.PGSQL.<port>`, or the socket file itself), `port`, `user`,
/// `password`, `dbname`
/// and `sslmode=disable|allow|prefer|require|verify-ca|verify-full` (default `prefer`).
/// The user defaults to `postgres`, the database to the user, the port to 5432.
public struct PostgresURL: Sendable, Equatable {
    public enum Endpoint: Sendable, Equatable {
        case tcp(host: String, port: Int)
        case unixSocket(path: String)
    }

    public enum TLSMode: String, Sendable, Equatable {
        case disable, prefer, require
    }

    public var endpoint: Endpoint
    public var username: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    /// Parses `text`; throws `StoreError.badLocation` (never echoing the password) when it is not usable.
    public init(_ text: String) throws {
        func bad(_ why: String) -> StoreError { .badLocation("bad PostgreSQL URL: \(why)") }
        guard let components = URLComponents(string: text) else { throw bad("not a URL") }
        guard let scheme = components.scheme?.lowercased(), ["postgres", "postgresql"].contains(scheme) else {
            throw bad("the scheme must be postgres:// or postgresql://")
        }
        var options: [String: String] = [:]
        for item in components.queryItems ?? [] {
            guard let value = item.value else { throw bad("option \(item.name) has no value") }
            options[item.name] = value
        }
        let port = components.port ?? options["port"].map { Int($0) ?? 0 } ?? 5432
        guard (1...65535).contains(port) else { throw bad("port \(port) is out of range") }

        let host = options["host"] ?? components.percentEncodedHost?.removingPercentEncoding ?? ""
        if host.hasPrefix("/") {
            let lastComponent = (host as NSString).lastPathComponent
            endpoint = .unixSocket(
                path: lastComponent.hasPrefix(".s.PGSQL.") ? host : (host as NSString).appendingPathComponent(".s.PGSQL.\(port)"))
        } else if !host.isEmpty {
            endpoint = .tcp(host: host, port: port)
        } else {
            throw bad("no host (give one after //, or a socket folder as ?host=/path)")
        }

        username = components.user.flatMap { $0.isEmpty ? nil : $0 } ?? options["user"] ?? "postgres"
        password = components.password ?? options["password"]
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !path.contains("/") else { throw bad("the database name may not contain /") }
        database = options["dbname"] ?? (path.isEmpty ? username : path)

        switch options["sslmode"] ?? "prefer" {
        case "disable": tls = .disable
        case "allow", "prefer": tls = .prefer
        case "require", "verify-ca", "verify-full": tls = .require
        case let other: throw bad("unknown sslmode \(other)")
        }
        if case .unixSocket = endpoint { tls = .disable }
    }

    /// The same place with another database (for tests and administration).
    public func with(database: String) -> PostgresURL {
        var copy = self
        copy.database = database
        return copy
    }

    /// A client configuration for this URL.
    public var clientConfiguration: PostgresClient.Configuration {
        switch endpoint {
        case .tcp(let host, let port):
            let tls: PostgresClient.Configuration.TLS = switch self.tls {
            case .disable: .disable
            case .prefer: .prefer(.makeClientConfiguration())
            case .require: .require(.makeClientConfiguration())
            }
            return .init(host: host, port: port, username: username, password: password, database: database, tls: tls)
        case .unixSocket(let path):
            return .init(unixSocketPath: path, username: username, password: password, database: database)
        }
    }
}

extension PostgresURL: CustomStringConvertible {
    /// The URL without its password, for logs.
    public var description: String {
        switch endpoint {
        case .tcp(let host, let port): "postgres://\(username)@\(host):\(port)/\(database)"
        case .unixSocket(let path): "postgres://\(username)@/\(database)?host=\(path)"
        }
    }
}
