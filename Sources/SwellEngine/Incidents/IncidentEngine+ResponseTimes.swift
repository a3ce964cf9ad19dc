import Foundation
import SwellCore
import SwellStore

extension IncidentEngine {
    /// The response times of every incident opened in `[from, to)` (either end open when nil), oldest first,
    /// judged at `now` (event time, or the live clock).
    public func responseTimes(from: Date?, to: Date?, now fallback: Date) async throws -> [(record: IncidentRecord, times: ResponseTimes)] {
        try await responseTimes(from: from, to: to, at: now(or: fallback))
    }

    /// The same at an explicit instant, without waiting for the engine (`/metrics` must never queue behind a busy
    /// follower): it only reads the store.
    public nonisolated func responseTimes(from: Date?, to: Date?, at now: Date) async throws -> [(record: IncidentRecord, times: ResponseTimes)] {
        var result: [(record: IncidentRecord, times: ResponseTimes)] = []
        for record in try await store.incidents(activeOnly: false, clusterId: nil).reversed() {
            if let from, record.openedAt < from { continue }
            if let to, record.openedAt >= to { continue }
            if let times = try await responseTimes(of: record, at: now) { result.append((record, times)) }
        }
        return result
    }

    /// One incident's response times at `now`; nil for a record not stored yet.
    public nonisolated func responseTimes(of record: IncidentRecord, at now: Date) async throws -> ResponseTimes? {
        guard let id = record.id else { return nil }
        var tasks: [String: (dueAt: Date, completedAt: Date?)] = [:]
        for item in try await store.incidentItems(id, kind: .task) {
            guard case .task(let task) = item.body, (task.kind ?? .playbook) == .playbook else { continue }
            if let known = tasks[task.templateId], known.dueAt <= task.dueAt { continue }
            tasks[task.templateId] = (task.dueAt, task.status == .done ? task.completedAt : nil)
        }
        let statements = try await store.incidentItems(id, kind: .statement).map(\.at)
        let sources = ResponseTimes.Sources(
            timing: record.timing, openedAt: record.openedAt, closedAt: record.history.last { $0.state == .closed }?.at,
            tasks: tasks, firstStatementAt: statements.min())
        return ResponseTimes(sources, now: now)
    }
}
