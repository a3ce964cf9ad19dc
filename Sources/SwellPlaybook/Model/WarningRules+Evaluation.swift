public import Foundation

extension WarningRules {
    /// Which rule raised a warning.
    public enum Trigger: Sendable, Hashable, CustomStringConvertible {
        /// A count window: at least `complaints` within `window` (index 0 is the main rule).
        case window(index: Int, WarningRules.Window)
        /// The growth rule, with the factor observed (`infinity` when the baseline was empty).
        case growth(observed: Double)

        public var description: String {
            switch self {
            case .window(_, let rule): "\(rule.complaints) complainants within \(rule.window)"
            case .growth(let factor): factor.isFinite ? "growth \(String(format: "%.1f", factor))× baseline" : "growth from an empty baseline"
            }
        }
    }

    /// The reference reading of these rules, for tests and backtests; the detection engine may
    /// count incrementally but must agree with it.
    ///
    /// `arrivals` holds one instant per distinct complainant (their first complaint in the
    /// cluster). A window covers `(now − window, now]`. Returns the first rule that holds, count
    /// windows in order before growth; `nil` when none does.
    public func trigger(arrivals: [Date], at now: Date, calendar: PlaybookCalendar) -> Trigger? {
        for (index, rule) in windows.enumerated() {
            let start = calendar.windowStart(rule.window, endingAt: now)
            if arrivals.count(where: { $0 > start && $0 <= now }) >= rule.complaints {
                return .window(index: index, rule)
            }
        }
        if let growth, let factor = growthFactor(arrivals: arrivals, at: now, calendar: calendar), factor >= growth.factor {
            return .growth(observed: factor)
        }
        return nil
    }

    /// The growth factor at `now`: arrivals in the last growth window over the average per window
    /// in the baseline before it. `nil` without a growth rule or when the last window holds fewer
    /// than its `minComplaints`; `infinity` when the baseline is empty.
    public func growthFactor(arrivals: [Date], at now: Date, calendar: PlaybookCalendar) -> Double? {
        guard let growth else { return nil }
        let recentStart = calendar.windowStart(growth.window, endingAt: now)
        let baselineStart = calendar.windowStart(growth.baseline, endingAt: recentStart)
        let recent = arrivals.count { $0 > recentStart && $0 <= now }
        guard recent >= max(growth.minComplaints, 1) else { return nil }
        let before = arrivals.count { $0 > baselineStart && $0 <= recentStart }
        guard before > 0 else { return .infinity }
        let windowsInBaseline = recentStart.timeIntervalSince(baselineStart) / now.timeIntervalSince(recentStart)
        return Double(recent) / (Double(before) / windowsInBaseline)
    }
}

extension PlaybookCalendar {
    /// The start of a look-back window ending at `end`: exact for m and h, the same local clock
    /// time n days earlier for d and w. Working days are not used for windows (the loader
    /// refuses them); should one come in, it counts as calendar days.
    public func windowStart(_ length: PlaybookDuration, endingAt end: Date) -> Date {
        if let seconds = length.fixedSeconds { return end.addingTimeInterval(-seconds) }
        let days = length.unit == .weeks ? length.amount * 7 : length.amount
        return gregorian.date(byAdding: .day, value: -days, to: end) ?? end.addingTimeInterval(-Double(days) * 86_400)
    }
}
