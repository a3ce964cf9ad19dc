import SwellCore
import SwellEngine

/// A cluster as the API returns it; the representative text is masked for roles without personal data.
struct ClusterView: Encodable, Sendable {
    var id: ClusterID
    var mergedInto: ClusterID?
    var level: WarningLevel?
    var memberCount: Int
    var distinctComplainants: Int
    var firstAt: String
    var lastAt: String
    var topTerms: [String]
    /// Problem · trip · strongest entity, when something names them.
    var title: String?
    var entities: [String]
    var representativeText: String
    var representativeComplaintId: ComplaintID

    init(_ snapshot: ClusterSnapshot, for role: Role) {
        id = snapshot.id
        mergedInto = snapshot.mergedInto
        level = snapshot.level
        memberCount = snapshot.memberCount
        distinctComplainants = snapshot.distinctComplainants
        firstAt = RFC3339.format(snapshot.firstAt)
        lastAt = RFC3339.format(snapshot.lastAt)
        topTerms = snapshot.topTerms
        title = snapshot.title.map(PersonalDataMasking.mask)
        entities = snapshot.entities
        representativeText = role.seesPersonalData ? snapshot.representativeText : PersonalDataMasking.mask(snapshot.representativeText)
        representativeComplaintId = snapshot.representativeComplaintId
    }
}

/// A cluster with its members (newest first, up to 200), counts per day and warnings.
struct ClusterDetailView: Encodable, Sendable {
    var cluster: ClusterView
    var dailyCounts: [DailyCount]
    var members: [ComplaintView]
    var warnings: [WarningView]
    /// With `?complaintId=`: why that complaint is (or is not) in the cluster.
    var explanation: PlacementExplanation?
}

/// The evidence that places a complaint in a cluster, for the person correcting clusters: the detector's score
/// with the cluster now (text similarity, entity agreement and conflict, the time penalty, whether it would join),
/// the entities both name and the cluster's terms the complaint's text holds. No personal data.
struct PlacementExplanation: Encodable, Sendable {
    var complaintId: ComplaintID
    var inCluster: Bool
    /// Nil when the cluster has left the detector's window.
    var score: Double?
    var text: Double?
    var entityAgreement: Double?
    /// What it added that the complainant had complained into the cluster before (no personal data: a number).
    var complainantAgreement: Double?
    var entityConflict: Double?
    var timePenalty: Double?
    var wouldJoin: Bool?
    /// As `kind:value`, like the cluster's entities.
    var sharedEntities: [String]
    var sharedTerms: [String]
    var product: String?
    var departure: String?
}
