import Foundation
import SwellCore

/// Turns sparse per-hour counts (hour number since 1970 → count) into the dense series the store contract
/// promises: one entry per hour, oldest first, ending with `lastHour`. Shared by both back ends.
enum HourlySeries {
    static let millisecondsPerHour: Int64 = 3_600_000

    /// The first hour number of a window of `hours` hours ending with the hour holding `newest` (ms since 1970).
    static func window(endingWith newest: Int64, hours: Int) -> (first: Int64, last: Int64) {
        let last = newest / millisecondsPerHour
        return (last - Int64(max(hours, 1)) + 1, last)
    }

    static func dense(_ counts: [Int64: Int], first: Int64, last: Int64) -> [HourlyCount] {
        guard first <= last else { return [] }
        return (first...last).map { hour in
            let start = Date(millisecondsSince1970: hour * millisecondsPerHour)
            return HourlyCount(hour: RFC3339.format(start), count: counts[hour] ?? 0)
        }
    }
}
