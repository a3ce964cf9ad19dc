import Foundation

/// One complaint as the detector sees it. Event time travels with it; the detector never
/// reads the wall clock.
public struct DetectionInput: Sendable, Equatable {
    public var complaintId: Int64
    /// Event time: when the complaint was received.
    public var receivedAt: Date
    public var text: String
    public var product: String?
    /// Departure date as given; sometimes it is really the return date.
    public var departure: String?
    public var supplier: String?
    /// Stable key of the person (e.g. a hash of phone or e-mail): one person counts once.
    public var complainantKey: String?
    public var demand: String?

    public init(
        complaintId: Int64, receivedAt: Date, text: String, product: String? = nil, departure: String? = nil,
        supplier: String? = nil, complainantKey: String? = nil, demand: String? = nil
    ) {
        self.complaintId = complaintId
        self.receivedAt = receivedAt
        self.text = text
        self.product = product
        self.departure = departure
        self.supplier = supplier
        self.complainantKey = complainantKey
        self.demand = demand
    }
}
