import SwellCore

extension YAMLValue {
    /// The `cases` section: `{acknowledge, answer, close, followUpVisit?, referrals?, otherReferral?}`.
    func decodeCaseRules() throws(PlaybookLoadError) -> CaseRules {
        let fields = try mapping(allowed: ["acknowledge", "answer", "close", "followUpVisit", "referrals", "otherReferral"])
        let standard = CaseRules.standard
        let acknowledgeValue = fields.optional("acknowledge")
        let acknowledge = try acknowledgeValue?.duration() ?? standard.acknowledge
        if let acknowledgeValue, (acknowledge.fixedSeconds ?? .infinity) > CaseRules.longestAcknowledgement {
            throw acknowledgeValue.error(.invalidValue(
                acknowledge.description, reason: "a complaint is acknowledged at once (ISO 10002)",
                expected: "at most 24h, in m or h"))
        }
        var referrals: [CaseRules.Referral] = []
        for entry in try fields.optional("referrals")?.list(expected: "{authority, answer} mappings") ?? [] {
            let referral = try entry.mapping(allowed: ["authority", "answer"])
            let authorityValue = try referral.required("authority")
            let authority = try authorityValue.text(expected: "an authority such as 12315")
            if referrals.contains(where: { $0.authority == authority }) {
                throw authorityValue.error(.duplicateId(authority, firstLine: nil))
            }
            referrals.append(CaseRules.Referral(authority: authority, answer: try referral.required("answer").duration()))
        }
        return CaseRules(
            acknowledge: acknowledge, answer: try fields.optional("answer")?.duration() ?? standard.answer,
            close: try fields.optional("close")?.duration() ?? standard.close,
            followUpVisit: try fields.optional("followUpVisit")?.duration() ?? standard.followUpVisit,
            referrals: referrals, otherReferral: try fields.optional("otherReferral")?.duration() ?? standard.otherReferral)
    }
}

extension YAMLValue {
    /// The `review` section: `{rootCauseCategories: [identifiers]}`.
    func decodeRootCauseCategories() throws(PlaybookLoadError) -> [String] {
        let fields = try mapping(allowed: ["rootCauseCategories"])
        var categories: [String] = []
        for entry in try fields.required("rootCauseCategories").list(expected: "category identifiers such as supplier") {
            let category = try entry.identifier()
            if categories.contains(category) { throw entry.error(.duplicateId(category, firstLine: nil)) }
            categories.append(category)
        }
        guard !categories.isEmpty else {
            throw error(.wrongShape(found: "an empty list", expected: "at least one root-cause category"))
        }
        return categories
    }
}
