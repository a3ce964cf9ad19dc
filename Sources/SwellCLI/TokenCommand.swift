import ArgumentParser
import Foundation
import SwellCore
import SwellStore

/// `swell token create|revoke|list`: bearer tokens, stored only as hashes.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Create, revoke and list access tokens.",
        subcommands: [Create.self, Revoke.self, List.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a token and print it once.")
        @OptionGroup var store: StoreOptions
        @Option(help: "One of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).") var role: String
        @Option(help: "A unique name for the token's holder, e.g. anna.pr.") var name: String

        func run() async throws {
            guard let role = Role(rawValue: role) else {
                throw ValidationError("unknown role \(role); use one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let token = try await store.withStore { caseStore in
                try await TokenIssuer.issue(name: name, role: role, in: caseStore)
            }
            print(token)
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke the live token with a name.")
        @OptionGroup var store: StoreOptions
        @Option var name: String

        func run() async throws {
            let revoked = try await store.withStore { caseStore in try await caseStore.revokeToken(named: name, at: Date()) }
            guard revoked else { throw ValidationError("no live token named \(name)") }
            print("revoked \(name)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens (never their secrets).")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            for token in try await store.withStore({ caseStore in try await caseStore.tokens() }) {
                let state = token.revokedAt.map { "revoked \(RFC3339.format($0))" } ?? "live"
                print("\(token.id)\t\(token.name)\t\(token.role.rawValue)\tcreated \(RFC3339.format(token.createdAt))\t\(state)")
            }
        }
    }
}

/// Makes a random token, stores its hash, returns the token (the only time it is seen).
enum TokenIssuer {
    static func issue(name: String, role: Role, in store: any CaseStore) async throws -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let token = "swl_" + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        _ = try await store.createToken(name: name, role: role, tokenHash: EventHashing.tokenHash(token), at: Date())
        return token
    }
}
