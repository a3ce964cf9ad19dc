import Foundation
import SwellCore

/// Decoders for the playbook's own small value syntaxes, each reporting what it expected.
extension YAMLValue {
    /// `48h`, `5wd`: a duration with a unit.
    func duration() throws(PlaybookLoadError) -> PlaybookDuration {
        let raw = try text(expected: PlaybookDurationError.expectation)
        do {
            return try PlaybookDuration(parsing: raw)
        } catch {
            throw self.error(.invalidValue(raw, reason: error.description, expected: PlaybookDurationError.expectation))
        }
    }

    /// A look-back window: a duration in m, h, d or w (not working days).
    func windowDuration() throws(PlaybookLoadError) -> PlaybookDuration {
        let window = try duration()
        guard window.unit != .workingDays, window.amount > 0 else {
            throw error(.invalidValue(window.description, reason: "a window is elapsed time",
                                      expected: "a positive duration in m, h, d or w (e.g. 48h, 4d)"))
        }
        return window
    }

    /// `{zh: …, en: …}`.
    func bilingual() throws(PlaybookLoadError) -> BilingualText {
        let fields = try mapping(allowed: ["zh", "en"])
        return BilingualText(zh: try fields.required("zh").text(), en: try fields.required("en").text())
    }

    /// `1h after warning`.
    func due() throws(PlaybookLoadError) -> TaskDue {
        let expected = "\"<duration> after <anchor>\", anchor one of \(TaskAnchor.expectation) (e.g. 1h after warning)"
        let raw = try text(expected: expected)
        let words = raw.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard words.count == 3, words[1] == "after" else {
            throw error(.invalidValue(raw, reason: nil, expected: expected))
        }
        let duration: PlaybookDuration
        do {
            duration = try PlaybookDuration(parsing: words[0])
        } catch {
            throw self.error(.invalidValue(raw, reason: error.description, expected: expected))
        }
        guard let anchor = TaskAnchor(parsing: words[2]) else {
            throw error(.invalidValue(raw, reason: "unknown anchor \"\(words[2])\"", expected: expected))
        }
        return TaskDue(after: duration, anchor: anchor)
    }

    /// An anchor on its own: `phase_started:monitoring`.
    func anchor() throws(PlaybookLoadError) -> TaskAnchor {
        try parsed(expected: TaskAnchor.expectation) { TaskAnchor(parsing: $0) }
    }

    /// `every day at 18:00`, `every working day at 09:30`, `every 12h`.
    func recurrence() throws(PlaybookLoadError) -> TaskRecurrence {
        let expected = TaskRecurrence.expectation
        return try parsed(expected: expected) { raw in
            let words = raw.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            switch words.count {
            case 4 where words[0] == "every" && words[1] == "day" && words[2] == "at":
                return PlaybookLocalTime(parsing: words[3]).map { .daily(at: $0) }
            case 5 where words[0] == "every" && words[1] == "working" && words[2] == "day" && words[3] == "at":
                return PlaybookLocalTime(parsing: words[4]).map { .workingDays(at: $0) }
            case 2 where words[0] == "every":
                guard let interval = try? PlaybookDuration(parsing: words[1]),
                      interval.unit != .workingDays, interval.amount > 0
                else { return nil }
                return .interval(interval)
            default:
                return nil
            }
        }
    }

    /// `18:00`.
    func localTime() throws(PlaybookLoadError) -> PlaybookLocalTime {
        try parsed(expected: "a local time HH:MM (24-hour clock), e.g. 18:00") { PlaybookLocalTime(parsing: $0) }
    }

    /// `2026-10-01`, or an inclusive range `2026-10-01..2026-10-07`.
    func dates() throws(PlaybookLoadError) -> [PlaybookLocalDate] {
        let expected = "a date YYYY-MM-DD or an inclusive range YYYY-MM-DD..YYYY-MM-DD"
        return try parsed(expected: expected) { raw in
            let ends = raw.components(separatedBy: "..")
            guard ends.count <= 2, let first = PlaybookLocalDate(parsing: ends[0]) else { return nil }
            guard ends.count == 2 else { return [first] }
            guard let last = PlaybookLocalDate(parsing: ends[1]), first <= last else { return nil }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
            var days = [first]
            while let latest = days.last, latest < last, days.count <= 366 {
                days.append(latest.adding(days: 1, in: calendar))
            }
            return days.count <= 366 ? days : nil
        }
    }

    /// A percentage with at most two decimals, as basis points: `20` → 2000, `12.5` → 1250.
    func percentBasisPoints(max: Double = 1000) throws(PlaybookLoadError) -> Int {
        try parsed(expected: "a percentage from 0 to \(max.formatted()) with at most two decimals, e.g. 20 or 12.5") {
            parseBasisPoints($0.hasSuffix("%") ? String($0.dropLast()) : $0, max: max)
        }
    }

    /// `200 CNY`, `199.50 CNY`: an amount and an ISO 4217 code.
    func money() throws(PlaybookLoadError) -> SettlementMoney {
        try parsed(expected: "an amount and a currency code, e.g. 200 CNY or 199.50 CNY") { parseMoney($0) }
    }

    /// `CNY`.
    func currencyCode() throws(PlaybookLoadError) -> String {
        try parsed(expected: "an ISO 4217 currency code of three capital letters, e.g. CNY") { isCurrencyCode($0) ? $0 : nil }
    }
}

/// `12.5` → 1250 basis points; `nil` past two decimals or outside 0…max.
func parseBasisPoints(_ text: String, max: Double) -> Int? {
    guard isPlainDecimal(text), let value = Decimal(string: text), value >= 0, value <= Decimal(max) else { return nil }
    let scaled = value * 100
    var rounded = Decimal()
    var copy = scaled
    NSDecimalRound(&rounded, &copy, 0, .plain)
    guard rounded == scaled else { return nil }
    return NSDecimalNumber(decimal: rounded).intValue
}

/// `199.50 CNY` → 19 950 fen; `nil` when the decimals exceed the currency's minor unit.
func parseMoney(_ text: String) -> SettlementMoney? {
    let parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    guard parts.count == 2, isCurrencyCode(parts[1]), isPlainDecimal(parts[0]),
          let amount = Decimal(string: parts[0]), amount >= 0
    else { return nil }
    let digits = SettlementMoney.minorUnitDigits(of: parts[1])
    let scaled = amount * Decimal(sign: .plus, exponent: digits, significand: 1)
    var rounded = Decimal()
    var copy = scaled
    NSDecimalRound(&rounded, &copy, 0, .plain)
    guard rounded == scaled, rounded < Decimal(Int64.max / 10_000) else { return nil }
    return SettlementMoney(minorUnits: NSDecimalNumber(decimal: rounded).int64Value, currency: parts[1])
}

/// Three capital ASCII letters.
func isCurrencyCode(_ text: String) -> Bool {
    text.count == 3 && text.allSatisfy { $0.isASCII && $0.isUppercase }
}

/// Digits with at most one decimal point between them: `12`, `12.5`; not `12abc`, `.5`, `1e3`.
func isPlainDecimal(_ text: String) -> Bool {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    return (1...2).contains(parts.count)
        && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
}
