import Foundation
import GRDB
import SwellCore

extension SQLiteCaseStore {
    public func complaintCase(_ id: ComplaintID) async throws -> ComplaintCase? {
        try await read { db in
            try String.fetchOne(db, sql: "SELECT record FROM complaint_case WHERE complaintId = ?", arguments: [id.rawValue])
                .map(Self.decodeCase)
        }
    }

    public func complaintCases(ids: [ComplaintID]) async throws -> [ComplaintCase] {
        guard !ids.isEmpty else { return [] }
        return try await read { db in
            var found: [ComplaintCase] = []
            for chunk in stride(from: 0, to: ids.count, by: 500).map({ ids[$0..<min($0 + 500, ids.count)] }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                found += try String.fetchAll(
                    db, sql: "SELECT record FROM complaint_case WHERE complaintId IN (\(marks))",
                    arguments: StatementArguments(chunk.map(\.rawValue))
                ).map(Self.decodeCase)
            }
            return found
        }
    }

    public func complaintCases(assignee: String) async throws -> [ComplaintCase] {
        try await read { db in
            try String.fetchAll(
                db, sql: "SELECT record FROM complaint_case WHERE assignee = ? ORDER BY complaintId", arguments: [assignee]
            ).map(Self.decodeCase)
        }
    }

    static func decodeCase(_ document: String) throws -> ComplaintCase {
        try StoredJSON.decode(ComplaintCase.self, from: document, table: "complaint_case")
    }

    /// `StoreChange.saveCase`, inside `apply`'s transaction: compare-and-set on the version.
    static func saveCase(_ complaintCase: ComplaintCase, at: Date, db: Database) throws {
        let document = try StoredJSON.encode(complaintCase)
        let id = complaintCase.complaintId.rawValue
        if complaintCase.version == 1 {
            try db.execute(
                sql: """
                    INSERT INTO complaint_case (complaintId, state, assignee, version, updatedAt, record) VALUES (?, ?, ?, 1, ?, ?)
                    ON CONFLICT(complaintId) DO NOTHING
                    """,
                arguments: [id, complaintCase.state.rawValue, complaintCase.assignee, at.millisecondsSince1970, document])
        } else {
            try db.execute(
                sql: """
                    UPDATE complaint_case SET state = ?, assignee = ?, version = ?, updatedAt = ?, record = ?
                    WHERE complaintId = ? AND version = ?
                    """,
                arguments: [complaintCase.state.rawValue, complaintCase.assignee, complaintCase.version, at.millisecondsSince1970,
                            document, id, complaintCase.version - 1])
        }
        guard db.changesCount == 1 else { throw StoreError.caseMoved(complaintCase.complaintId) }
    }
}
