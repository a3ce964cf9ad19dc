import Foundation
import SwellCore

/// Where the detector put one complaint, and what that changed.
public struct Placement: Sendable, Equatable {
    public var complaintId: Int64
    public var clusterId: Int64
    /// Combined score with the cluster joined (0…1); 1 for a complaint that started a cluster.
    public var similarity: Double
    public var createdCluster: Bool
    /// Clusters this complaint bridged and merged, in order.
    public var merges: [ClusterMerge]
    /// Warnings raised or escalated by this complaint.
    public var warnings: [WarningDecision]
}

/// One cluster absorbed into another.
public struct ClusterMerge: Sendable, Equatable, Codable {
    /// The cluster that no longer exists; its members now belong to `surviving`.
    public var absorbed: Int64
    /// The cluster that remains (the larger, then the older).
    public var surviving: Int64

    public init(absorbed: Int64, surviving: Int64) {
        self.absorbed = absorbed
        self.surviving = surviving
    }
}

/// A warning raised for a cluster, or a rise of its level.
public struct WarningDecision: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable { case raised, escalated }

    public var clusterId: Int64
    /// `.raised` the first time a cluster warns, `.escalated` when its level rises later.
    public var kind: Kind
    public var level: WarningLevel
    /// The level before an escalation; nil for a raise.
    public var previousLevel: WarningLevel?
    /// The rule, shared entity and level evidence, most decisive first.
    public var reasons: [WarningReason]
    /// The complaint whose placement (or move, or merge) led to the decision.
    public var triggeringComplaintId: Int64
    /// Complaints in the cluster (within the detection window) at the decision.
    public var complaintCount: Int
    public var distinctComplainants: Int
    /// Name of the playbook rule that fired (`burst`, `slow-4d`, `growth`) or `escalation`.
    public var rule: String
    /// Event time of the triggering complaint.
    public var at: Date
}


/// What a cluster holds and why its complaints were grouped.
public struct ClusterSummary: Sendable, Equatable {
    public var id: Int64
    /// The problem, the trip and the strongest entity (`酒店降级不符 · AU-8D-0612 · 6月12日`); nil when nothing names them.
    public var title: String?
    public var memberCount: Int
    public var distinctComplainants: Int
    public var firstAt: Date
    public var lastAt: Date
    public var level: WarningLevel?
    /// Terms most shared by the members, most telling first.
    public var topTerms: [String]
    /// The representative complaint's text, cut to its first 100 characters.
    public var representativeText: String
    public var representativeComplaintId: Int64
    /// Entities carried by at least two members (or the one member), most frequent first.
    public var entities: [EntityCount]
    /// Escalation signals seen in the members.
    public var signals: [EscalationSignal]
    /// Member ids in arrival order.
    public var memberIds: [Int64]
}

/// An entity and how many members mention it.
public struct EntityCount: Sendable, Equatable, Codable {
    public var entity: Entity
    public var count: Int
}
