public import Foundation

/// A calendar date without a time zone, as written in a playbook: `2026-10-01`.
public struct PlaybookLocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A date from its parts; `nil` when the parts do not name a real day.
    public init?(year: Int, month: Int, day: Int) {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = TimeZone(secondsFromGMT: 0) ?? gregorian.timeZone
        let parts = DateComponents(year: year, month: month, day: day)
        guard (1...12).contains(month), (1...31).contains(day), parts.isValidDate(in: gregorian) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; `nil` for anything else.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The date of an instant in a calendar's time zone.
    public init(_ instant: Date, in calendar: Calendar) {
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        year = parts.year ?? 1970
        month = parts.month ?? 1
        day = parts.day ?? 1
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The instant this date starts (00:00 local) in a calendar's time zone.
    public func startInstant(in calendar: Calendar) -> Date {
        let parts = DateComponents(year: year, month: month, day: day)
        return calendar.date(from: parts) ?? Date(timeIntervalSince1970: 0)
    }

    /// The date `days` later (or earlier, when negative).
    public func adding(days: Int, in calendar: Calendar) -> PlaybookLocalDate {
        let noon = startInstant(in: calendar).addingTimeInterval(12 * 3600)
        let moved = calendar.date(byAdding: .day, value: days, to: noon) ?? noon
        return PlaybookLocalDate(moved, in: calendar)
    }
}
