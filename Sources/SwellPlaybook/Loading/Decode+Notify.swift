import SwellCore

extension YAMLValue {
    /// The `notify` section: a list of `{events, minLevel?, channels, language?}`.
    func decodeNotificationRules() throws(PlaybookLoadError) -> [NotificationRule] {
        var rules: [NotificationRule] = []
        for entry in try list(expected: "{events, channels} mappings") {
            let fields = try entry.mapping(allowed: ["events", "minLevel", "channels", "language"])
            var events: [String] = []
            for event in try fields.required("events").list(expected: "event types such as warning.raised or warning.*") {
                let text = try event.text(expected: "an event type such as warning.raised or warning.*")
                guard text.range(of: #"^[a-z_]+(\.([a-z_]+|\*))?$"#, options: .regularExpression) != nil else {
                    throw event.error(.invalidValue(text, reason: nil, expected: "an event type such as warning.raised or warning.*"))
                }
                events.append(text)
            }
            var channels: [String] = []
            for channel in try fields.required("channels").list(expected: "channel names") {
                channels.append(try channel.text(expected: "a channel name"))
            }
            guard !events.isEmpty, !channels.isEmpty else {
                throw entry.error(.wrongShape(found: "a rule without events or channels", expected: "at least one event and one channel"))
            }
            let language = try fields.optional("language")?.parsed(expected: "zh or en") { ["zh", "en"].contains($0) ? $0 : nil }
            rules.append(NotificationRule(
                events: events, minLevel: try fields.optional("minLevel")?.oneOf(WarningLevel.self), channels: channels,
                language: language))
        }
        return rules
    }
}
