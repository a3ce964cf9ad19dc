import Foundation
import SwellCore
import SwellDetection

/// Translations between the case store's records and the detection engine's values.
public enum DetectionMapping {
    /// What the detector sees of a complaint: text, structured fields, and who complained (as a key, not data).
    public static func input(_ content: NewComplaint, id: ComplaintID) -> DetectionInput {
        DetectionInput(
            complaintId: id.rawValue, receivedAt: content.receivedAt, text: content.text,
            product: content.product, departure: content.departure?.description, supplier: content.supplier,
            complainantKey: content.complainant.identityKey, demand: content.demand)
    }

    static func input(_ complaint: Complaint) -> DetectionInput {
        input(complaint.content, id: complaint.id)
    }

    static func snapshot(_ summary: ClusterSummary, updatedAt: Date) -> ClusterSnapshot {
        ClusterSnapshot(
            id: ClusterID(summary.id), firstAt: summary.firstAt, lastAt: summary.lastAt, memberCount: summary.memberCount,
            distinctComplainants: summary.distinctComplainants, level: summary.level,
            topTerms: summary.topTerms, representativeText: summary.representativeText,
            representativeComplaintId: ComplaintID(summary.representativeComplaintId),
            entities: summary.entities.prefix(12).map { "\($0.entity.kind.rawValue):\($0.entity.value)" },
            updatedAt: updatedAt, title: summary.title)
    }

    static func warning(_ decision: WarningDecision) -> WarningRecord {
        WarningRecord(
            clusterId: ClusterID(decision.clusterId), kind: decision.kind.rawValue, level: decision.level,
            previousLevel: decision.previousLevel, raisedAt: decision.at,
            triggeringComplaintId: ComplaintID(decision.triggeringComplaintId), complaintCount: decision.complaintCount,
            distinctComplainants: decision.distinctComplainants, rule: decision.rule,
            reasons: decision.reasons)
    }
}

/// Payload of `cluster.created` / `cluster.updated`: where a complaint was placed and how similar it was.
struct PlacementPayload: Encodable {
    var complaintId: Int64
    var similarity: Double
    var memberCount: Int
    var distinctComplainants: Int
}

extension PlacementPayload: CompactPayload {
    func write(to object: inout CompactJSONObject) {
        object.add("complaintId", complaintId)
        object.add("distinctComplainants", distinctComplainants)
        object.add("memberCount", memberCount)
        object.add("similarity", similarity)
    }
}

/// Payload of `cluster.merged`.
struct MergePayload: Encodable {
    var absorbed: Int64
    var surviving: Int64
    var by: String?
}

/// Payload of `cluster.split` and `cluster.complaint_moved`.
struct CorrectionPayload: Encodable {
    var from: Int64
    var to: Int64
    var complaintIds: [Int64]
    var by: String
}
