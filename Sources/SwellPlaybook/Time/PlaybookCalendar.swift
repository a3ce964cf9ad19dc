public import Foundation

/// Which days are working days, in the playbook's time zone.
///
/// A day is a working day unless it is a weekend day or a listed holiday; a day listed in
/// ``extraWorkingDays`` is a working day even on a weekend (China's 调休 make-up working days).
public struct PlaybookCalendar: Sendable, Equatable {
    /// A day of the week, as written in a playbook.
    public enum Weekday: String, Sendable, Hashable, CaseIterable {
        case sunday, monday, tuesday, wednesday, thursday, friday, saturday

        /// Foundation's weekday number (Sunday = 1).
        var gregorianNumber: Int { (Weekday.allCases.firstIndex(of: self) ?? 0) + 1 }
    }

    /// The zone that local dates and times are read in.
    public let timeZone: TimeZone
    /// Days of the week that are not worked.
    public let weekend: Set<Weekday>
    /// Dates that are not worked (public holidays).
    public let holidays: Set<PlaybookLocalDate>
    /// Weekend dates that are worked all the same.
    public let extraWorkingDays: Set<PlaybookLocalDate>

    /// The Gregorian calendar set to ``timeZone``, for local date arithmetic.
    public let gregorian: Calendar

    public init(
        timeZone: TimeZone,
        weekend: Set<Weekday> = [.saturday, .sunday],
        holidays: Set<PlaybookLocalDate> = [],
        extraWorkingDays: Set<PlaybookLocalDate> = []
    ) {
        self.timeZone = timeZone
        self.weekend = weekend
        self.holidays = holidays
        self.extraWorkingDays = extraWorkingDays
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = timeZone
        self.gregorian = gregorian
    }

    /// The default zone of a playbook.
    public static let defaultTimeZoneIdentifier = "Asia/Shanghai"

    /// Whether a local date is worked.
    public func isWorkingDay(_ date: PlaybookLocalDate) -> Bool {
        if extraWorkingDays.contains(date) { return true }
        if holidays.contains(date) { return false }
        let weekdayNumber = gregorian.component(.weekday, from: date.startInstant(in: gregorian).addingTimeInterval(12 * 3600))
        return !weekend.contains { $0.gregorianNumber == weekdayNumber }
    }

    /// The local date of an instant.
    public func localDate(of instant: Date) -> PlaybookLocalDate {
        PlaybookLocalDate(instant, in: gregorian)
    }

    /// The instant a duration after `anchor` ends.
    ///
    /// - `m`, `h`: exact elapsed time.
    /// - `d`, `w`: the same local clock time that many calendar days later.
    /// - `wd`: 24:00 local time on the n-th working day after the anchor's date; the anchor's own
    ///   day is not counted (China's Civil Code, art. 201 and 203: the starting day is excluded and
    ///   a period ends at 24:00 of its last day, moved past holidays).
    public func adding(_ duration: PlaybookDuration, to anchor: Date) -> Date {
        switch duration.unit {
        case .minutes, .hours:
            return anchor.addingTimeInterval(duration.fixedSeconds ?? 0)
        case .days, .weeks:
            let days = duration.unit == .weeks ? duration.amount * 7 : duration.amount
            return gregorian.date(byAdding: .day, value: days, to: anchor)
                ?? anchor.addingTimeInterval(TimeInterval(days) * 86_400)
        case .workingDays:
            let lastDay = workingDay(duration.amount, after: localDate(of: anchor))
            return lastDay.adding(days: 1, in: gregorian).startInstant(in: gregorian)
        }
    }

    /// The n-th working day after `date` (n ≥ 1), not counting `date` itself.
    public func workingDay(_ count: Int, after date: PlaybookLocalDate) -> PlaybookLocalDate {
        var day = date
        var found = 0
        // A year of holidays in a row would be a broken calendar; stop rather than loop forever.
        for _ in 0..<(count * 7 + 400) where found < count {
            day = day.adding(days: 1, in: gregorian)
            if isWorkingDay(day) { found += 1 }
        }
        return day
    }
}
