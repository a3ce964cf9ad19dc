import Foundation
import PostgresNIO
import SwellCore

/// How a row of `SELECT ComplaintColumns.list FROM complaint` becomes a `Complaint` on PostgreSQL.
enum PostgresComplaintRow {
    static func decode(_ row: PostgresRow) throws -> Complaint {
        let (
            id, externalId, receivedAt, channelName, text, name, phone, email,
            product, departure, supplier, demand, clusterId, storedAt
        ) = try row.decode(
            (Int64, String, Int64, String, String, String?, String?, String?,
             String?, String?, String?, String?, Int64?, Int64).self)
        guard let channel = Channel(rawValue: channelName) else {
            throw StoreError.corruptRow(table: "complaint", detail: "unknown channel \(channelName)")
        }
        let content = NewComplaint(
            externalId: externalId, receivedAt: Date(millisecondsSince1970: receivedAt), channel: channel, text: text,
            complainant: Complainant(name: name, phone: phone, email: email),
            product: product, departure: departure.flatMap(CalendarDate.init), supplier: supplier, demand: demand)
        return Complaint(
            id: ComplaintID(id), storedAt: Date(millisecondsSince1970: storedAt),
            clusterId: clusterId.map { ClusterID($0) }, content: content)
    }
}
