import Foundation
import SwellCore

/// Instants as the printable pages show them, in the playbook's time zone: `07-01 18:00`, or the day `07-01`.
struct LocalTimeText {
    let timeZone: TimeZone

    /// `MM-dd HH:mm`.
    func minute(_ date: Date) -> String {
        let c = components([.month, .day, .hour, .minute], date)
        return String(format: "%02d-%02d %02d:%02d", c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    /// An RFC 3339 text as `MM-dd HH:mm`; unchanged when it is not one.
    func minute(_ text: String) -> String {
        RFC3339.parse(text).map(minute) ?? text
    }

    /// `MM-dd`.
    func day(_ date: Date) -> String {
        let c = components([.month, .day], date)
        return String(format: "%02d-%02d", c.month ?? 0, c.day ?? 0)
    }

    private func components(_ wanted: Set<Calendar.Component>, _ date: Date) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.dateComponents(wanted, from: date)
    }
}
