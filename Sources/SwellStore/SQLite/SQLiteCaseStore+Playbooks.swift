import Foundation
import GRDB
import SwellCore

/// Playbook versions on SQLite.
extension SQLiteCaseStore {
    public func playbookVersions() async throws -> [PlaybookVersion] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.playbookColumns) FROM playbook_version ORDER BY id").map(Self.decodePlaybookVersion)
        }
    }

    public func playbookVersion(name: String, version: String) async throws -> PlaybookVersion? {
        try await read { db in
            try Row.fetchOne(
                db, sql: "SELECT \(Self.playbookColumns) FROM playbook_version WHERE name = ? AND version = ?", arguments: [name, version]
            ).map(Self.decodePlaybookVersion)
        }
    }

    /// `recordPlaybook`, inside `apply`'s transaction: the event only when the version is new.
    static func recordPlaybook(_ version: PlaybookVersion, db: Database, events: inout EventAppender) throws -> Event? {
        try db.execute(
            sql: """
                INSERT INTO playbook_version (name, version, hash, content, firstLoadedAt) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (name, version) DO NOTHING
                """,
            arguments: [version.name, version.version, version.hash, version.content, version.firstLoadedAt.millisecondsSince1970])
        guard db.changesCount > 0 else { return nil }
        return try events.append(version.recordedEvent)
    }

    static let playbookColumns = "name, version, hash, content, firstLoadedAt"

    static func decodePlaybookVersion(_ row: Row) -> PlaybookVersion {
        PlaybookVersion(
            name: row["name"], version: row["version"], hash: row["hash"], content: row["content"],
            firstLoadedAt: Date(millisecondsSince1970: row["firstLoadedAt"] as Int64))
    }
}
