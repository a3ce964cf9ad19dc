import Foundation
import GRDB
import SwellCore

extension SQLiteCaseStore {
    public func complaintsPastRetention(closedBefore: Date, receivedBefore: Date, limit: Int) async throws -> [ComplaintID] {
        try await read { db in
            try Int64.fetchAll(
                db, sql: """
                    SELECT c.id FROM complaint c LEFT JOIN complaint_case k ON k.complaintId = c.id
                    WHERE c.personalDataErasedAt IS NULL
                      AND ((k.complaintId IS NULL AND c.receivedAt < ?) OR (k.state = 'closed' AND k.updatedAt < ?))
                    ORDER BY c.id LIMIT ?
                    """, arguments: [receivedBefore.millisecondsSince1970, closedBefore.millisecondsSince1970, limit]
            ).map { ComplaintID($0) }
        }
    }

    /// `erasePersonalData`, inside `apply`'s transaction.
    static func erasePersonalData(_ ids: [ComplaintID], at: Date, db: Database) throws {
        let read = try db.cachedStatement(sql: "SELECT text, demand, complainantName FROM complaint WHERE id = ?")
        let update = try db.cachedStatement(sql: """
            UPDATE complaint SET text = ?, demand = ?, complainantName = NULL, complainantPhone = NULL,
                complainantEmail = NULL, personalDataErasedAt = ? WHERE id = ?
            """)
        let reindex = try db.cachedStatement(sql: "UPDATE complaint_search SET body = ? WHERE rowid = ?")
        let readCase = try db.cachedStatement(sql: "SELECT record FROM complaint_case WHERE complaintId = ?")
        let updateCase = try db.cachedStatement(sql: "UPDATE complaint_case SET record = ?, version = ? WHERE complaintId = ?")
        for id in ids {
            guard let row = try Row.fetchOne(read, arguments: [id.rawValue]) else { continue }
            let names = [row["complainantName"] as String?].compactMap { $0 }
            let text = PersonalDataMasking.erase(row["text"], names: names)
            let demand = (row["demand"] as String?).map { PersonalDataMasking.erase($0, names: names) }
            try update.execute(arguments: [text, demand, at.millisecondsSince1970, id.rawValue])
            try reindex.execute(arguments: [SearchFolding.fold(text), id.rawValue])
            // What people wrote in the case (contact summaries, outcomes, notes) goes the same way.
            if let record = try String.fetchOne(readCase, arguments: [id.rawValue]) {
                let erased = try StoredJSON.decode(ComplaintCase.self, from: record, table: "complaint_case").erasingPersonalData(names: names)
                try updateCase.execute(arguments: [try StoredJSON.encode(erased), erased.version, id.rawValue])
            }
        }
    }
}
