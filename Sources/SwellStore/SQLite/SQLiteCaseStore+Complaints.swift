import Foundation
import GRDB
import SwellCore

extension SQLiteCaseStore {
    public func ingest(_ complaints: [NewComplaint], at now: Date) async throws -> [IngestOutcome] {
        // What needs no database is prepared before the writer is taken: it is the one serial step of intake.
        let prepared = complaints.map { complaint in
            (payload: EventDraft.payload(ComplaintReceived(complaint)), folded: SearchFolding.fold(complaint.text))
        }
        return try await write { db, events in
            var known = try Self.storedComplaints(externalIds: complaints.map(\.externalId), db)
            let insert = try db.cachedStatement(sql: """
                INSERT INTO complaint (externalId, receivedAt, channel, text, complainantName, complainantPhone,
                    complainantEmail, product, departure, supplier, demand, storedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let index = try db.cachedStatement(sql: SQLiteSearchIndex.insertSQL)
            let storedAt = Date(millisecondsSince1970: now.millisecondsSince1970)
            var outcomes: [IngestOutcome] = []
            outcomes.reserveCapacity(complaints.count)
            for (complaint, prepared) in zip(complaints, prepared) {
                let key = Array(complaint.externalId.utf8)
                if let stored = known[key] {
                    outcomes.append(.duplicate(stored))
                    continue
                }
                try insert.execute(arguments: [
                    complaint.externalId, complaint.receivedAt.millisecondsSince1970, complaint.channel.rawValue,
                    complaint.text, complaint.complainant.name, complaint.complainant.phone,
                    complaint.complainant.email, complaint.product, complaint.departure?.description,
                    complaint.supplier, complaint.demand, now.millisecondsSince1970,
                ])
                let id = ComplaintID(db.lastInsertedRowID)
                try index.execute(arguments: [id.rawValue, prepared.folded])
                try events.append(EventDraft(type: .complaintReceived, at: now, complaintId: id, payload: prepared.payload))
                let created = Complaint(id: id, storedAt: storedAt, clusterId: nil, content: complaint)
                known[key] = created
                outcomes.append(.created(created))
            }
            return outcomes
        }
    }

    /// The stored complaints among `externalIds`, by the bytes of their external id (as SQLite compares them: two
    /// ids Swift would call equal, such as `é` composed and decomposed, are two complaints): one query per 500 ids
    /// instead of one per complaint.
    private static func storedComplaints(externalIds: [String], _ db: Database) throws -> [[UInt8]: Complaint] {
        var found: [[UInt8]: Complaint] = [:]
        var start = 0
        while start < externalIds.count {
            let chunk = externalIds[start..<min(start + 500, externalIds.count)]
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let rows = try Row.fetchAll(
                db, sql: "SELECT \(ComplaintColumns.list) FROM complaint WHERE externalId IN (\(marks))",
                arguments: StatementArguments(Array(chunk)))
            for row in rows {
                let complaint = try ComplaintColumns.decode(row)
                found[Array(complaint.content.externalId.utf8)] = complaint
            }
            start += chunk.count
        }
        return found
    }

    public func complaint(_ id: ComplaintID) async throws -> Complaint? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT \(ComplaintColumns.list) FROM complaint WHERE id = ?", arguments: [id.rawValue])
                .map(ComplaintColumns.decode)
        }
    }

    public func complaints(ids: [ComplaintID]) async throws -> [Complaint] {
        guard !ids.isEmpty else { return [] }
        return try await read { db in
            var found: [Complaint] = []
            for chunk in stride(from: 0, to: ids.count, by: 500).map({ ids[$0..<min($0 + 500, ids.count)] }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT \(ComplaintColumns.list) FROM complaint WHERE id IN (\(marks))",
                    arguments: StatementArguments(chunk.map(\.rawValue)))
                while let row = try rows.next() { found.append(try ComplaintColumns.decode(row)) }
            }
            return found
        }
    }

    public func complaints(_ query: ComplaintQuery) async throws -> ComplaintPage {
        if let search = query.search { return try await searchComplaints(search, query) }
        let limit = query.pageSize
        var (conditions, arguments) = Self.filterConditions(query)
        if let cursor = query.after {
            conditions.append("(receivedAt < ? OR (receivedAt = ? AND id < ?))")
            arguments += [cursor.receivedAtMilliseconds, cursor.receivedAtMilliseconds, cursor.id.rawValue].map(\.databaseValue)
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = """
            SELECT \(ComplaintColumns.list) FROM complaint \(whereClause)
            ORDER BY receivedAt DESC, id DESC LIMIT \(limit + 1)
            """
        let values = arguments
        let items = try await read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(values)).map(ComplaintColumns.decode)
        }
        return ComplaintPage(fetched: items, pageSize: limit)
    }

    /// The list filters other than the cursor, as SQL conditions on `complaint` and their arguments.
    static func filterConditions(_ query: ComplaintQuery) -> (conditions: [String], arguments: [DatabaseValue]) {
        var conditions: [String] = []
        var arguments: [DatabaseValue] = []
        if let product = query.product { conditions.append("product = ?"); arguments.append(product.databaseValue) }
        if let departure = query.departure { conditions.append("departure = ?"); arguments.append(departure.description.databaseValue) }
        if let channel = query.channel { conditions.append("channel = ?"); arguments.append(channel.rawValue.databaseValue) }
        if let supplier = query.supplier { conditions.append("supplier = ?"); arguments.append(supplier.databaseValue) }
        if let cluster = query.clusterId { conditions.append("clusterId = ?"); arguments.append(cluster.rawValue.databaseValue) }
        if let from = query.receivedFrom {
            conditions.append("receivedAt >= ?"); arguments.append(from.millisecondsSince1970.databaseValue)
        }
        if let before = query.receivedBefore {
            conditions.append("receivedAt < ?"); arguments.append(before.millisecondsSince1970.databaseValue)
        }
        return (conditions, arguments)
    }
}

/// The complaint table's columns in select order, and how a row becomes a `Complaint`.
enum ComplaintColumns {
    static let list = """
        id, externalId, receivedAt, channel, text, complainantName, complainantPhone, complainantEmail,
        product, departure, supplier, demand, clusterId, storedAt
        """

    /// Decodes a row whose first columns are ``list``, by position: every follower reads complaints through here,
    /// and GRDB looks a column up by name case-insensitively, per row and column.
    static func decode(_ row: Row) throws -> Complaint {
        let channelName: String = row[3]
        guard let channel = Channel(rawValue: channelName) else {
            throw StoreError.corruptRow(table: "complaint", detail: "unknown channel \(channelName)")
        }
        let departure: String? = row[9]
        let clusterId: Int64? = row[12]
        let content = NewComplaint(
            externalId: row[1], receivedAt: Date(millisecondsSince1970: row[2]),
            channel: channel, text: row[4],
            complainant: Complainant(name: row[5], phone: row[6], email: row[7]),
            product: row[8], departure: departure.flatMap(CalendarDate.init), supplier: row[10],
            demand: row[11])
        return Complaint(
            id: ComplaintID(row[0] as Int64), storedAt: Date(millisecondsSince1970: row[13]),
            clusterId: clusterId.map { ClusterID($0) }, content: content)
    }
}
