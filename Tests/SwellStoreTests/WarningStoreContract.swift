import Foundation
import SwellCore
import SwellStore
import Testing

/// The warning-handling part of the case store contract: states round-trip, each move is written with its event
/// in one transaction, an action applies to the warning and the earlier ones of its cluster, a new escalation
/// starts open, and the summary counts clusters by the state of their newest warning.
enum WarningStoreContract {
    static let at = RFC3339.parse("2026-07-02T09:30:00Z")!

    static func warning(cluster: Int64, kind: String = "raised", level: WarningLevel, at raisedAt: String) -> WarningRecord {
        WarningRecord(
            clusterId: ClusterID(cluster), kind: kind, level: level, previousLevel: kind == "raised" ? nil : .blue,
            raisedAt: RFC3339.parse(raisedAt)!, triggeringComplaintId: ComplaintID(cluster), complaintCount: 9,
            distinctComplainants: 9, rule: "burst", reasons: [.init(code: "size", detail: "9 people in 48h")])
    }

    static func snapshot(_ id: Int64, level: WarningLevel) -> ClusterSnapshot {
        ClusterSnapshot(
            id: ClusterID(id), firstAt: storeNow, lastAt: storeNow, memberCount: 9, distinctComplainants: 9, level: level,
            topTerms: ["酒店"], representativeText: "酒店降级", representativeComplaintId: ComplaintID(id), entities: [],
            updatedAt: storeNow)
    }

    static func payload(_ event: Event) throws -> WarningHandledPayload {
        try JSONDecoder().decode(WarningHandledPayload.self, from: Data(event.draft.payload.utf8))
    }

    static func states(_ store: any CaseStore, cluster: Int64) async throws -> [WarningState] {
        try await store.warnings(limit: 10, clusterId: ClusterID(cluster)).reversed().map(\.handling.state)
    }

    static func roundTrip(_ store: any CaseStore) async throws {
        // Given cluster 1 with a raised warning (1) and an escalation (2), and cluster 2 with a raised warning (3)
        _ = try await store.apply(
            [.saveCluster(snapshot(1, level: .yellow)), .saveCluster(snapshot(2, level: .blue)),
             .raiseWarning(warning(cluster: 1, level: .blue, at: "2026-07-01T08:00:00Z"), at: storeNow),
             .raiseWarning(warning(cluster: 1, kind: "escalated", level: .yellow, at: "2026-07-01T09:00:00Z"), at: storeNow),
             .raiseWarning(warning(cluster: 2, level: .blue, at: "2026-07-01T10:00:00Z"), at: storeNow)],
            checkpoint: nil)
        #expect(try await store.warning(WarningID(1))?.handling == .open)
        #expect(try await store.warnings(limit: 10, clusterId: nil, state: .open).map(\.id) == [3, 2, 1].map { WarningID($0) })
        #expect(try await store.warnedClusterCounts() == [.open: 2])

        // When the earlier warning of cluster 1 is acknowledged, only it moves (the later escalation stays open)
        let first = try await store.apply([.handleWarning(WarningID(1), .acknowledge(by: "anna", at: at))], checkpoint: nil)
        #expect(first.map(\.type) == [.warningAcknowledged])
        #expect(first.first?.draft.clusterId == ClusterID(1))
        #expect(try payload(try #require(first.first)).warningIds == [WarningID(1)])
        #expect(try await states(store, cluster: 1) == [.acknowledged, .open])
        #expect(try await store.warnedClusterCounts() == [.open: 2], "counted by the newest record of each cluster")

        // Then acknowledging the escalation moves it; the stamp round-trips
        let second = try await store.apply([.handleWarning(WarningID(2), .acknowledge(by: "anna", at: at))], checkpoint: nil)
        #expect(try payload(try #require(second.first)) == WarningHandledPayload(
            warningId: WarningID(2), warningIds: [WarningID(2)], state: .acknowledged, from: .open, by: "anna", incidentId: nil,
            at: "2026-07-02T09:30:00Z"))
        let acknowledged = try #require(try await store.warning(WarningID(2)))
        #expect(acknowledged.handling.state == .acknowledged)
        #expect(acknowledged.handling.acknowledged == .init(by: "anna", at: at))
        #expect(acknowledged.rule == "burst" && acknowledged.level == .yellow, "the detector's record is untouched")
        #expect(try await store.warnedClusterCounts() == [.open: 1, .acknowledged: 1])

        // A wrong move is refused and leaves nothing behind
        let seq = try await store.lastEventSeq()
        await #expect(throws: WarningHandlingError.transition(WarningID(2), .alreadyIn(.acknowledged))) {
            try await store.apply([.handleWarning(WarningID(2), .acknowledge(by: "ben", at: at))], checkpoint: nil)
        }
        await #expect(throws: WarningHandlingError.notFound(WarningID(99))) {
            try await store.apply([.handleWarning(WarningID(99), .acknowledge(by: "ben", at: at))], checkpoint: nil)
        }
        #expect(try await store.lastEventSeq() == seq)
        #expect(try await store.warning(WarningID(2))?.handling.acknowledged?.by == "anna")

        // Dismissing the escalation dismisses the thread up to it; the reason is stored but not in the event
        let reason = "同一家庭的一张订单，不是群体事件"
        let dismissed = try await store.apply(
            [.handleWarning(WarningID(2), .dismiss(by: "ben", at: at.addingTimeInterval(60), reason: reason))], checkpoint: nil)
        #expect(dismissed.map(\.type) == [.warningDismissed])
        #expect(try payload(try #require(dismissed.first)).warningIds == [WarningID(1), WarningID(2)])
        #expect(dismissed.allSatisfy { !$0.draft.payload.contains(reason) })
        #expect(try await states(store, cluster: 1) == [.dismissed, .dismissed])
        let stored = try #require(try await store.warning(WarningID(1)))
        #expect(stored.handling.dismissed == .init(by: "ben", at: at.addingTimeInterval(60), reason: reason))
        #expect(stored.handling.acknowledged?.by == "anna", "the acknowledgement stays on record")
        #expect(try await store.warnedClusterCounts() == [.open: 1, .dismissed: 1])
        await #expect(throws: WarningHandlingError.transition(WarningID(1), .forbidden(from: .dismissed, to: .acknowledged, allowed: [.incident]))) {
            try await store.apply([.handleWarning(WarningID(1), .acknowledge(by: "ben", at: at))], checkpoint: nil)
        }

        // A new escalation of the dismissed cluster starts open and counts again
        _ = try await store.apply(
            [.raiseWarning(warning(cluster: 1, kind: "escalated", level: .orange, at: "2026-07-02T11:00:00Z"), at: storeNow)],
            checkpoint: nil)
        #expect(try await states(store, cluster: 1) == [.dismissed, .dismissed, .open])
        #expect(try await store.warnedClusterCounts() == [.open: 2])
        #expect(try await store.warnings(limit: 10, clusterId: nil, state: .dismissed).map(\.id) == [WarningID(2), WarningID(1)])
        #expect(try await store.warnings(limit: 10, clusterId: ClusterID(2), state: .dismissed).isEmpty)

        // Opening an incident links the whole thread in the same transaction
        let incident = IncidentRecord(
            title: "Hotel", clusterId: ClusterID(1), warningId: WarningID(4), level: .orange,
            playbook: .init(name: "group-complaint", version: "1"), openedAt: at, openedBy: "anna")
        let opened = try await store.apply(
            [.openIncident(incident, event: EventDraft(type: .incidentOpened, at: at, clusterId: ClusterID(1))),
             .linkWarnings(ClusterID(1), incident: nil, at: at)],
            checkpoint: nil)
        #expect(opened.map(\.type) == [.incidentOpened, .warningLinked])
        let incidentId = try #require(opened.first?.draft.incidentId)
        #expect(opened.last?.draft.incidentId == incidentId)
        #expect(try payload(try #require(opened.last)).warningIds == [1, 2, 4].map { WarningID($0) })
        for record in try await store.warnings(limit: 10, clusterId: ClusterID(1)) {
            #expect(record.handling.state == .incident && record.handling.incident == .init(incidentId: incidentId, at: at))
        }
        #expect(try await store.warning(WarningID(2))?.handling.dismissed?.reason == reason, "the overridden dismissal stays")
        #expect(try await store.warnedClusterCounts() == [.open: 1, .incident: 1])
        await #expect(throws: WarningHandlingError.self) {
            try await store.apply([.handleWarning(WarningID(4), .dismiss(by: "ben", at: at, reason: "no"))], checkpoint: nil)
        }

        // Linking again moves nothing and writes nothing; linking with no incident opened is refused
        #expect(try await store.apply([.linkWarnings(ClusterID(1), incident: incidentId, at: at)], checkpoint: nil).isEmpty)
        await #expect(throws: (any Error).self) {
            try await store.apply([.linkWarnings(ClusterID(2), incident: nil, at: at)], checkpoint: nil)
        }
        #expect(try await store.warning(WarningID(3))?.handling == .open)

        // A merged cluster no longer counts
        _ = try await store.apply([.reassignCluster(from: ClusterID(2), to: ClusterID(1))], checkpoint: nil)
        #expect(try await store.warnedClusterCounts() == [.incident: 1])
        #expect(try await ChainVerifier.verify(store, pageSize: 50).isIntact)
    }
}
