/// A complaint as a client sends it (DESIGN.md section 4), before validation. Every field is optional here
/// so that validation can name each missing or wrong field instead of failing on the first.
/// Unknown fields are ignored, so channels may send extra data without breaking intake.
public struct ComplaintSubmission: Decodable, Sendable, Equatable {
    public var externalId: String?
    public var receivedAt: String?
    public var channel: String?
    public var text: String?
    public var complainant: ComplainantSubmission?
    public var product: String?
    public var departure: String?
    public var supplier: String?
    public var demand: String?
    /// An authority's referral of the complaint (12315, 12345, 12301…): it becomes the case's referral.
    public var referral: ReferralSubmission?

    public init(
        externalId: String? = nil, receivedAt: String? = nil, channel: String? = nil, text: String? = nil,
        complainant: ComplainantSubmission? = nil, product: String? = nil, departure: String? = nil,
        supplier: String? = nil, demand: String? = nil, referral: ReferralSubmission? = nil
    ) {
        self.externalId = externalId
        self.receivedAt = receivedAt
        self.channel = channel
        self.text = text
        self.complainant = complainant
        self.product = product
        self.departure = departure
        self.supplier = supplier
        self.demand = demand
        self.referral = referral
    }
}

/// The authority that referred a complaint, as a client sends it.
public struct ReferralSubmission: Decodable, Sendable, Equatable {
    public var authority: String?
    public var referenceNo: String?

    public init(authority: String? = nil, referenceNo: String? = nil) {
        self.authority = authority
        self.referenceNo = referenceNo
    }
}

public struct ComplainantSubmission: Decodable, Sendable, Equatable {
    public var name: String?
    public var phone: String?
    public var email: String?

    public init(name: String? = nil, phone: String? = nil, email: String? = nil) {
        self.name = name
        self.phone = phone
        self.email = email
    }
}
