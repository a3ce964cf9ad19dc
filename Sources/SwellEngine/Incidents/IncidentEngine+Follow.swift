import Foundation
import SwellCore
import SwellPlaybook
import SwellStore

extension IncidentEngine {
    /// Picks up where the follower stopped: its checkpoint, and event time from the newest placed
    /// complaint and the events just before the checkpoint. Warnings of a cluster with an active incident that
    /// are not linked to it yet (stored before warnings had a state) are linked now, each cluster with its
    /// `warning.linked` event; once linked, this finds nothing to do.
    public func start() async throws {
        checkpoint = try await store.checkpoint(of: Self.followerName)
        if let latest = try await store.latestPlacedReceivedAt() { clock.advance(to: latest) }
        let from = max(0, checkpoint - 500)
        for event in try await store.events(after: from, limit: 500) where event.seq <= checkpoint { clock.observe(event) }
        for incident in try await store.incidents(activeOnly: true, clusterId: nil) {
            guard let id = incident.id else { continue }
            _ = try await store.apply([.linkWarnings(incident.clusterId, incident: id, at: incident.openedAt)], checkpoint: nil)
        }
        // Closed incidents whose reviews hold corrective actions: the scheduler keeps marking them overdue.
        for incident in try await store.incidents(activeOnly: false, clusterId: nil)
        where !incident.isActive && !(incident.review?.correctiveActions.isEmpty ?? true) {
            if let id = incident.id { watchedClosed.insert(id) }
        }
    }

    /// Handles one page of events after the checkpoint: warnings may open incidents (the playbook's
    /// auto-open rule) or raise an incident's level; then, at the scheduler's now, every active incident
    /// gets its due tasks, overdue marks and daily reports. False when there was nothing new.
    public func catchUp() async throws -> Bool {
        try await serialized {
            let events = try await store.events(after: checkpoint, limit: pageSize)
            guard let lastSeq = events.last?.seq else { return false }
            for event in events {
                clock.observe(event)
                if event.type == .warningRaised || event.type == .warningEscalated {
                    try await onWarning(event)
                }
                // A review or a closing written by another instance: its corrective actions need watching too.
                if event.type == .incidentReviewUpdated || event.type == .incidentStateChanged, let id = event.draft.incidentId {
                    watchedClosed.insert(id)
                }
            }
            var changes: [StoreChange] = []
            if let now = currentTime { changes = try await scheduledChanges(now: now) }
            _ = try await store.apply(changes, checkpoint: FollowerCheckpoint(follower: Self.followerName, seq: lastSeq, from: checkpoint))
            checkpoint = lastSeq
            return true
        }
    }

    /// Catches up until the log is exhausted.
    public func drain() async throws {
        while try await catchUp() {}
    }

    /// A warning on a cluster: links it to the cluster's active incident and raises that incident's level, or
    /// opens one when the playbook says this level opens incidents by itself. Idempotent: a replayed warning finds
    /// the incident, and finds itself linked.
    private func onWarning(_ event: Event) async throws {
        guard let cluster = event.draft.clusterId,
            let payload = try? JSONDecoder().decode(WarningEventPayload.self, from: Data(event.draft.payload.utf8))
        else { return }
        let level = payload.level
        if var incident = try await store.incidents(activeOnly: true, clusterId: cluster).first, let id = incident.id {
            var changes: [StoreChange] = [.linkWarnings(cluster, incident: id, at: event.at)]
            let previous = incident.level
            let timing = incident.timing.recording(.warningRaised, at: event.at)
            if previous.map({ level > $0 }) ?? true || timing != incident.timing {
                if previous.map({ level > $0 }) ?? true {
                    incident.level = level
                    changes.append(.appendEvent(IncidentEvents.simple(
                        .incidentEscalated, incident: id, at: event.at,
                        ["level": level.rawValue, "previousLevel": previous?.rawValue ?? "", "warningId": payload.warningId.map { "\($0)" } ?? ""])))
                }
                incident.timing = timing
                changes.insert(.saveIncident(incident), at: 0)
            }
            _ = try await store.apply(changes, checkpoint: nil)
            return
        }
        guard playbook.opensIncidentAutomatically(at: level) else { return }
        if let now = currentTime, EventHistory.isHistory(event.at, readAt: now) {
            logger.info("A warning from history opens no incident by itself", metadata: [
                "cluster.id": "\(cluster)", "warning.level": "\(level.rawValue)", "warning.at": "\(RFC3339.format(event.at))",
            ])
            return
        }
        let record = try await openUnserialized(
            clusterId: cluster, warningId: payload.warningId, title: nil, at: event.at, by: Self.autoOpener)
        logger.info("Incident opened by the playbook's auto-open rule", metadata: [
            "incident.id": "\(record.id.map { "\($0)" } ?? "?")", "warning.level": "\(level.rawValue)",
        ])
    }

    /// At the scheduler's `now`: new tasks, overdue marks (once per task) and due daily reports of every
    /// active incident. Also works out when the next pass has something to do (``nextDueAt``).
    func scheduledChanges(now: Date) async throws -> [StoreChange] {
        var changes: [StoreChange] = []
        var soonest = Date.distantFuture
        for record in try await store.incidents(activeOnly: true, clusterId: nil) {
            guard let id = record.id else { continue }
            notePlaybookMismatch(record, id: id)
            let items = try await store.incidentItems(id, kind: .task)
            let existingKeys = Set(items.compactMap(\.key))
            let planned = planTasks(record, id: id, existingKeys: existingKeys, now: now)
                + (try await contactDeadlineChanges(id, existingKeys: existingKeys))
            changes += planned
            let open = items.compactMap { item -> IncidentTask? in
                guard case .task(let task) = item.body, task.status == .open, task.overdueAt == nil else { return nil }
                return task
            } + planned.compactMap(\.plannedTask)
            soonest = min(soonest, open.map(\.dueAt).filter { $0 > now }.min() ?? .distantFuture)
            soonest = min(soonest, nextDailyReport(after: now))
            for item in items {
                guard case .task(var task) = item.body, task.overdueAt == nil,
                    IncidentTaskDeadline(status: task.status, dueAt: task.dueAt, now: now).isOverdue
                else { continue }
                task.overdueAt = task.dueAt
                var updated = item
                updated.body = .task(task)
                changes.append(.saveIncidentItem(updated))
                changes.append(.appendEvent(IncidentEvents.task(.taskOverdue, task, incident: id, at: task.dueAt)))
            }
            changes += try await dailyReportChanges(record, id: id, now: now)
        }
        let (actionChanges, actionsDue) = try await closedIncidentActionChanges(now: now)
        changes += actionChanges
        nextDue = min(soonest, actionsDue)
        return changes
    }

    /// Overdue marks for the open corrective actions of closed incidents (the loop above sees active ones only),
    /// and when the next of them comes due. An incident with no open action left is no longer watched.
    func closedIncidentActionChanges(now: Date) async throws -> ([StoreChange], Date) {
        var changes: [StoreChange] = []
        var soonest = Date.distantFuture
        for id in watchedClosed.sorted() {
            // Gone or active again (the main loop sees active ones): nothing to watch here.
            guard let record = try await store.incident(id), !record.isActive else {
                watchedClosed.remove(id)
                continue
            }
            var stillOpen = false
            for item in try await store.incidentItems(id, kind: .task) {
                guard case .task(var task) = item.body, task.kind == .correctiveAction, task.status == .open else { continue }
                stillOpen = true
                guard task.overdueAt == nil else { continue }
                guard IncidentTaskDeadline(status: task.status, dueAt: task.dueAt, now: now).isOverdue else {
                    soonest = min(soonest, task.dueAt)
                    continue
                }
                task.overdueAt = task.dueAt
                var updated = item
                updated.body = .task(task)
                changes += [.saveIncidentItem(updated), .appendEvent(IncidentEvents.task(.taskOverdue, task, incident: id, at: task.dueAt))]
            }
            if !stillOpen { watchedClosed.remove(id) }
        }
        return (changes, soonest)
    }
}

extension IncidentEngine {
    /// An incident pins the playbook it opened with and is judged by it (`rules(for:)`). Only when the store does
    /// not keep that version (an incident opened before versions were kept) does it go on under the loaded one;
    /// that is logged once.
    func notePlaybookMismatch(_ record: IncidentRecord, id: IncidentID) {
        guard record.playbook.name != playbook.name || record.playbook.version != playbook.version,
            pinned[record.playbook] == nil, !mismatchNoted.contains(id)
        else { return }
        mismatchNoted.insert(id)
        logger.warning("Incident opened under another playbook version; following the loaded one", metadata: [
            "incident.id": "\(id)", "incident.playbook": "\(record.playbook.name) v\(record.playbook.version)",
            "playbook": "\(playbook.name) v\(playbook.version)",
        ])
    }
}

extension IncidentEngine {
    /// The first daily report instant after `now` (reports are due at the same local time every day).
    func nextDailyReport(after now: Date) -> Date {
        let calendar = playbook.calendar
        var day = calendar.localDate(of: now)
        for _ in 0..<3 {
            let instant = playbook.dailyReportAt.instant(on: day, in: calendar.gregorian)
            if instant > now { return instant }
            day = day.adding(days: 1, in: calendar.gregorian)
        }
        return now.addingTimeInterval(86_400)
    }
}

extension StoreChange {
    /// The task a planning change adds, if it is one.
    fileprivate var plannedTask: IncidentTask? {
        guard case .addIncidentItem(let item, _) = self, case .task(let task) = item.body else { return nil }
        return task
    }
}
