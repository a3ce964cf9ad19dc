extension YAMLValue {
    /// The `warning` section.
    func decodeWarningRules() throws(PlaybookLoadError) -> WarningRules {
        let fields = try mapping(allowed: ["minComplaints", "window", "slowWindows", "growth", "levels"])
        var slowWindows: [WarningRules.Window] = []
        for entry in try fields.optional("slowWindows")?.list(expected: "{complaints, window} mappings") ?? [] {
            let window = try entry.mapping(allowed: ["complaints", "window"])
            slowWindows.append(WarningRules.Window(
                complaints: try window.required("complaints").integer(in: 2...100_000),
                window: try window.required("window").windowDuration()))
        }
        var levels: [WarningRules.LevelRule] = []
        for entry in try fields.optional("levels")?.list(expected: "level rules") ?? [] {
            levels.append(try entry.decodeLevelRule())
        }
        return WarningRules(
            minComplaints: try fields.required("minComplaints").integer(in: 2...100_000),
            window: try fields.required("window").windowDuration(),
            slowWindows: slowWindows,
            growth: try fields.optional("growth")?.decodeGrowth(),
            levels: levels)
    }

    private func decodeGrowth() throws(PlaybookLoadError) -> WarningRules.Growth {
        let fields = try mapping(allowed: ["factor", "window", "baseline", "minComplaints"])
        return WarningRules.Growth(
            factor: try fields.required("factor").number(in: 1...1000),
            window: try fields.required("window").windowDuration(),
            baseline: try fields.required("baseline").windowDuration(),
            minComplaints: try fields.optional("minComplaints")?.integer(in: 1...100_000) ?? 1)
    }

    private func decodeLevelRule() throws(PlaybookLoadError) -> WarningRules.LevelRule {
        let fields = try mapping(allowed: ["level", "complaints", "growth", "signals"])
        var signals: Set<WarningRules.Signal> = []
        for signal in try fields.optional("signals")?.list(expected: "signal names") ?? [] {
            signals.insert(try signal.oneOf(WarningRules.Signal.self))
        }
        let rule = WarningRules.LevelRule(
            level: try fields.required("level").oneOf(PlaybookWarningLevel.self),
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
        let levels = PlaybookWarningLevel.allCases.map(\.rawValue) + ["never"]
        let level = try fields.required("atLevel").parsed(expected: "one of: \(levels.joined(separator: ", "))") { (raw: String) -> PlaybookWarningLevel?? in
            raw == "never" ? .some(nil) : PlaybookWarningLevel(rawValue: raw).map { .some($0) }
        }
        return AutoOpenRule(atLevel: level)
    }
}
