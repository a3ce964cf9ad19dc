import Foundation

extension YAMLValue {
    /// `timeZone` (a top-level key) plus the `calendar` section.
    static func decodeCalendar(timeZone: YAMLValue?, calendar: YAMLValue?) throws(PlaybookLoadError) -> PlaybookCalendar {
        var zone = TimeZone(identifier: PlaybookCalendar.defaultTimeZoneIdentifier) ?? .gmt
        if let timeZone {
            zone = try timeZone.parsed(expected: "an IANA time zone name, e.g. Asia/Shanghai") { TimeZone(identifier: $0) }
        }
        guard let calendar else { return PlaybookCalendar(timeZone: zone) }
        let fields = try calendar.mapping(allowed: ["weekend", "holidays", "workingDays"])
        var weekend: Set<PlaybookCalendar.Weekday> = [.saturday, .sunday]
        if let days = fields.optional("weekend") {
            weekend = []
            for day in try days.list(expected: "weekday names") {
                weekend.insert(try day.oneOf(PlaybookCalendar.Weekday.self))
            }
        }
        return PlaybookCalendar(
            timeZone: zone,
            weekend: weekend,
            holidays: try fields.optional("holidays")?.dateSet() ?? [],
            extraWorkingDays: try fields.optional("workingDays")?.dateSet() ?? [])
    }

    /// A list of dates and date ranges, flattened.
    private func dateSet() throws(PlaybookLoadError) -> Set<PlaybookLocalDate> {
        var set: Set<PlaybookLocalDate> = []
        for entry in try list(expected: "dates (YYYY-MM-DD) or ranges (YYYY-MM-DD..YYYY-MM-DD)") {
            set.formUnion(try entry.dates())
        }
        return set
    }
}
