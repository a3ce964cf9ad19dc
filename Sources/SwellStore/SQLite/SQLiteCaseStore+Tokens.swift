import Foundation
import GRDB
import SwellCore

extension SQLiteCaseStore {
    public func createToken(name: String, role: Role, tokenHash: String, at now: Date) async throws -> TokenID {
        try await write { db, events in
            let taken = try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM access_token WHERE name = ? AND revokedAt IS NULL)",
                arguments: [name]) ?? false
            if taken { throw StoreError.tokenNameTaken(name) }
            try db.execute(
                sql: "INSERT INTO access_token (name, role, tokenHash, createdAt) VALUES (?, ?, ?, ?)",
                arguments: [name, role.rawValue, tokenHash, now.millisecondsSince1970])
            let id = TokenID(db.lastInsertedRowID)
            try events.append(EventDraft(
                type: .tokenCreated, at: now, payload: EventDraft.payload(TokenEventPayload(id: id, name: name, role: role))))
            return id
        }
    }

    public func revokeToken(named name: String, at now: Date) async throws -> Bool {
        try await write { db, events in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT id, role FROM access_token WHERE name = ? AND revokedAt IS NULL", arguments: [name])
            else { return false }
            let id = TokenID(row["id"] as Int64)
            try db.execute(
                sql: "UPDATE access_token SET revokedAt = ? WHERE id = ?",
                arguments: [now.millisecondsSince1970, id.rawValue])
            let role = Role(rawValue: row["role"]) ?? .executive
            try events.append(EventDraft(
                type: .tokenRevoked, at: now, payload: EventDraft.payload(TokenEventPayload(id: id, name: name, role: role))))
            return true
        }
    }

    public func caller(forTokenHash tokenHash: String) async throws -> Caller? {
        try await read { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT id, name, role FROM access_token WHERE tokenHash = ? AND revokedAt IS NULL",
                arguments: [tokenHash]),
                let role = Role(rawValue: row["role"])
            else { return nil }
            return Caller(tokenId: TokenID(row["id"] as Int64), name: row["name"], role: role)
        }
    }

    public func tokens() async throws -> [TokenInfo] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, role, createdAt, revokedAt FROM access_token ORDER BY id").map { row in
                let roleName: String = row["role"]
                guard let role = Role(rawValue: roleName) else {
                    throw StoreError.corruptRow(table: "access_token", detail: "unknown role \(roleName)")
                }
                let revokedAt: Int64? = row["revokedAt"]
                return TokenInfo(
                    id: TokenID(row["id"] as Int64), name: row["name"], role: role,
                    createdAt: Date(millisecondsSince1970: row["createdAt"]),
                    revokedAt: revokedAt.map { Date(millisecondsSince1970: $0) })
            }
        }
    }
}

/// Payload of `token.created` / `token.revoked`: never the token or its hash.
struct TokenEventPayload: Encodable {
    var id: TokenID
    var name: String
    var role: Role
}
