import Foundation
import PostgresNIO
import SwellCore

/// Playbook versions on PostgreSQL.
extension PostgresCaseStore {
    public func playbookVersions() async throws -> [PlaybookVersion] {
        try await rows("SELECT name, version, hash, content, firstLoadedAt FROM playbook_version ORDER BY id").map(Self.decodePlaybookVersion)
    }

    public func playbookVersion(name: String, version: String) async throws -> PlaybookVersion? {
        try await rows(
            "SELECT name, version, hash, content, firstLoadedAt FROM playbook_version WHERE name = \(name) AND version = \(version)"
        ).first.map(Self.decodePlaybookVersion)
    }

    /// `recordPlaybook`, inside `apply`'s transaction: the event only when the version is new.
    func recordPlaybook(
        _ version: PlaybookVersion, connection: PostgresConnection, events: inout PostgresEventAppender
    ) async throws -> Event? {
        let inserted = try await connection.query(
            """
            INSERT INTO playbook_version (name, version, hash, content, firstLoadedAt)
            VALUES (\(version.name), \(version.version), \(version.hash), \(version.content), \(version.firstLoadedAt.millisecondsSince1970))
            ON CONFLICT (name, version) DO NOTHING RETURNING id
            """, logger: logger)
        var isNew = false
        for try await _ in inserted { isNew = true }
        return isNew ? events.append(version.recordedEvent) : nil
    }

    static func decodePlaybookVersion(_ row: PostgresRow) throws -> PlaybookVersion {
        let (name, version, hash, content, firstLoadedAt) = try row.decode((String, String, String, String, Int64).self)
        return PlaybookVersion(
            name: name, version: version, hash: hash, content: content, firstLoadedAt: Date(millisecondsSince1970: firstLoadedAt))
    }
}
