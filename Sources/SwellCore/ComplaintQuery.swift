import Foundation

/// Filters and a page position for listing complaints, newest first (or, for a search ordered by relevance,
/// best match first).
public struct ComplaintQuery: Sendable, Equatable {
    /// Full-text search over the complaint text, combined with every other filter.
    public var search: ComplaintSearch?
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
        after: ComplaintCursor? = nil, limit: Int = 50, search: ComplaintSearch? = nil
    ) {
        self.search = search
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

/// Where a page ended: the last complaint's `receivedAt` (in milliseconds) and id, and for a search ordered by
/// relevance its score too. Opaque to clients.
public struct ComplaintCursor: Sendable, Equatable {
    public var receivedAtMilliseconds: Int64
    public var id: ComplaintID
    /// The last complaint's relevance score (higher is better); nil in newest-first order.
    public var score: Double?

    public init(receivedAtMilliseconds: Int64, id: ComplaintID, score: Double? = nil) {
        self.receivedAtMilliseconds = receivedAtMilliseconds
        self.id = id
        self.score = score
    }

    /// URL-safe base64 of `ms:id`, or `ms:id:score` with the score's bit pattern in hex (exact, so the next
    /// page starts exactly after this one).
    public var token: String {
        let plain = "\(receivedAtMilliseconds):\(id.rawValue)"
        let text = score.map { plain + ":" + String($0.bitPattern, radix: 16) } ?? plain
        return CursorToken.encode(text)
    }

    public init?(token: String) {
        guard let text = CursorToken.decode(token) else { return nil }
        let parts = text.split(separator: ":")
        guard parts.count == 2 || parts.count == 3, let ms = Int64(parts[0]), let id = Int64(parts[1]) else { return nil }
        var score: Double?
        if parts.count == 3 {
            guard let bits = UInt64(parts[2], radix: 16), Double(bitPattern: bits).isFinite else { return nil }
            score = Double(bitPattern: bits)
        }
        self.init(receivedAtMilliseconds: ms, id: ComplaintID(id), score: score)
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
