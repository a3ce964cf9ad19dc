import Foundation
import PostgresNIO
import SwellCore

extension PostgresCaseStore {
    public func ingest(_ complaints: [NewComplaint], at now: Date) async throws -> [IngestOutcome] {
        guard !complaints.isEmpty else { return [] }
        let storedAt = Date(millisecondsSince1970: now.millisecondsSince1970)
        return try await write { [self] connection, events in
            // The first occurrence of each externalId is the one that may be stored; later ones repeat it. Ids are
            // compared by their bytes, as the database compares them (`é` composed and decomposed are two ids).
            var firstIndex: [[UInt8]: Int] = [:]
            var candidates: [NewComplaint] = []
            for (index, complaint) in complaints.enumerated() where firstIndex[Array(complaint.externalId.utf8)] == nil {
                firstIndex[Array(complaint.externalId.utf8)] = index
                candidates.append(complaint)
            }
            // The unique constraint is the truth: a stored (or concurrently stored) externalId inserts nothing.
            var inserted: [[UInt8]: ComplaintID] = [:]
            for chunk in candidates.chunked(PostgresBulkRows.rowsPerStatement) {
                let insert = try PostgresBulkRows.query(
                    """
                    INSERT INTO complaint (externalId, receivedAt, channel, text, complainantName, complainantPhone,
                        complainantEmail, product, departure, supplier, demand, storedAt, searchKey)
                    SELECT externalId, receivedAt, channel, text, complainantName, complainantPhone,
                        complainantEmail, product, departure, supplier, demand, storedAt, searchKey
                    FROM jsonb_populate_recordset(NULL::complaint, $1::jsonb) WITH ORDINALITY ORDER BY ordinality
                    ON CONFLICT (externalId) DO NOTHING RETURNING id, externalId
                    """, rows: chunk.map { ComplaintRow($0, storedAt: storedAt) })
                for try await (id, externalId) in try await connection.query(insert, logger: logger)
                    .decode((Int64, String).self)
                {
                    inserted[Array(externalId.utf8)] = ComplaintID(id)
                }
            }
            let alreadyStored = try await storedComplaints(
                externalIds: candidates.map(\.externalId).filter { inserted[Array($0.utf8)] == nil }, on: connection)

            // Outcomes and events in batch order, as SQLite gives them.
            var outcomes: [IngestOutcome] = []
            outcomes.reserveCapacity(complaints.count)
            var createdHere: [[UInt8]: Complaint] = [:]
            for (index, complaint) in complaints.enumerated() {
                let externalId = complaint.externalId
                let key = Array(externalId.utf8)
                if firstIndex[key] == index, let id = inserted[key] {
                    events.append(EventDraft(
                        type: .complaintReceived, at: now, complaintId: id,
                        payload: EventDraft.payload(ComplaintReceived(complaint))))
                    outcomes.append(.created(Complaint(id: id, storedAt: storedAt, clusterId: nil, content: complaint)))
                    createdHere[key] = Complaint(
                        id: id, storedAt: storedAt, clusterId: nil, content: complaint.asStored)
                } else if let stored = createdHere[key] ?? alreadyStored[key] {
                    outcomes.append(.duplicate(stored))
                } else {
                    throw StoreError.corruptRow(table: "complaint", detail: "externalId \(externalId) conflicted but is not readable")
                }
            }
            return outcomes
        }
    }

    /// The stored complaints with these externalIds, by the bytes of their externalId.
    private func storedComplaints(externalIds: [String], on connection: PostgresConnection) async throws -> [[UInt8]: Complaint] {
        guard !externalIds.isEmpty else { return [:] }
        var found: [[UInt8]: Complaint] = [:]
        let rows = try await connection.query(
            "SELECT \(unescaped: ComplaintColumns.list) FROM complaint WHERE externalId = ANY(\(externalIds))", logger: logger)
        for try await row in rows {
            let complaint = try PostgresComplaintRow.decode(row)
            found[Array(complaint.content.externalId.utf8)] = complaint
        }
        return found
    }

    public func complaint(_ id: ComplaintID) async throws -> Complaint? {
        try await rows("SELECT \(unescaped: ComplaintColumns.list) FROM complaint WHERE id = \(id.rawValue)")
            .first.map(PostgresComplaintRow.decode)
    }

    public func complaints(ids: [ComplaintID]) async throws -> [Complaint] {
        guard !ids.isEmpty else { return [] }
        return try await rows(
            "SELECT \(unescaped: ComplaintColumns.list) FROM complaint WHERE id = ANY(\(ids.map(\.rawValue)))"
        ).map(PostgresComplaintRow.decode)
    }

    public func complaints(_ query: ComplaintQuery) async throws -> ComplaintPage {
        if let search = query.search { return try await searchComplaints(search, query) }
        let limit = query.pageSize
        var filter = Self.filter(query)
        if let cursor = query.after {
            filter.add { "(receivedAt, id) < (\($0.bind(cursor.receivedAtMilliseconds)), \($0.bind(cursor.id.rawValue)))" }
        }
        let items = try await rows(filter.query(
            select: "SELECT \(ComplaintColumns.list) FROM complaint",
            orderBy: "ORDER BY receivedAt DESC, id DESC", limit: limit + 1)
        ).map(PostgresComplaintRow.decode)
        return ComplaintPage(fetched: items, pageSize: limit)
    }

    /// The list filters other than the cursor.
    static func filter(_ query: ComplaintQuery) -> PostgresFilter {
        var filter = PostgresFilter()
        if let product = query.product { filter.add { "product = \($0.bind(product))" } }
        if let departure = query.departure { filter.add { "departure = \($0.bind(departure.description))" } }
        if let channel = query.channel { filter.add { "channel = \($0.bind(channel.rawValue))" } }
        if let supplier = query.supplier { filter.add { "supplier = \($0.bind(supplier))" } }
        if let cluster = query.clusterId { filter.add { "clusterId = \($0.bind(cluster.rawValue))" } }
        if let from = query.receivedFrom { filter.add { "receivedAt >= \($0.bind(from.millisecondsSince1970))" } }
        if let before = query.receivedBefore { filter.add { "receivedAt < \($0.bind(before.millisecondsSince1970))" } }
        return filter
    }
}

extension NewComplaint {
    /// The complaint as reading it back gives it: instants at millisecond precision.
    var asStored: NewComplaint {
        var stored = self
        stored.receivedAt = Date(millisecondsSince1970: receivedAt.millisecondsSince1970)
        return stored
    }
}

/// A `complaint` row as JSON for `PostgresBulkRows` (ids are the table's to give).
private struct ComplaintRow: Encodable {
    var externalid: String
    var receivedat: Int64
    var channel: String
    var text: String
    var complainantname: String?
    var complainantphone: String?
    var complainantemail: String?
    var product: String?
    var departure: String?
    var supplier: String?
    var demand: String?
    var storedat: Int64
    var searchkey: String

    init(_ complaint: NewComplaint, storedAt: Date) {
        externalid = complaint.externalId
        receivedat = complaint.receivedAt.millisecondsSince1970
        channel = complaint.channel.rawValue
        text = complaint.text
        complainantname = complaint.complainant.name
        complainantphone = complaint.complainant.phone
        complainantemail = complaint.complainant.email
        product = complaint.product
        departure = complaint.departure?.description
        supplier = complaint.supplier
        demand = complaint.demand
        storedat = storedAt.millisecondsSince1970
        searchkey = PostgresSearchKey.of(complaint.text)
    }
}
