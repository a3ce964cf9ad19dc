import Foundation

/// What the case store keeps of a cluster of similar complaints: the detector's latest view of it.
/// `representativeText` is a complaint's text and may hold personal data: mask it for roles that may not see it.
public struct ClusterSnapshot: Sendable, Codable, Equatable {
    public var id: ClusterID
    /// Set when this cluster was merged into another; its complaints then belong to that one.
    public var mergedInto: ClusterID?
    public var firstAt: Date
    public var lastAt: Date
    public var memberCount: Int
    public var distinctComplainants: Int
    /// The highest warning level reached, nil while no warning fired.
    public var level: WarningLevel?
    public var topTerms: [String]
    public var representativeText: String
    public var representativeComplaintId: ComplaintID
    /// Entities shared by the members (dates, flights, hotels, …), as `kind:value`, most frequent first.
    public var entities: [String]
    public var updatedAt: Date
    /// The problem, the trip and the strongest entity (`酒店降级不符 · AU-8D-0612 · 6月12日`), for people; nil when
    /// nothing names them (and on snapshots stored before titles were kept).
    public var title: String?

    public init(
        id: ClusterID, mergedInto: ClusterID? = nil, firstAt: Date, lastAt: Date, memberCount: Int,
        distinctComplainants: Int, level: WarningLevel?, topTerms: [String], representativeText: String,
        representativeComplaintId: ComplaintID, entities: [String], updatedAt: Date, title: String? = nil
    ) {
        self.title = title
        self.id = id
        self.mergedInto = mergedInto
        self.firstAt = firstAt
        self.lastAt = lastAt
        self.memberCount = memberCount
        self.distinctComplainants = distinctComplainants
        self.level = level
        self.topTerms = topTerms
        self.representativeText = representativeText
        self.representativeComplaintId = representativeComplaintId
        self.entities = entities
        self.updatedAt = updatedAt
    }
}

/// An early warning (or an escalation of one) on a cluster, with the rule that fired and why, and where people
/// stand with it (`handling`; see `WarningThread` for how an action applies to a cluster's records).
public struct WarningRecord: Sendable, Codable, Equatable {
    public typealias Reason = WarningReason

    /// Assigned by the store.
    public var id: WarningID?
    public var clusterId: ClusterID
    /// `raised` or `escalated`.
    public var kind: String
    public var level: WarningLevel
    public var previousLevel: WarningLevel?
    /// Event time: the triggering complaint's `receivedAt`.
    public var raisedAt: Date
    public var triggeringComplaintId: ComplaintID
    public var complaintCount: Int
    public var distinctComplainants: Int
    public var rule: String
    public var reasons: [Reason]
    /// Open until a person acknowledges or dismisses it or an incident is opened on its cluster. Stored in columns
    /// of its own, not in the record's document: the document is the detector's view and never changes.
    public var handling: WarningHandling = .open

    /// The detector's fields: the stored document.
    enum CodingKeys: String, CodingKey {
        case id, clusterId, kind, level, previousLevel, raisedAt, triggeringComplaintId, complaintCount
        case distinctComplainants, rule, reasons
    }

    public init(
        id: WarningID? = nil, clusterId: ClusterID, kind: String, level: WarningLevel, previousLevel: WarningLevel?,
        raisedAt: Date, triggeringComplaintId: ComplaintID, complaintCount: Int, distinctComplainants: Int,
        rule: String, reasons: [Reason], handling: WarningHandling = .open
    ) {
        self.id = id
        self.clusterId = clusterId
        self.kind = kind
        self.level = level
        self.previousLevel = previousLevel
        self.raisedAt = raisedAt
        self.triggeringComplaintId = triggeringComplaintId
        self.complaintCount = complaintCount
        self.distinctComplainants = distinctComplainants
        self.rule = rule
        self.reasons = reasons
        self.handling = handling
    }

    /// The event that announces this warning, once the store has given it an id.
    public func eventDraft(at: Date) -> EventDraft {
        EventDraft(
            type: kind == "escalated" ? .warningEscalated : .warningRaised, at: at,
            complaintId: triggeringComplaintId, clusterId: clusterId,
            payload: EventDraft.payload(WarningEventPayload(self)))
    }
}

/// Payload of `warning.raised` / `warning.escalated`.
public struct WarningEventPayload: Codable, Sendable, Equatable {
    public var warningId: WarningID?
    public var level: WarningLevel
    public var previousLevel: WarningLevel?
    public var raisedAt: String
    public var triggeringComplaintId: ComplaintID
    public var complaintCount: Int
    public var distinctComplainants: Int
    public var rule: String
    public var reasons: [WarningRecord.Reason]

    public init(_ warning: WarningRecord) {
        warningId = warning.id
        level = warning.level
        previousLevel = warning.previousLevel
        raisedAt = RFC3339.format(warning.raisedAt)
        triggeringComplaintId = warning.triggeringComplaintId
        complaintCount = warning.complaintCount
        distinctComplainants = warning.distinctComplainants
        rule = warning.rule
        reasons = warning.reasons
    }
}

extension EventType {
    public static let clusterCreated = EventType("cluster.created")
    public static let clusterUpdated = EventType("cluster.updated")
    public static let clusterMerged = EventType("cluster.merged")
    public static let clusterSplit = EventType("cluster.split")
    public static let complaintMoved = EventType("cluster.complaint_moved")
    public static let warningRaised = EventType("warning.raised")
    public static let warningEscalated = EventType("warning.escalated")
}

/// Complaints of one cluster per UTC day.
public struct DailyCount: Sendable, Codable, Equatable {
    public var day: String
    public var count: Int

    public init(day: String, count: Int) {
        self.day = day
        self.count = count
    }
}

/// How many complaints were received in one UTC hour (`hour` is its start, RFC 3339).
public struct HourlyCount: Sendable, Codable, Equatable {
    public var hour: String
    public var count: Int

    public init(hour: String, count: Int) {
        self.hour = hour
        self.count = count
    }
}
