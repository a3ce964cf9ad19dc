import Foundation
import SwellCore
import SwellPlaybook
import SwellStore

extension IncidentEngine {
    /// The daily monitoring reports due by `now` and not written yet: one per local day whose report
    /// time (the playbook's `dailyReport.at`, in its zone) falls after the opening and at or before `now`, for
    /// the days within ``catchUpLimit`` of `now` (after a long gap the older days are not written).
    func dailyReportChanges(_ record: IncidentRecord, id: IncidentID, now: Date) async throws -> [StoreChange] {
        let calendar = playbook.calendar
        let written = Set(try await store.incidentItems(id, kind: .dailyReport).compactMap(\.key))
        var day = max(calendar.localDate(of: record.openedAt), calendar.localDate(of: now.addingTimeInterval(-Self.catchUpLimit)))
        var due: [PlaybookLocalDate] = []
        for _ in 0..<400 {
            let reportAt = playbook.dailyReportAt.instant(on: day, in: calendar.gregorian)
            if reportAt > now { break }
            if reportAt > record.openedAt, !written.contains(day.description) { due.append(day) }
            day = day.adding(days: 1, in: calendar.gregorian)
        }
        guard !due.isEmpty else { return [] }
        let sources = try await reportSources(record, id: id)
        return due.flatMap { day -> [StoreChange] in
            let stored = dailyReport(on: day, sources: sources)
            let event = IncidentEvents.simple(.dailyReportCreated, incident: id, at: stored.report.period.end, [
                "day": stored.day, "newComplaints": "\(stored.report.newComplaints)",
                "totalComplaints": "\(stored.report.totalComplaints)", "overdueTasks": "\(stored.report.overdueTaskIds.count)",
            ])
            return [.addIncidentItem(
                IncidentItem(incidentId: id, key: stored.day, at: stored.report.period.end, body: .dailyReport(stored)), event: event)]
        }
    }

    /// What every report of an incident is computed from.
    struct ReportSources: Sendable {
        var arrivals: [IncidentDailyReportInput.ComplaintArrival]
        var distinctComplainants: Int
        var media: [MediaContact]
        var tasks: [(id: Int64, task: IncidentTask)]
        var offers: [(id: Int64, offer: PublishedOffer)]
        var responses: [OfferResponse]
        /// The incident's complaints (personal data: for counting, never for events).
        var members: [Complaint]
        /// Public mentions matched to the incident's cluster.
        var mentions: [Mention]
    }

    func reportSources(_ record: IncidentRecord, id: IncidentID) async throws -> ReportSources {
        let complaints = try await complaints(of: record)
        return ReportSources(
            arrivals: complaints.map { IncidentDailyReportInput.ComplaintArrival(receivedAt: $0.content.receivedAt, channel: $0.content.channel.rawValue) },
            distinctComplainants: Self.distinctComplainants(complaints),
            media: try await store.incidentItems(id, kind: .media).compactMap { item -> MediaContact? in
                guard case .media(let contact) = item.body else { return nil }
                return contact
            },
            tasks: try await store.incidentItems(id, kind: .task).compactMap { item -> (id: Int64, task: IncidentTask)? in
                guard case .task(let task) = item.body, let itemId = item.id else { return nil }
                return (itemId, task)
            },
            offers: try await offers(of: id),
            responses: try await responses(of: id),
            members: complaints,
            mentions: try await mentions(of: record))
    }

    /// The report of one local day, from what was known at the end of its period.
    func dailyReport(on day: PlaybookLocalDate, sources: ReportSources) -> StoredDailyReport {
        let period = playbook.dailyReportPeriod(on: day)
        let end = period.end
        let tasks = sources.tasks.filter { $0.task.opensAt <= end }.map { entry in
            let task = entry.task
            // As it stood at the end of the period: done later means still open then.
            let status: IncidentTaskStatus = task.status == .done && (task.completedAt ?? end) > end ? .open : task.status
            return IncidentDailyReportInput.TaskSnapshot(id: "\(entry.id)", status: status, dueAt: task.dueAt)
        }
        let input = IncidentDailyReportInput(
            period: period, complaints: sources.arrivals,
            mediaContacts: sources.media.map { IncidentDailyReportInput.MediaContact(at: $0.at, negative: $0.tone == .negative) },
            tasks: tasks, settlement: settlementTotals(sources, at: end))
        let report = IncidentDailyReport(input)
        let byId = Dictionary(uniqueKeysWithValues: sources.tasks.map { ("\($0.id)", $0.task) })
        let dailyCounts = localDailyCounts(sources.arrivals.map(\.receivedAt).filter { $0 < end }, through: day)
        let calendar = playbook.calendar
        let media = DailyMediaReport(
            period: period, mentions: sources.mentions, days: dailyCounts.map(\.day),
            localDay: { calendar.localDate(of: $0).description })
        return StoredDailyReport(
            day: day.description, report: report,
            dailyCounts: dailyCounts,
            overdueTasks: report.overdueTaskIds.compactMap { id in
                byId[id].map { StoredDailyReport.OverdueTask(taskId: id, title: $0.titleEn, ownerRole: $0.ownerRole, dueAt: $0.dueAt) }
            },
            media: media)
    }

    /// The take-up of the offer current at `instant`, if one was out.
    func settlementTotals(_ sources: ReportSources, at instant: Date) -> IncentiveTotals? {
        guard let current = sources.offers.last(where: { $0.offer.offer.publishedAt <= instant }) else { return nil }
        let accepted = sources.responses.filter { $0.offerId == current.id && $0.decision == .accepted }.map(\.at)
        return try? current.offer.offer.totals(acceptedAt: accepted, eligible: current.offer.eligible, at: instant)
    }

    /// Complaints per local day (the playbook's zone), from the first complaint's day through `last`;
    /// the caller leaves out arrivals after the report's period.
    func localDailyCounts(_ instants: [Date], through last: PlaybookLocalDate) -> [DailyCount] {
        let calendar = playbook.calendar
        let byDay = Dictionary(grouping: instants) { calendar.localDate(of: $0) }.mapValues(\.count)
        guard var day = byDay.keys.min(), day <= last else { return [] }
        var counts: [DailyCount] = []
        while day <= last, counts.count < 400 {
            counts.append(DailyCount(day: day.description, count: byDay[day] ?? 0))
            day = day.adding(days: 1, in: calendar.gregorian)
        }
        return counts
    }

    /// An incident's daily reports, oldest first.
    public func dailyReports(of id: IncidentID) async throws -> [StoredDailyReport] {
        _ = try await existing(id)
        return try await store.incidentItems(id, kind: .dailyReport).compactMap { item -> StoredDailyReport? in
            guard case .dailyReport(let report) = item.body else { return nil }
            return report
        }
    }
}
