import Logging
import PostgresNIO
import SwellCore

/// Appends events inside one PostgreSQL write transaction, continuing the sequence and the hash chain from the
/// head row it locked. Events are staged in memory and written in bulk when the transaction's body is done.
struct PostgresEventAppender {
    private(set) var lastSeq: Int64
    private var lastHash: String
    private var staged: [Event] = []
    private let connection: PostgresConnection
    private let logger: Logger

    /// Locks `event_head` for the rest of the transaction: every other appender, in any process, waits here.
    init(lockingHeadOn connection: PostgresConnection, logger: Logger) async throws {
        self.connection = connection
        self.logger = logger
        var head: (Int64, String)?
        for try await row in try await connection.query(
            "SELECT seq, hash FROM event_head WHERE id = 1 FOR UPDATE", logger: logger
        ).decode((Int64, String).self) {
            head = row
        }
        guard let head else { throw StoreError.corruptRow(table: "event_head", detail: "the head row is missing") }
        (lastSeq, lastHash) = head
    }

    /// Gives `draft` the next sequence number and chain link; it is written by `flush`.
    @discardableResult
    mutating func append(_ draft: EventDraft) -> Event {
        let seq = lastSeq + 1
        let event = Event(seq: seq, draft: draft, hash: EventHashing.hash(previous: lastHash, seq: seq, draft: draft))
        staged.append(event)
        lastSeq = seq
        lastHash = event.hash
        return event
    }

    /// Writes the staged events and the new head, and queues a notification sent on commit.
    /// Returns the last appended seq, nil when nothing was appended.
    mutating func flush(notifying channel: String) async throws -> Int64? {
        guard !staged.isEmpty else { return nil }
        for chunk in staged.chunked(PostgresBulkRows.rowsPerStatement) {
            try await connection.query(
                PostgresBulkRows.query(
                    """
                    INSERT INTO event (seq, at, type, complaintId, clusterId, incidentId, payload, hash)
                    SELECT seq, at, type, complaintId, clusterId, incidentId, payload, hash
                    FROM jsonb_populate_recordset(NULL::event, $1::jsonb)
                    """, rows: chunk.map(EventRow.init)),
                logger: logger)
        }
        staged.removeAll()
        try await connection.query(
            """
            WITH head AS (UPDATE event_head SET seq = \(lastSeq), hash = \(lastHash) WHERE id = 1)
            SELECT pg_notify(\(channel), \(String(lastSeq)))
            """, logger: logger)
        logger.debug("appended events", metadata: ["event.seq": "\(lastSeq)"])
        return lastSeq
    }
}

/// An `event` row as JSON for `PostgresBulkRows`.
private struct EventRow: Encodable {
    var seq: Int64
    var at: Int64
    var type: String
    var complaintid: Int64?
    var clusterid: Int64?
    var incidentid: Int64?
    var payload: String
    var hash: String

    init(_ event: Event) {
        seq = event.seq
        at = event.at.millisecondsSince1970
        type = event.type.rawValue
        complaintid = event.draft.complaintId?.rawValue
        clusterid = event.draft.clusterId?.rawValue
        incidentid = event.draft.incidentId?.rawValue
        payload = event.draft.payload
        hash = event.hash
    }
}
