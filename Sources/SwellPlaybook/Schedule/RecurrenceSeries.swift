public import Foundation

/// The due instants of a recurring task, one after another, from its start.
///
/// - `every day at 18:00`: each 18:00 local time strictly after the start;
/// - `every working day at 18:00`: the same, on working days only;
/// - `every 12h`: start + 12h, start + 24h, … (days and weeks keep the local clock time).
public struct RecurrenceSeries: Sendable {
    public let recurrence: TaskRecurrence
    public let start: Date
    public let calendar: PlaybookCalendar

    public init(_ recurrence: TaskRecurrence, from start: Date, calendar: PlaybookCalendar) {
        self.recurrence = recurrence
        self.start = start
        self.calendar = calendar
    }

    /// Every occurrence whose window opens at or before `limit`: the first opens at the start,
    /// each later one at the previous one's due instant. Numbered from 1.
    public func occurrences(openingBy limit: Date) -> [(number: Int, opensAt: Date, dueAt: Date)] {
        guard start <= limit else { return [] }
        var result: [(Int, Date, Date)] = []
        var opensAt = start
        // Bounded: one occurrence a minute for ten years is still under this.
        while opensAt <= limit, result.count < 6_000_000 {
            let number = result.count + 1
            guard let dueAt = due(number: number, after: opensAt), dueAt > opensAt else { break }
            result.append((number, opensAt, dueAt))
            opensAt = dueAt
        }
        return result
    }

    /// The due instant of occurrence `number`, given the previous one (or the start).
    private func due(number: Int, after previous: Date) -> Date? {
        switch recurrence {
        case .daily(let time):
            return nextLocalTime(time, after: previous, workingDaysOnly: false)
        case .workingDays(let time):
            return nextLocalTime(time, after: previous, workingDaysOnly: true)
        case .interval(let step):
            // Multiples of the step from the start, so that no rounding drifts.
            guard let multiple = try? PlaybookDuration(step.amount * number, step.unit) else { return nil }
            return calendar.adding(multiple, to: start)
        }
    }

    /// The first `time` (local) strictly after `instant`, on any day or on working days only.
    private func nextLocalTime(_ time: PlaybookLocalTime, after instant: Date, workingDaysOnly: Bool) -> Date? {
        var day = calendar.localDate(of: instant)
        for _ in 0..<400 {
            let candidate = time.instant(on: day, in: calendar.gregorian)
            if candidate > instant, !workingDaysOnly || calendar.isWorkingDay(day) { return candidate }
            day = day.adding(days: 1, in: calendar.gregorian)
        }
        return nil
    }
}
