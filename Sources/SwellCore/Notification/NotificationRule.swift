/// Which events go to which channels: one entry of the playbook's `notify` section.
public struct NotificationRule: Sendable, Equatable {
    /// Event types, exactly (`incident.opened`) or by prefix (`warning.*`).
    public var events: [String]
    /// Only events at this warning level or above (events that carry a level: warnings, incident openings and
    /// level changes); nil for every level, and for events without one.
    public var minLevel: WarningLevel?
    /// Channel names (`POST /v1/notification-channels` gives each channel its name).
    public var channels: [String]
    /// `zh` or `en`; nil uses each channel's language.
    public var language: String?

    public init(events: [String], minLevel: WarningLevel? = nil, channels: [String], language: String? = nil) {
        self.events = events
        self.minLevel = minLevel
        self.channels = channels
        self.language = language
    }

    /// Whether an event of `type`, at `level` if it carries one, goes to this rule's channels.
    public func matches(_ type: EventType, level: WarningLevel?) -> Bool {
        let typed = events.contains { pattern in
            pattern.hasSuffix(".*") ? type.rawValue.hasPrefix(String(pattern.dropLast(1))) : type.rawValue == pattern
        }
        guard typed else { return false }
        guard let minLevel else { return true }
        return level.map { $0 >= minLevel } ?? false
    }
}
