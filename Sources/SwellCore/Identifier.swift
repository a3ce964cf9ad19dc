/// A typed integer identifier: a `ComplaintID` cannot be passed where an `IncidentID` is expected.
public struct Identifier<Tag>: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: Int64

    public init(rawValue: Int64) { self.rawValue = rawValue }
    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { String(rawValue) }
}

public enum ComplaintTag {}
public enum ClusterTag {}
public enum IncidentTag {}
public enum WarningTag {}
public enum TokenTag {}
public enum ChannelTag {}
public enum DeliveryTag {}

public typealias ComplaintID = Identifier<ComplaintTag>
public typealias ClusterID = Identifier<ClusterTag>
public typealias IncidentID = Identifier<IncidentTag>
public typealias WarningID = Identifier<WarningTag>
public typealias TokenID = Identifier<TokenTag>
public typealias ChannelID = Identifier<ChannelTag>
public typealias DeliveryID = Identifier<DeliveryTag>
