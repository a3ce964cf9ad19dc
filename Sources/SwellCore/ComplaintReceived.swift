/// Payload of a `complaint.received` event: what the feed may show. No text, no personal data.
public struct ComplaintReceived: Codable, Sendable, Equatable {
    public var externalId: String
    public var channel: Channel
    public var receivedAt: String
    public var product: String?
    public var departure: String?
    public var supplier: String?

    public init(_ complaint: NewComplaint) {
        externalId = complaint.externalId
        channel = complaint.channel
        receivedAt = RFC3339.format(complaint.receivedAt)
        product = complaint.product
        departure = complaint.departure?.description
        supplier = complaint.supplier
    }
}

extension ComplaintReceived: CompactPayload {
    public func write(to object: inout CompactJSONObject) {
        object.add("channel", channel.rawValue)
        object.add("departure", departure)
        object.add("externalId", externalId)
        object.add("product", product)
        object.add("receivedAt", receivedAt)
        object.add("supplier", supplier)
    }
}
