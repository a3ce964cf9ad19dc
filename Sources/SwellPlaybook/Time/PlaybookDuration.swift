public import Foundation

/// A length of time written with a unit in a playbook: `30m`, `1h`, `48h`, `30d`, `2w`, `5wd`.
///
/// Minutes and hours are exact elapsed time. Days and weeks are calendar days in the playbook's
/// time zone (the same local clock time n days later). Working days (`wd`) follow the way Chinese
/// law counts periods: the starting day is not counted, and the period ends at 24:00 local time on
/// the n-th working day after it (see ``PlaybookCalendar/adding(_:to:)``).
public struct PlaybookDuration: Sendable, Hashable, CustomStringConvertible {
    /// The unit a duration was written in.
    public enum Unit: String, Sendable, Hashable, CaseIterable {
        case minutes = "m"
        case hours = "h"
        case days = "d"
        case weeks = "w"
        case workingDays = "wd"
    }

    /// How many units; never negative.
    public let amount: Int
    /// The unit the amount counts.
    public let unit: Unit

    /// A duration of `amount` units. Working days must be at least one.
    public init(_ amount: Int, _ unit: Unit) throws(PlaybookDurationError) {
        guard amount >= 0 else { throw .negative(String(amount) + unit.rawValue) }
        guard unit != .workingDays || amount >= 1 else { throw .zeroWorkingDays }
        self.amount = amount
        self.unit = unit
    }

    /// Parses the playbook spelling: digits followed by a unit, nothing else (`48h`, `5wd`).
    public init(parsing text: String) throws(PlaybookDurationError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        let suffix = String(trimmed.dropFirst(digits.count))
        guard !digits.isEmpty else { throw .notADuration(text) }
        guard !suffix.isEmpty else { throw .missingUnit(text) }
        guard let unit = Unit(rawValue: suffix) else { throw .unknownUnit(text, unit: suffix) }
        guard let amount = Int(digits), amount <= 100_000 else { throw .tooLong(text) }
        try self.init(amount, unit)
    }

    /// The playbook spelling, e.g. `48h`.
    public var description: String { "\(amount)\(unit.rawValue)" }

    /// The exact elapsed seconds for minutes and hours; `nil` for calendar-bound units.
    public var fixedSeconds: TimeInterval? {
        switch unit {
        case .minutes: TimeInterval(amount) * 60
        case .hours: TimeInterval(amount) * 3600
        case .days, .weeks, .workingDays: nil
        }
    }
}

/// Why a piece of text is not a playbook duration.
public enum PlaybookDurationError: Error, Sendable, Equatable, CustomStringConvertible {
    case notADuration(String)
    case missingUnit(String)
    case unknownUnit(String, unit: String)
    case negative(String)
    case zeroWorkingDays
    case tooLong(String)

    /// What was expected, for error messages.
    public static let expectation = "a whole number followed by a unit: m, h, d, w or wd (e.g. 30m, 48h, 7d, 2w, 5wd)"

    public var description: String {
        switch self {
        case .notADuration(let text): "\"\(text)\" is not a duration"
        case .missingUnit(let text): "\"\(text)\" has no unit; a bare number is ambiguous"
        case .unknownUnit(let text, let unit): "\"\(text)\" has an unknown unit \"\(unit)\""
        case .negative(let text): "\"\(text)\" is negative"
        case .zeroWorkingDays: "a working-day period must be at least 1wd"
        case .tooLong(let text): "\"\(text)\" is implausibly long"
        }
    }
}

extension PlaybookDuration {
    /// The length as elapsed seconds for rolling windows in event time, where a day is 24 hours and a week
    /// seven of them (calendar days can be 23 or 25 hours across a daylight-saving change; a detection window
    /// does not care). Nil for working days, which have no fixed length.
    public var windowSeconds: TimeInterval? {
        switch unit {
        case .minutes, .hours: fixedSeconds
        case .days: TimeInterval(amount) * 86_400
        case .weeks: TimeInterval(amount) * 7 * 86_400
        case .workingDays: nil
        }
    }
}
