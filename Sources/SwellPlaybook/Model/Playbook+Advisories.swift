/// Things worth a look in a playbook that loads: not errors, but likely mistakes or stale data.
public enum PlaybookAdvisory: Sendable, Hashable, CustomStringConvertible {
    /// The calendar lists no holiday in a year, so working-day periods in it ignore holidays.
    case noHolidaysListed(year: Int)
    /// No recurring task falls due at the daily report time.
    case noTaskAtDailyReportTime(PlaybookLocalTime)
    /// Warnings never open incidents by themselves.
    case noAutoOpen

    public var description: String {
        switch self {
        case .noHolidaysListed(let year):
            "the calendar lists no holidays in \(year); working-day deadlines that year count holidays as working days"
        case .noTaskAtDailyReportTime(let time):
            "no recurring task falls due at the daily report time \(time)"
        case .noAutoOpen:
            "autoOpen is never: every incident must be opened by hand"
        }
    }
}

extension Playbook {
    /// Advisories for a playbook in use on `today` (holidays are checked for this year and the next
    /// from November, when the next year's holiday notice is usually out).
    public func advisories(today: PlaybookLocalDate) -> [PlaybookAdvisory] {
        var found: [PlaybookAdvisory] = []
        let years = today.month >= 11 ? [today.year, today.year + 1] : [today.year]
        for year in years where !calendar.holidays.contains(where: { $0.year == year }) {
            found.append(.noHolidaysListed(year: year))
        }
        let reportTaskExists = tasks.contains { _, task in
            switch task.timing {
            case .recurring(.daily(let time), _, _), .recurring(.workingDays(let time), _, _): time == dailyReportAt
            default: false
            }
        }
        if !reportTaskExists { found.append(.noTaskAtDailyReportTime(dailyReportAt)) }
        if autoOpen.atLevel == nil { found.append(.noAutoOpen) }
        return found
    }
}
