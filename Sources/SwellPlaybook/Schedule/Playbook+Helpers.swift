public import Foundation
public import SwellCore

extension Playbook {
    /// The concrete incentive offer for a publication instant and a base settlement.
    public func incentiveOffer(publishedAt: Date, base: SettlementMoney) -> IncentiveOffer {
        incentives.offer(publishedAt: publishedAt, base: base, calendar: calendar)
    }

    /// The period the daily report of a local date covers: from the previous day's report time
    /// to this day's (e.g. 18:00 yesterday → 18:00 today, local time).
    public func dailyReportPeriod(on date: PlaybookLocalDate) -> DateInterval {
        let end = dailyReportAt.instant(on: date, in: calendar.gregorian)
        let start = dailyReportAt.instant(on: date.adding(days: -1, in: calendar.gregorian), in: calendar.gregorian)
        return DateInterval(start: start, end: end)
    }

    /// Whether a warning at `level` opens an incident by itself.
    public func opensIncidentAutomatically(at level: WarningLevel) -> Bool {
        autoOpen.opensIncident(at: level)
    }
}
