import Foundation
import SwellCore
import SwellEngine
import SwellPlaybook
import SwellStore

/// Assembles an incident's dossier from the record: the incident, its complaints and cases, contacts, offer,
/// review and the log's newest event.
struct DossierBuilder {
    let environment: ServerEnvironment
    let engine: IncidentEngine

    func build(_ id: IncidentID, role: Role) async throws -> Dossier {
        let record = try await engine.incident(id)
        let now = await engine.now(or: environment.now())
        let zone = engine.playbook.timeZone
        let members = try await engine.members(of: id)
        let readings = try await engine.cases.readings(of: members)
        let taskPairs = try await engine.tasks(of: id)
        let tasks = taskPairs.map(\.task)
        let tasksById = Dictionary(taskPairs.map { ($0.id, $0.task) }, uniquingKeysWith: { a, _ in a })
        let warnings = try await environment.store.warnings(limit: 1_000, clusterId: record.clusterId).sorted { $0.raisedAt < $1.raisedAt }

        var highlights: [Dossier.Highlight] = []
        for seq in Set(record.review?.highlights ?? []).sorted().prefix(200) where seq > 0 {
            // Only events of this incident or its cluster: a review cannot pull another incident's record in.
            guard let event = try await environment.store.events(after: seq - 1, limit: 1).first, event.seq == seq,
                event.draft.incidentId == id || event.draft.clusterId == record.clusterId
            else { continue }
            highlights.append(.init(seq: seq, at: RFC3339.format(event.at), type: event.type.rawValue))
        }
        let timeline = Dossier.Timeline(
            firstComplaintAt: record.timing[.firstComplaint].map(RFC3339.format), warningRaisedAt: record.timing[.warningRaised].map(RFC3339.format),
            openedAt: RFC3339.format(record.openedAt), openedBy: record.openedBy,
            states: record.history.map { .init(state: $0.state.rawValue, at: RFC3339.format($0.at), by: $0.by) },
            warnings: warnings.map { .init(level: $0.level.rawValue, at: RFC3339.format($0.raisedAt), rule: $0.rule) },
            falseAlarm: record.falseAlarm?.reason, highlights: highlights)

        let days = Dictionary(grouping: members) { engine.playbook.calendar.localDate(of: $0.content.receivedAt).description }
        let demands = Dictionary(grouping: members.compactMap(\.content.demand), by: { $0 }).map { demand, all in
            Dossier.Demand(demand: role.seesPersonalData ? demand : PersonalDataMasking.mask(demand), count: all.count)
        }.sorted { ($1.count, $0.demand) < ($0.count, $1.demand) }
        let scores = readings.compactMap { $0.complaintCase.followUpVisit?.satisfaction }
        var people = Set<String>()
        for complaint in members { people.insert(complaint.content.complainant.identityKey ?? "complaint:\(complaint.id)") }
        let peopleSection = Dossier.People(
            complaints: members.count, complainants: people.count,
            byDay: days.keys.sorted().map { DailyCount(day: $0, count: days[$0]?.count ?? 0) },
            byChannel: Dictionary(grouping: members, by: \.content.channel.rawValue).mapValues(\.count),
            demands: Array(demands.prefix(10)),
            cases: Dictionary(grouping: readings, by: \.complaintCase.state.rawValue).mapValues(\.count),
            casesOverdue: readings.filter { !$0.overdue(at: now).isEmpty }.count,
            averageSatisfaction: scores.isEmpty ? nil : Double(scores.reduce(0, +)) / Double(scores.count))

        let authorityTasks = Dictionary(
            tasks.filter { $0.kind == .authorityResponse }.compactMap { task in task.contactId.map { ($0, task) } }, uniquingKeysWith: { a, _ in a })
        let liaison = try await engine.items(of: id, kind: .liaison).compactMap { item -> Dossier.Liaison? in
            guard case .liaison(let contact) = item.body, let itemId = item.id else { return nil }
            var verdict: String?
            if let task = authorityTasks[itemId] {
                if task.status == .done, let done = task.completedAt { verdict = done <= task.dueAt ? "met" : "missed" } else {
                    verdict = now > task.dueAt ? "missed" : "open"
                }
            }
            return Dossier.Liaison(
                at: RFC3339.format(contact.at), body: contact.body, bodyKind: contact.bodyKind.rawValue, channel: contact.channel,
                referenceNo: contact.referenceNo, summary: contact.summary, responseDue: contact.responseDue.map(RFC3339.format), deadline: verdict)
        }
        let media = try await engine.items(of: id, kind: .media).compactMap { item -> Dossier.Media? in
            guard case .media(let contact) = item.body else { return nil }
            return Dossier.Media(at: RFC3339.format(contact.at), outlet: contact.outlet, channel: contact.channel, tone: contact.tone.rawValue, inquiry: contact.inquiry)
        }
        let statements = try await engine.items(of: id, kind: .statement).compactMap { item -> Dossier.Statement? in
            guard case .statement(let statement) = item.body else { return nil }
            return Dossier.Statement(at: RFC3339.format(statement.at), kind: statement.kind.rawValue, title: statement.title)
        }

        var settlement: Dossier.Settlement?
        if let current = try await engine.offers(of: id).last {
            let offer = current.offer.offer
            let totals = try await engine.totals(incident: id, offer: current.id, now: environment.now())
            let answers = try await engine.responses(of: id).filter { $0.offerId == current.id }
            let curve = try await engine.curve(incident: id, offer: current.id, width: .day, now: environment.now()).curve
            settlement = Dossier.Settlement(
                version: current.offer.version, publishedAt: RFC3339.format(offer.publishedAt), base: offer.base,
                tiers: offer.tiers.enumerated().map { "T\($0 + 1): +\(Double($1.percentBasisPoints) / 100)% until \(RFC3339.format($1.endsAt))" },
                eligible: current.offer.eligible, accepted: totals.accepted, refused: answers.filter { $0.decision == .refused }.count,
                totalPayout: totals.totalPayout,
                collective: totals.collective.map { "\($0.threshold) acceptances needed; " + ($0.reachedAt.map { "reached \(RFC3339.format($0))" } ?? "not reached") },
                curve: curve.buckets.map {
                    .init(day: LocalTimeText(timeZone: zone).day($0.startsAt), accepted: $0.accepted, refused: $0.refused, pending: $0.pending)
                })
        }

        let review = record.review.map { review in
            Dossier.Review(
                version: review.version, summary: review.summary, rootCauses: review.rootCauses.map { "\($0.category): \($0.text)" },
                correctiveActions: review.correctiveActions.map { action in
                    let task = tasksById[action.taskId]
                    let late = task.map { IncidentTaskDeadline(status: $0.status, dueAt: $0.dueAt, now: now).isOverdue } ?? false
                    return "\(action.title) — \(action.ownerRole.rawValue), due \(RFC3339.format(action.dueAt)), \(task?.status.rawValue ?? "open")\(late ? ", overdue" : "")"
                }, lessons: review.lessons)
        }
        let times = try await engine.responseTimes(of: record, at: now)
        var durations: [String: Double] = [:]
        for measurement in times?.measurements ?? [] { if let seconds = measurement.seconds { durations[measurement.measure.rawValue] = seconds } }

        let lastSeq = try await environment.store.lastEventSeq()
        let lastHash = try await environment.store.events(after: max(0, lastSeq - 1), limit: 1).first?.hash ?? EventHashing.genesis
        return Dossier(
            incidentId: id, title: record.title, state: record.state.rawValue, level: record.level?.rawValue,
            generatedAt: RFC3339.format(environment.now()), timeZone: zone.identifier, timeline: timeline, people: peopleSection,
            plan: record.plan.map { .init(version: $0.version, text: $0.text, predictedIssues: $0.predictedIssues, approvedBy: $0.approvedBy, approvedAt: $0.approvedAt.map(RFC3339.format)) },
            liaison: liaison, media: media, statements: statements, settlement: settlement, review: review, responseTimes: durations,
            integrity: .init(lastEventSeq: lastSeq, lastEventHash: lastHash, verify: "swell audit verify --db <store>  (the chain must reach event \(lastSeq) with this hash)"))
    }
}
