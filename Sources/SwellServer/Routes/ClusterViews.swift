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
}
