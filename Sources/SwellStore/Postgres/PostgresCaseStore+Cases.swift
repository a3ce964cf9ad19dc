import Foundation
import PostgresNIO
import SwellCore

extension PostgresCaseStore {
    public func complaintCase(_ id: ComplaintID) async throws -> ComplaintCase? {
        try await rows("SELECT record FROM complaint_case WHERE complaintId = \(id.rawValue)").first.map(Self.decodeCase)
    }

    public func complaintCases(ids: [ComplaintID]) async throws -> [ComplaintCase] {
        guard !ids.isEmpty else { return [] }
        return try await rows("SELECT record FROM complaint_case WHERE complaintId = ANY(\(ids.map(\.rawValue)))").map(Self.decodeCase)
    }

    public func complaintCases(assignee: String) async throws -> [ComplaintCase] {
        try await rows("SELECT record FROM complaint_case WHERE assignee = \(assignee) ORDER BY complaintId").map(Self.decodeCase)
    }

    static func decodeCase(_ row: PostgresRow) throws -> ComplaintCase {
        try StoredJSON.decode(ComplaintCase.self, from: try row.decode(String.self), table: "complaint_case")
    }

    /// `StoreChange.saveCase`, inside `apply`'s transaction: compare-and-set on the version. Neither statement
    /// fails on a lost race (that would abort the transaction); a race shows as no row returned.
    func saveCase(_ complaintCase: ComplaintCase, at: Date, connection: PostgresConnection) async throws {
        let document = try StoredJSON.encode(complaintCase)
        let id = complaintCase.complaintId.rawValue
        let state = complaintCase.state.rawValue
        let updatedAt = at.millisecondsSince1970
        let query: PostgresQuery
        if complaintCase.version == 1 {
            query = """
                INSERT INTO complaint_case (complaintId, state, assignee, version, updatedAt, record)
                VALUES (\(id), \(state), \(complaintCase.assignee), 1, \(updatedAt), \(document))
                ON CONFLICT (complaintId) DO NOTHING RETURNING complaintId
                """
        } else {
            query = """
                UPDATE complaint_case SET state = \(state), assignee = \(complaintCase.assignee), version = \(complaintCase.version),
                    updatedAt = \(updatedAt), record = \(document)
                WHERE complaintId = \(id) AND version = \(complaintCase.version - 1) RETURNING complaintId
                """
        }
        var saved = 0
        for try await _ in try await connection.query(query, logger: logger).decode(Int64.self) { saved += 1 }
        guard saved == 1 else { throw StoreError.caseMoved(complaintCase.complaintId) }
    }
}
