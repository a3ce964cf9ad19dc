import SwellCore
import SwellEngine

/// A warning as the API returns it (DESIGN.md section 4), with where people stand with it: `state`, who
/// acknowledged or dismissed it and when, and the incident it was linked to. The dismissal reason is staff's free
/// text and may name complainants, so it is masked for roles without personal data.
struct WarningView: Encodable, Sendable {
    var id: WarningID?
    var clusterId: ClusterID
    var kind: String
    var level: WarningLevel
    var previousLevel: WarningLevel?
    var raisedAt: String
    var triggeringComplaintId: ComplaintID
    var complaintCount: Int
    var distinctComplainants: Int
    var rule: String
    var reasons: [WarningRecord.Reason]
    var state: WarningState
    var acknowledgedBy: String?
    var acknowledgedAt: String?
    var dismissedBy: String?
    var dismissedAt: String?
    var dismissReason: String?
    var incidentId: IncidentID?
    var linkedAt: String?

    init(_ record: WarningRecord, seesPersonalData: Bool) {
        id = record.id
        clusterId = record.clusterId
        kind = record.kind
        level = record.level
        previousLevel = record.previousLevel
        raisedAt = RFC3339.format(record.raisedAt)
        triggeringComplaintId = record.triggeringComplaintId
        complaintCount = record.complaintCount
        distinctComplainants = record.distinctComplainants
        rule = record.rule
        reasons = record.reasons
        let handling = record.handling
        state = handling.state
        acknowledgedBy = handling.acknowledged?.by
        acknowledgedAt = handling.acknowledged.map { RFC3339.format($0.at) }
        dismissedBy = handling.dismissed?.by
        dismissedAt = handling.dismissed.map { RFC3339.format($0.at) }
        dismissReason = handling.dismissed.map { seesPersonalData ? $0.reason : PersonalDataMasking.mask($0.reason) }
        incidentId = handling.incident?.incidentId
        linkedAt = handling.incident.map { RFC3339.format($0.at) }
    }
}
