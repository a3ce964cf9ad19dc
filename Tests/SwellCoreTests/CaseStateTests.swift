import Foundation
import Testing

@testable import SwellCore

/// A complainant's case: which moves it allows and what each move records.
@Suite("Case states")
struct CaseStateTests {
    static let received = Date(timeIntervalSince1970: 1_782_900_000)

    /// Every pair of states, and whether a case may move from the first to the second.
    @Test func theAllowedMovesAreExactlyThese() {
        let allowed: Set<[CaseState]> = [
            [.received, .acknowledged], [.received, .inProgress], [.received, .answered],
            [.acknowledged, .inProgress], [.acknowledged, .answered],
            [.inProgress, .answered],
            [.answered, .inProgress], [.answered, .closed],
            [.closed, .reopened],
            [.reopened, .inProgress], [.reopened, .answered],
        ]
        for from in CaseState.allCases {
            for to in CaseState.allCases {
                #expect(from.allows(to) == allowed.contains([from, to]), "\(from) → \(to)")
            }
        }
    }

    @Test func aRefusedMoveSaysWhatIsAllowed() {
        let fresh = ComplaintCase(complaintId: ComplaintID(1))
        #expect(throws: CaseTransitionError(from: .received, to: .closed)) {
            try fresh.moving(to: .closed, at: Self.received, by: "li")
        }
        #expect(CaseTransitionError(from: .received, to: .closed).description.contains("acknowledged, in_progress, answered"))
        #expect(CaseTransitionError(from: .answered, to: .answered).description == "the case is already answered")
    }

    @Test func answeringAnUnacknowledgedCaseAcknowledgesItTooAndHistoryKeepsEveryStep() throws {
        let later = Self.received.addingTimeInterval(3_600)
        let answered = try ComplaintCase(complaintId: ComplaintID(1)).moving(to: .answered, at: later, by: "li", note: "refund agreed")
        #expect(answered.acknowledgedAt == later)
        #expect(answered.answeredAt == later)
        let closed = try answered.moving(to: .closed, at: later.addingTimeInterval(60), by: "li")
        let reopened = try closed.moving(to: .reopened, at: later.addingTimeInterval(120), by: "wang")
        #expect(reopened.reopenedAt == later.addingTimeInterval(120))
        #expect(reopened.closedAt == later.addingTimeInterval(60), "closing is remembered after a reopening")
        #expect(reopened.history.map(\.to) == [.answered, .closed, .reopened])
        #expect(reopened.history.map(\.by) == ["li", "li", "wang"])
        #expect(reopened.history.first?.note == "refund agreed")
    }

    @Test func aComplaintThroughTheRegulatorChannelIsAReferralFromItsReceipt() {
        let referred = ComplaintCase.initial(for: ComplaintID(4), receivedAt: Self.received, channel: .regulator)
        #expect(referred.referral == CaseReferral(authority: "regulator", referenceNo: nil, receivedAt: Self.received))
        #expect(ComplaintCase.initial(for: ComplaintID(5), receivedAt: Self.received, channel: .hotline).referral == nil)
    }

    @Test func theFollowUpVisitIsTheFirstVisitAfterTheLastClosing() throws {
        var closed = try ComplaintCase(complaintId: ComplaintID(1)).moving(to: .answered, at: Self.received, by: "li")
            .moving(to: .closed, at: Self.received.addingTimeInterval(100), by: "li")
        let early = CaseContact(
            number: 1, at: Self.received.addingTimeInterval(50), channel: .phone, direction: .outbound, purpose: .followUpVisit,
            summary: "", outcome: nil, satisfaction: 2, recordedBy: "li")
        let visit = CaseContact(
            number: 2, at: Self.received.addingTimeInterval(200), channel: .phone, direction: .outbound, purpose: .followUpVisit,
            summary: "", outcome: nil, satisfaction: 5, recordedBy: "li")
        closed.contacts = [early, visit]
        #expect(closed.followUpVisit == visit)
        #expect(closed.lastContact == visit)
    }
}
