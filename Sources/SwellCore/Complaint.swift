import Foundation

/// A complaint that passed validation and is ready to be stored.
public struct NewComplaint: Sendable, Equatable {
    public var externalId: String
    public var receivedAt: Date
    public var channel: Channel
    public var text: String
    public var complainant: Complainant
    public var product: String?
    public var departure: CalendarDate?
    public var supplier: String?
    public var demand: String?

    public init(
        externalId: String, receivedAt: Date, channel: Channel, text: String,
        complainant: Complainant = Complainant(), product: String? = nil, departure: CalendarDate? = nil,
        supplier: String? = nil, demand: String? = nil
    ) {
        self.externalId = externalId
        self.receivedAt = receivedAt
        self.channel = channel
        self.text = text
        self.complainant = complainant
        self.product = product
        self.departure = departure
        self.supplier = supplier
        self.demand = demand
    }
}

/// A stored complaint, as the case store holds it.
public struct Complaint: Sendable, Equatable {
    public var id: ComplaintID
    public var storedAt: Date
    public var clusterId: ClusterID?
    public var content: NewComplaint

    public init(id: ComplaintID, storedAt: Date, clusterId: ClusterID?, content: NewComplaint) {
        self.id = id
        self.storedAt = storedAt
        self.clusterId = clusterId
        self.content = content
    }
}
