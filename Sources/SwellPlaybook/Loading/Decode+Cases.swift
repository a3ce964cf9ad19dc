import SwellCore

extension YAMLValue {
    /// The `cases` section: `{acknowledge, answer, close, followUpVisit?, referrals?, otherReferral?}`.
    private func retention(_ value: YAMLValue?) throws(PlaybookLoadError) -> PlaybookDuration?? {
        guard let value else { return .none }
        return .some(try value.retentionValue())
    }

    func decodeCaseRules() throws(PlaybookLoadError) -> CaseRules {
        let fields = try mapping(allowed: [
            "acknowledge", "answer", "close", "followUpVisit", "referrals", "otherReferral", "retainPersonalData",
        ])
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
            referrals: referrals, otherReferral: try fields.optional("otherReferral")?.duration() ?? standard.otherReferral,
            retainPersonalData: try retention(fields.optional("retainPersonalData")) ?? standard.retainPersonalData)
    }
}

extension YAMLValue {
    /// `retainPersonalData`: a fixed duration (days or weeks; at least 30 days), or `forever`.
    fileprivate func retentionValue() throws(PlaybookLoadError) -> PlaybookDuration? {
        if (try? text(expected: "")) == "forever" { return nil }
        let duration = try duration()
        guard let seconds = duration.windowSeconds, seconds >= 30 * 86_400 else {
            throw error(.invalidValue(
                duration.description, reason: "personal data is erased this long after a case closed",
                expected: "a fixed duration of at least 30d (such as 1095d), or forever"))
        }
        return duration
    }

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
