public import Foundation

/// A local clock time of day, as written in a playbook: `18:00`.
public struct PlaybookLocalTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    /// A time from hour (0–23) and minute (0–59); `nil` when out of range.
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Parses `HH:MM` (24-hour clock); `nil` for anything else.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    public var description: String { String(format: "%02d:%02d", hour, minute) }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.hour, lhs.minute) < (rhs.hour, rhs.minute)
    }

    /// The instant this time of day falls on a given date, in a calendar's time zone.
    public func instant(on date: PlaybookLocalDate, in calendar: Calendar) -> Date {
        let start = date.startInstant(in: calendar)
        return calendar.date(bySettingHour: hour, minute: minute, second: 0, of: start)
            ?? start.addingTimeInterval(TimeInterval(hour * 3600 + minute * 60))
    }
}
