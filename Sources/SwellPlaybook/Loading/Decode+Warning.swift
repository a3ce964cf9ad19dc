import SwellCore

extension YAMLValue {
    /// The `warning` section, as the one set of rules the detector evaluates. Windows are elapsed time
    /// (`d` is 24 hours here, `w` seven days).
    func decodeWarningRules() throws(PlaybookLoadError) -> WarningRules {
        let fields = try mapping(allowed: [
            "minComplaints", "window", "signalledWindows", "slowWindows", "growth", "levels", "signalComplainants",
            "minSharedEntityShare", "mediaCoverage", "mentionSpike",
        ])
        let main = try fields.required("window").windowDuration()
        var countRules = [WarningRules.CountRule(
            name: "burst", complaints: try fields.required("minComplaints").integer(in: 2...100_000), window: main.windowSeconds ?? 0)]
        for entry in try fields.optional("signalledWindows")?.list(expected: "{complaints, window, signalled} mappings") ?? [] {
            let window = try entry.mapping(allowed: ["complaints", "window", "signalled"])
            let length = try window.required("window").windowDuration()
            countRules.append(WarningRules.CountRule(
                name: "signalled-\(length)", complaints: try window.required("complaints").integer(in: 2...100_000),
                window: length.windowSeconds ?? 0, signalled: try window.required("signalled").integer(in: 1...100_000)))
        }
        for entry in try fields.optional("slowWindows")?.list(expected: "{complaints, window} mappings") ?? [] {
            let window = try entry.mapping(allowed: ["complaints", "window"])
            let length = try window.required("window").windowDuration()
            countRules.append(WarningRules.CountRule(
                name: "slow-\(length)", complaints: try window.required("complaints").integer(in: 2...100_000),
                window: length.windowSeconds ?? 0))
        }
        let growth = try fields.optional("growth")?.decodeGrowth()
        var levels: [WarningRules.LevelRule] = []
        for entry in try fields.optional("levels")?.list(expected: "level rules") ?? [] {
            let rule = try entry.decodeLevelRule()
            if rule.growth != nil, growth == nil {
                throw entry.error(.wrongShape(
                    found: "a growth condition without a growth rule", expected: "a `growth` rule in the warning section"))
            }
            levels.append(rule)
        }
        let standard = WarningRules.standard
        var thresholds = standard.signalThresholds
        var defaultThreshold = standard.defaultSignalThreshold
        if let section = fields.optional("signalComplainants") {
            let names = ["default"] + EscalationSignal.allCases.map(\.rawValue)
            let entries = try section.mapping(allowed: names)
            thresholds = [:]
            for name in names {
                guard let value = entries.optional(name) else { continue }
                let count = try value.integer(in: 1...100_000)
                if let signal = EscalationSignal(rawValue: name) { thresholds[signal] = count } else { defaultThreshold = count }
            }
        }
        return WarningRules(
            countRules: countRules, growth: growth, levels: levels, signalThresholds: thresholds,
            defaultSignalThreshold: defaultThreshold,
            minSharedEntityShare: try fields.optional("minSharedEntityShare")?.number(in: 0...1) ?? standard.minSharedEntityShare,
            mediaCoverage: try fields.optional("mediaCoverage")?.decodeMediaCoverage(),
            mentionSpike: try fields.optional("mentionSpike")?.decodeMentionSpike())
    }

    /// `mentionSpike: {window: 1h, baseline: 24h, factor: 3, minMentions: 10}`.
    private func decodeMentionSpike() throws(PlaybookLoadError) -> WarningRules.MentionSpikeRule {
        let fields = try mapping(allowed: ["window", "baseline", "factor", "minMentions"])
        return WarningRules.MentionSpikeRule(
            window: try fields.required("window").windowDuration().windowSeconds ?? 0,
            baseline: try fields.required("baseline").windowDuration().windowSeconds ?? 0,
            factor: try fields.required("factor").number(in: 1...1000),
            minMentions: try fields.required("minMentions").integer(in: 1...1_000_000))
    }

    /// `mediaCoverage: {stories: 2, reach: 100000}`: negative coverage that counts as `media_attention`.
    private func decodeMediaCoverage() throws(PlaybookLoadError) -> WarningRules.MediaCoverageRule {
        let fields = try mapping(allowed: ["stories", "reach"])
        let rule = WarningRules.MediaCoverageRule(
            stories: try fields.optional("stories")?.integer(in: 1...100_000),
            reach: (try fields.optional("reach")?.integer(in: 1...1_000_000_000_000)).map { Int64($0) })
        guard rule.stories != nil || rule.reach != nil else {
            throw error(.wrongShape(found: "a media coverage rule without conditions", expected: "stories, reach or both"))
        }
        return rule
    }

    private func decodeGrowth() throws(PlaybookLoadError) -> WarningRules.GrowthRule {
        let fields = try mapping(allowed: ["factor", "window", "baseline", "minComplaints"])
        return WarningRules.GrowthRule(
            factor: try fields.required("factor").number(in: 1...1000),
            window: try fields.required("window").windowDuration().windowSeconds ?? 0,
            baseline: try fields.required("baseline").windowDuration().windowSeconds ?? 0,
            minComplaints: try fields.optional("minComplaints")?.integer(in: 1...100_000) ?? 1)
    }

    private func decodeLevelRule() throws(PlaybookLoadError) -> WarningRules.LevelRule {
        let fields = try mapping(allowed: ["level", "complaints", "growth", "signals"])
        var signals: Set<EscalationSignal> = []
        for signal in try fields.optional("signals")?.list(expected: "signal names") ?? [] {
            signals.insert(try signal.oneOf(EscalationSignal.self))
        }
        let rule = WarningRules.LevelRule(
            level: try fields.required("level").oneOf(WarningLevel.self),
            complaints: try fields.optional("complaints")?.integer(in: 2...100_000),
            growth: try fields.optional("growth")?.number(in: 1...1000),
            signals: signals)
        guard rule.complaints != nil || rule.growth != nil || !rule.signals.isEmpty else {
            throw error(.wrongShape(found: "a level rule without conditions",
                                    expected: "at least one of complaints, growth or signals"))
        }
        return rule
    }

    /// The `autoOpen` section: `{atLevel: orange}` or `{atLevel: never}`.
    func decodeAutoOpen() throws(PlaybookLoadError) -> AutoOpenRule {
        let fields = try mapping(allowed: ["atLevel"])
        let levels = WarningLevel.allCases.map(\.rawValue) + ["never"]
        let level = try fields.required("atLevel").parsed(expected: "one of: \(levels.joined(separator: ", "))") { (raw: String) -> WarningLevel?? in
            raw == "never" ? .some(nil) : WarningLevel(rawValue: raw).map { .some($0) }
        }
        return AutoOpenRule(atLevel: level)
    }
}
