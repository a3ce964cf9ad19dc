import Foundation

/// Filters and a page position for listing complaints, newest first.
public struct ComplaintQuery: Sendable, Equatable {
    public var product: String?
    public var departure: CalendarDate?
    public var channel: Channel?
    public var supplier: String?
    public var clusterId: ClusterID?
    public var receivedFrom: Date?
    public var receivedBefore: Date?
    public var after: ComplaintCursor?
    public var limit: Int

    public static let maxLimit = 500

    public init(
        product: String? = nil, departure: CalendarDate? = nil, channel: Channel? = nil, supplier: String? = nil,
        clusterId: ClusterID? = nil, receivedFrom: Date? = nil, receivedBefore: Date? = nil,
        after: ComplaintCursor? = nil, limit: Int = 50
    ) {
        self.product = product
        self.departure = departure
        self.channel = channel
        self.supplier = supplier
        self.clusterId = clusterId
        self.receivedFrom = receivedFrom
        self.receivedBefore = receivedBefore
        self.after = after
        self.limit = limit
    }
}

/// Where a page ended: the last complaint's `receivedAt` (in milliseconds) and id. Opaque to clients.
public struct ComplaintCursor: Sendable, Equatable {
    public var receivedAtMilliseconds: Int64
    public var id: ComplaintID

    public init(receivedAtMilliseconds: Int64, id: ComplaintID) {
        self.receivedAtMilliseconds = receivedAtMilliseconds
        self.id = id
    }

    /// URL-safe base64 of `ms:id`.
    public var token: String {
        Data("\(receivedAtMilliseconds):\(id.rawValue)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    public init?(token: String) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: ":")
        guard parts.count == 2, let ms = Int64(parts[0]), let id = Int64(parts[1]) else { return nil }
        self.init(receivedAtMilliseconds: ms, id: ComplaintID(id))
    }
}

/// One page of complaints and the cursor for the next, nil at the end.
public struct ComplaintPage: Sendable {
    public var items: [Complaint]
    public var next: ComplaintCursor?

    public init(items: [Complaint], next: ComplaintCursor?) {
        self.items = items
        self.next = next
    }
}

extension Date {
    /// Milliseconds since 1970, the unit in which stores keep instants.
    public var millisecondsSince1970: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    public init(millisecondsSince1970 ms: Int64) { self.init(timeIntervalSince1970: Double(ms) / 1000) }
}
