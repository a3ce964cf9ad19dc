import Foundation
import Testing
@testable import SwellCore

@Suite("Daily monitoring report")
struct IncidentDailyReportTests {
    let dayStart = Date(timeIntervalSince1970: 1_800_000_000)
    let hour: TimeInterval = 3600

    func complaint(_ hoursFromDayStart: Double, _ channel: String) -> IncidentDailyReportInput.ComplaintArrival {
        .init(receivedAt: dayStart.addingTimeInterval(hoursFromDayStart * hour), channel: channel)
    }

    @Test func countsTheDayByChannelAgainstTheDayBefore() {
        let input = IncidentDailyReportInput(
            period: DateInterval(start: dayStart, duration: 24 * hour),
            complaints: [
                complaint(-30, "hotline"),                    // two days ago: only in the total
                complaint(-20, "hotline"), complaint(-1, "web"),  // the day before
                complaint(0, "social"), complaint(3, "hotline"), complaint(5, "social"), complaint(23.9, "social"),
                complaint(24, "hotline"),                     // next day: not counted
            ],
            mediaContacts: [
                .init(at: dayStart.addingTimeInterval(-2 * hour), negative: false),
                .init(at: dayStart.addingTimeInterval(2 * hour), negative: true),
                .init(at: dayStart.addingTimeInterval(9 * hour), negative: true),
                .init(at: dayStart.addingTimeInterval(10 * hour), negative: false),
            ],
            tasks: [
                .init(id: "regulator_report", status: .open, dueAt: dayStart.addingTimeInterval(12 * hour)),
                .init(id: "notify_leadership", status: .open, dueAt: dayStart.addingTimeInterval(-hour)),
                .init(id: "holding_statement", status: .done, dueAt: dayStart),
                .init(id: "tomorrow", status: .open, dueAt: dayStart.addingTimeInterval(30 * hour)),
            ])
        let report = IncidentDailyReport(input)
        #expect(report.newComplaints == 4)
        #expect(report.previousPeriodComplaints == 2)
        #expect(report.totalComplaints == 7)
        #expect(report.complaintTrend == .rising)
        #expect(report.complaintsByChannel.map(\.channel) == ["social", "hotline"])
        #expect(report.complaintsByChannel.map(\.count) == [3, 1])
        #expect(report.mediaContacts == 3)
        #expect(report.negativeMediaContacts == 2)
        #expect(report.negativeMediaTrend == .rising)
        #expect(report.overdueTaskIds == ["notify_leadership", "regulator_report"])
    }

    @Test func aQuietDayIsFalling() {
        let input = IncidentDailyReportInput(
            period: DateInterval(start: dayStart, duration: 24 * hour),
            complaints: [complaint(-5, "web"), complaint(-4, "web")])
        let report = IncidentDailyReport(input)
        #expect(report.newComplaints == 0)
        #expect(report.complaintTrend == .falling)
        #expect(report.complaintsByChannel.isEmpty)
    }
}
