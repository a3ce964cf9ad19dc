import SwellCore
import SwellEngine

/// A complaint as the API returns it. For roles that may not see personal data, `complainant` is absent
/// and phone numbers, e-mail addresses and ID numbers inside `text` and `demand` are masked.
struct ComplaintView: Encodable, Sendable {
    var id: ComplaintID
    var externalId: String
    var receivedAt: String
    var storedAt: String
    var channel: Channel
    var text: String
    var complainant: ComplainantView?
    var product: String?
    var departure: String?
    var supplier: String?
    var demand: String?
    var clusterId: ClusterID?

    struct ComplainantView: Encodable, Sendable {
        var name: String?
        var phone: String?
        var email: String?
    }

    init(_ complaint: Complaint, for role: Role) {
        let content = complaint.content
        let personal = role.seesPersonalData
        id = complaint.id
        externalId = content.externalId
        receivedAt = RFC3339.format(content.receivedAt)
        storedAt = RFC3339.format(complaint.storedAt)
        channel = content.channel
        text = personal ? content.text : PersonalDataMasking.mask(content.text)
        complainant = personal && !content.complainant.isEmpty
            ? ComplainantView(name: content.complainant.name, phone: content.complainant.phone, email: content.complainant.email)
            : nil
        product = content.product
        departure = content.departure?.description
        supplier = content.supplier
        demand = personal ? content.demand : content.demand.map(PersonalDataMasking.mask)
        clusterId = complaint.clusterId
    }
}
