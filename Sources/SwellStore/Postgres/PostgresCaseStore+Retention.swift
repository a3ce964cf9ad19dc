import Foundation
import PostgresNIO
import SwellCore

extension PostgresCaseStore {
    public func complaintsPastRetention(closedBefore: Date, receivedBefore: Date, limit: Int) async throws -> [ComplaintID] {
        try await rows(
            """
            SELECT c.id FROM complaint c LEFT JOIN complaint_case k ON k.complaintId = c.id
            WHERE c.personalDataErasedAt IS NULL
              AND ((k.complaintId IS NULL AND c.receivedAt < \(receivedBefore.millisecondsSince1970))
                   OR (k.state = 'closed' AND k.updatedAt < \(closedBefore.millisecondsSince1970)))
            ORDER BY c.id LIMIT \(Int64(limit))
            """
        ).map { ComplaintID(try $0.decode(Int64.self)) }
    }

    /// `erasePersonalData`, inside `apply`'s transaction.
    func erasePersonalData(_ ids: [ComplaintID], at: Date, connection: PostgresConnection) async throws {
        for id in ids {
            var found: (String, String?, String?)?
            for try await row in try await connection.query(
                "SELECT text, demand, complainantName FROM complaint WHERE id = \(id.rawValue) FOR UPDATE", logger: logger
            ).decode((String, String?, String?).self) { found = row }
            guard let (original, demand, name) = found else { continue }
            let names = [name].compactMap { $0 }
            let text = PersonalDataMasking.erase(original, names: names)
            let erasedDemand = demand.map { PersonalDataMasking.erase($0, names: names) }
            try await connection.query(
                """
                UPDATE complaint SET text = \(text), demand = \(erasedDemand), complainantName = NULL, complainantPhone = NULL,
                    complainantEmail = NULL, personalDataErasedAt = \(at.millisecondsSince1970), searchKey = \(PostgresSearchKey.of(text))
                WHERE id = \(id.rawValue)
                """, logger: logger)
            // What people wrote in the case (contact summaries, outcomes, notes) goes the same way.
            var record: String?
            for try await row in try await connection.query(
                "SELECT record FROM complaint_case WHERE complaintId = \(id.rawValue) FOR UPDATE", logger: logger
            ).decode(String.self) { record = row }
            if let record {
                let erased = try StoredJSON.decode(ComplaintCase.self, from: record, table: "complaint_case").erasingPersonalData(names: names)
                try await connection.query(
                    "UPDATE complaint_case SET record = \(try StoredJSON.encode(erased)), version = \(erased.version) WHERE complaintId = \(id.rawValue)",
                    logger: logger)
            }
        }
    }
}
