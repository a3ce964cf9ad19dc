import Yams
extension YAMLValue {
    /// The `incentives` section.
    func decodeIncentives() throws(PlaybookLoadError) -> IncentivePolicy {
        let fields = try mapping(allowed: ["tiers", "collective"])
        var tiers: [IncentivePolicy.Tier] = []
        var previous: (PlaybookDuration, YAMLValue)?
        for entry in try fields.required("tiers").list(expected: "tiers {within, percent, fixed}") {
            let tier = try entry.mapping(allowed: ["within", "percent", "fixed"])
            let withinValue = try tier.required("within")
            let within = try withinValue.duration()
            if let (earlier, _) = previous, approximateSeconds(within) <= approximateSeconds(earlier) {
                throw withinValue.error(.invalidValue(within.description, reason: "this tier does not end after the one before (\(earlier))",
                                                      expected: "tiers in order, each lasting longer than the one before"))
            }
            previous = (within, withinValue)
            let percent = try tier.optional("percent")?.percentBasisPoints()
            let fixed = try tier.optional("fixed")?.money()
            guard percent != nil || fixed != nil else {
                throw entry.error(.missingField("percent (or fixed)"))
            }
            tiers.append(IncentivePolicy.Tier(within: within, percentBasisPoints: percent ?? 0, fixed: fixed))
        }
        var collective: IncentivePolicy.Collective?
        if let value = fields.optional("collective") {
            let rule = try value.mapping(allowed: ["share", "percent", "fixed", "within"])
            let shareValue = try rule.required("share")
            let share = try shareValue.percentBasisPoints(max: 100)
            guard share > 0 else {
                throw shareValue.error(.invalidValue("0", reason: "a bonus released at once is a tier", expected: "a share above 0%, e.g. 90%"))
            }
            let percent = try rule.optional("percent")?.percentBasisPoints()
            let fixed = try rule.optional("fixed")?.money()
            guard percent != nil || fixed != nil else { throw value.error(.missingField("percent (or fixed)")) }
            collective = IncentivePolicy.Collective(
                shareBasisPoints: share, percentBasisPoints: percent ?? 0, fixed: fixed, within: try rule.optional("within")?.duration())
        }
        return IncentivePolicy(tiers: tiers, collective: collective)
    }

    /// The `compensation` section.
    func decodeCompensation() throws(PlaybookLoadError) -> CompensationTable {
        let fields = try mapping(allowed: ["currency", "upliftPercent", "categories"])
        let categories = try fields.required("categories")
        guard let pairs = categories.node.mapping else {
            throw categories.error(.wrongShape(found: categories.shapeName, expected: "a mapping of category ids to rules"))
        }
        var rules: [CompensationRule] = []
        for (keyNode, valueNode) in pairs {
            let key = YAMLValue(node: keyNode, path: categories.path, context: context)
            let value = YAMLValue(node: valueNode, path: joined(categories.path, keyNode.scalar?.string ?? "?"), context: context)
            if let rule = context.attempt({ () throws(PlaybookLoadError) in
                try value.decodeCompensationRule(category: try key.identifier())
            }) {
                rules.append(rule)
            }
        }
        return CompensationTable(
            currency: try fields.required("currency").currencyCode(),
            upliftBasisPoints: try fields.optional("upliftPercent")?.percentBasisPoints() ?? 0,
            rules: rules)
    }

    private func decodeCompensationRule(category: String) throws(PlaybookLoadError) -> CompensationRule {
        let fields = try mapping(allowed: ["title", "refundAmount", "penalty", "basis"])
        let refunds = try fields.optional("refundAmount")?.parsed(expected: "true or false") { Bool($0) } ?? false
        let penalty = try fields.optional("penalty")?.penalty()
        guard refunds || penalty != nil else {
            throw error(.missingField("penalty (or refundAmount: true)"))
        }
        return CompensationRule(
            category: category,
            title: try fields.required("title").bilingual(),
            refundsAmount: refunds,
            penalty: penalty,
            basis: try fields.optional("basis")?.text())
    }

    /// `100% of amount`, `20% of tour_price per occurrence`.
    private func penalty() throws(PlaybookLoadError) -> CompensationRule.Penalty {
        let expected = "\"<percent>% of amount|tour_price\", optionally followed by \"per occurrence\" (e.g. 20% of tour_price per occurrence)"
        return try parsed(expected: expected) { raw in
            let words = raw.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard words.count == 3 || (words.count == 5 && words[3] == "per" && words[4] == "occurrence"),
                  words[0].hasSuffix("%"), words[1] == "of",
                  let points = parseBasisPoints(String(words[0].dropLast()), max: 1000),
                  let base = CompensationRule.Base(rawValue: words[2])
            else { return nil }
            return CompensationRule.Penalty(basisPoints: points, of: base, perOccurrence: words.count == 5)
        }
    }
}

/// A duration's rough length in seconds, only to check that tiers are in order
/// (a working day counts as 7/5 of a day).
func approximateSeconds(_ duration: PlaybookDuration) -> Double {
    let day = 86_400.0
    return switch duration.unit {
    case .minutes: Double(duration.amount) * 60
    case .hours: Double(duration.amount) * 3600
    case .days: Double(duration.amount) * day
    case .weeks: Double(duration.amount) * 7 * day
    case .workingDays: Double(duration.amount) * day * 7 / 5
    }
}
