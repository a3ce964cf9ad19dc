import Foundation

/// The kind of an event in the log. Open-ended: each module adds its own kinds.
public struct EventType: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static let complaintReceived = EventType("complaint.received")
    public static let tokenCreated = EventType("token.created")
    public static let tokenRevoked = EventType("token.revoked")
}

/// An event about to be appended to the log. Its payload is JSON text and never holds personal data.
public struct EventDraft: Sendable, Equatable {
    public var type: EventType
    public var at: Date
    public var complaintId: ComplaintID?
    public var clusterId: ClusterID?
    public var incidentId: IncidentID?
    public var payload: String

    public init(
        type: EventType, at: Date, complaintId: ComplaintID? = nil, clusterId: ClusterID? = nil,
        incidentId: IncidentID? = nil, payload: String = "{}"
    ) {
        self.type = type
        self.at = at
        self.complaintId = complaintId
        self.clusterId = clusterId
        self.incidentId = incidentId
        self.payload = payload
    }

    /// Encodes a payload value as compact JSON with sorted keys, so its text (and hence its hash) is stable.
    public static func payload(_ value: some Encodable) -> String {
        guard let data = try? payloadEncoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The same text as the generic `payload(_:)` gives, written without `Codable`.
    public static func payload(_ value: some CompactPayload) -> String {
        var object = CompactJSONObject()
        value.write(to: &object)
        return object.json
    }

    /// One encoder for every payload (an encoder holds only its options; each `encode` keeps its own state).
    private static let payloadEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}

/// An event as stored: a contiguous sequence number and a link in the hash chain.
public struct Event: Sendable, Equatable {
    public var seq: Int64
    public var draft: EventDraft
    /// Hex SHA-256 of the previous event's hash and this event's content.
    public var hash: String

    public init(seq: Int64, draft: EventDraft, hash: String) {
        self.seq = seq
        self.draft = draft
        self.hash = hash
    }

    public var type: EventType { draft.type }
    public var at: Date { draft.at }
}
