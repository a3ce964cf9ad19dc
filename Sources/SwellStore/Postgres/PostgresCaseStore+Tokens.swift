import Foundation
import PostgresNIO
import SwellCore

extension PostgresCaseStore {
    public func createToken(name: String, role: Role, tokenHash: String, at now: Date) async throws -> TokenID {
        do {
            return try await write { [self] connection, events in
                // Writers take turns on the log head, so this check cannot race another store's insert.
                let taken = try await connection.query(
                    "SELECT 1 FROM access_token WHERE name = \(name) AND revokedAt IS NULL", logger: logger
                ).collect()
                if !taken.isEmpty { throw StoreError.tokenNameTaken(name) }
                var id: TokenID?
                for try await value in try await connection.query(
                    """
                    INSERT INTO access_token (name, role, tokenHash, createdAt)
                    VALUES (\(name), \(role.rawValue), \(tokenHash), \(now.millisecondsSince1970)) RETURNING id
                    """, logger: logger
                ).decode(Int64.self) {
                    id = TokenID(value)
                }
                guard let id else { throw StoreError.corruptRow(table: "access_token", detail: "insert returned no id") }
                events.append(EventDraft(
                    type: .tokenCreated, at: now, payload: EventDraft.payload(TokenEventPayload(id: id, name: name, role: role))))
                return id
            }
        } catch let error as PSQLError
            where error.serverInfo?[.sqlState] == "23505" && error.serverInfo?[.constraintName] == "access_token_live_name"
        {
            // The partial unique index is the last word, should anything bypass the check above.
            throw StoreError.tokenNameTaken(name)
        }
    }

    public func revokeToken(named name: String, at now: Date) async throws -> Bool {
        try await write { [self] connection, events in
            let live = try await connection.query(
                "SELECT id, role FROM access_token WHERE name = \(name) AND revokedAt IS NULL", logger: logger
            ).collect()
            guard let (rawId, roleName) = try live.first?.decode((Int64, String).self) else { return false }
            let id = TokenID(rawId)
            try await connection.query(
                "UPDATE access_token SET revokedAt = \(now.millisecondsSince1970) WHERE id = \(id.rawValue)", logger: logger)
            let role = Role(rawValue: roleName) ?? .executive
            events.append(EventDraft(
                type: .tokenRevoked, at: now, payload: EventDraft.payload(TokenEventPayload(id: id, name: name, role: role))))
            return true
        }
    }

    public func caller(forTokenHash tokenHash: String) async throws -> Caller? {
        guard let row = try await rows(
            "SELECT id, name, role FROM access_token WHERE tokenHash = \(tokenHash) AND revokedAt IS NULL"
        ).first else { return nil }
        let (id, name, roleName) = try row.decode((Int64, String, String).self)
        guard let role = Role(rawValue: roleName) else { return nil }
        return Caller(tokenId: TokenID(id), name: name, role: role)
    }

    public func tokens() async throws -> [TokenInfo] {
        try await rows("SELECT id, name, role, createdAt, revokedAt FROM access_token ORDER BY id").map { row in
            let (id, name, roleName, createdAt, revokedAt) = try row.decode((Int64, String, String, Int64, Int64?).self)
            guard let role = Role(rawValue: roleName) else {
                throw StoreError.corruptRow(table: "access_token", detail: "unknown role \(roleName)")
            }
            return TokenInfo(
                id: TokenID(id), name: name, role: role, createdAt: Date(millisecondsSince1970: createdAt),
                revokedAt: revokedAt.map { Date(millisecondsSince1970: $0) })
        }
    }
}
