import Foundation
import Testing

@testable import SwellCore

/// The warning state machine, and how an action applies to a cluster's warning thread.
@Suite("Warning states")
struct WarningStateTests {
    static let at = Date(timeIntervalSince1970: 1_782_900_000)

    /// Every pair of states, and whether a record may move from the first to the second.
    @Test func theAllowedMovesAreExactlyThese() {
        let allowed: Set<[WarningState]> = [
            [.open, .acknowledged], [.open, .dismissed], [.open, .incident],
            [.acknowledged, .dismissed], [.acknowledged, .incident],
            [.dismissed, .incident],
        ]
        for from in WarningState.allCases {
            for to in WarningState.allCases {
                #expect(from.canMove(to: to) == allowed.contains([from, to]), "\(from) → \(to)")
            }
        }
        #expect(throws: WarningTransitionError.alreadyIn(.dismissed)) { try WarningState.dismissed.checkMove(to: .dismissed) }
        #expect(throws: WarningTransitionError.forbidden(from: .incident, to: .open, allowed: [])) {
            try WarningState.incident.checkMove(to: .open)
        }
    }

    @Test func eachMoveRecordsItsOwnFieldsAndKeepsTheEarlierOnes() throws {
        let acknowledged = try WarningHandling.open.applying(.acknowledge(by: "anna", at: Self.at))
        #expect(acknowledged.state == .acknowledged && acknowledged.acknowledged == .init(by: "anna", at: Self.at))
        let dismissed = try acknowledged.applying(.dismiss(by: "ben", at: Self.at + 60, reason: "one family"))
        #expect(dismissed.dismissed == .init(by: "ben", at: Self.at + 60, reason: "one family"))
        #expect(dismissed.acknowledged?.by == "anna")
        let linked = try dismissed.applying(.linkIncident(IncidentID(5), at: Self.at + 120))
        #expect(linked.state == .incident && linked.incident?.incidentId == IncidentID(5) && linked.dismissed != nil)
        #expect(throws: WarningTransitionError.self) { try linked.applying(.acknowledge(by: "anna", at: Self.at)) }
    }

    func record(_ id: Int64, _ handling: WarningHandling = .open) -> WarningRecord {
        WarningRecord(
            id: WarningID(id), clusterId: ClusterID(7), kind: id == 1 ? "raised" : "escalated", level: .blue, previousLevel: nil,
            raisedAt: Self.at, triggeringComplaintId: ComplaintID(id), complaintCount: 9, distinctComplainants: 9, rule: "burst",
            reasons: [], handling: handling)
    }

    @Test func anActionMovesTheWarningAndTheEarlierOnesThatAllowIt() throws {
        let dismissed = try WarningHandling.open.applying(.dismiss(by: "ben", at: Self.at, reason: "no"))
        // Given records 1 (dismissed), 2 and 3 (open) and 4 (open, later), in any order
        let thread = WarningThread([record(4), record(2), record(1, dismissed), record(3)])
        #expect(thread.records.compactMap(\.id) == [1, 2, 3, 4].map { WarningID($0) })

        // When record 3 is acknowledged, 2 moves with it; 1 keeps its dismissal; 4 (later) stays open
        let change = try thread.handling(.acknowledge(by: "anna", at: Self.at), on: WarningID(3))
        #expect(change.records.compactMap(\.id) == [WarningID(2), WarningID(3)])
        #expect(change.records.allSatisfy { $0.handling.state == .acknowledged })
        #expect(change.event.type == .warningAcknowledged && change.event.clusterId == ClusterID(7))
        let payload = try JSONDecoder().decode(WarningHandledPayload.self, from: Data(change.event.payload.utf8))
        #expect(payload.warningId == WarningID(3) && payload.from == .open && payload.by == "anna")

        // A target that does not allow the move refuses the whole action; an unknown one is not found
        #expect(throws: WarningHandlingError.transition(WarningID(1), .forbidden(from: .dismissed, to: .acknowledged, allowed: [.incident]))) {
            try thread.handling(.acknowledge(by: "anna", at: Self.at), on: WarningID(1))
        }
        #expect(throws: WarningHandlingError.notFound(WarningID(9))) {
            try thread.handling(.acknowledge(by: "anna", at: Self.at), on: WarningID(9))
        }
    }

    @Test func dismissalsKeepTheirReasonOutOfTheEvent() throws {
        let change = try WarningThread([record(1)]).handling(.dismiss(by: "ben", at: Self.at, reason: "张三 13812345678"), on: WarningID(1))
        #expect(change.records.first?.handling.dismissed?.reason == "张三 13812345678")
        #expect(!change.event.payload.contains("张三") && !change.event.payload.contains("138"))
    }

    @Test func anIncidentLinksEveryRecordNotYetLinked() throws {
        let earlier = try WarningHandling.open.applying(.linkIncident(IncidentID(1), at: Self.at))
        let dismissed = try WarningHandling.open.applying(.dismiss(by: "ben", at: Self.at, reason: "no"))
        let thread = WarningThread([record(1, earlier), record(2, dismissed), record(3)])
        let change = try #require(thread.linking(IncidentID(2), at: Self.at))
        #expect(change.records.compactMap(\.id) == [WarningID(2), WarningID(3)])
        #expect(change.records.allSatisfy { $0.handling.incident?.incidentId == IncidentID(2) })
        #expect(change.event.type == .warningLinked && change.event.incidentId == IncidentID(2))
        #expect(WarningThread([record(1, earlier)]).linking(IncidentID(2), at: Self.at) == nil, "nothing to link")
        #expect(WarningThread([]).linking(IncidentID(2), at: Self.at) == nil)
    }
}
