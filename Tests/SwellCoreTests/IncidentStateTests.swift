import Testing
@testable import SwellCore

@Suite("Incident states")
struct IncidentStateTests {
    @Test(arguments: [
        (IncidentState.open, IncidentState.responding),
        (.open, .closed),
        (.responding, .monitoring),
        (.responding, .settling),
        (.monitoring, .settling),
        (.settling, .resolved),
        (.resolved, .closed),
    ])
    func forwardMovesAreAllowed(from: IncidentState, to: IncidentState) throws {
        let transition = try from.transition(to: to)
        #expect(transition.to == to)
        #expect(!transition.isStepBack)
    }

    @Test(arguments: [
        (IncidentState.monitoring, IncidentState.responding),
        (.settling, .monitoring),
        (.settling, .responding),
        (.resolved, .settling),
    ])
    func stepsBackAreAllowedAndMarked(from: IncidentState, to: IncidentState) throws {
        #expect(try from.transition(to: to).isStepBack)
    }

    @Test(arguments: [
        (IncidentState.open, IncidentState.resolved),
        (.open, .settling),
        (.responding, .open),
        (.responding, .closed),
        (.monitoring, .closed),
        (.settling, .closed),
        (.resolved, .open),
    ])
    func otherMovesAreForbidden(from: IncidentState, to: IncidentState) {
        #expect(throws: IncidentTransitionError.forbidden(from: from, to: to, allowed: from.allowedNextStates)) {
            try from.transition(to: to)
        }
    }

    @Test func closedIsFinal() {
        for next in IncidentState.allCases where next != .closed {
            #expect(throws: IncidentTransitionError.closedIsFinal(attempted: next)) { try IncidentState.closed.transition(to: next) }
        }
    }

    @Test func stayingPutIsAnError() {
        #expect(throws: IncidentTransitionError.alreadyIn(.monitoring)) { try IncidentState.monitoring.transition(to: .monitoring) }
    }

    @Test func errorsReadAsSentences() {
        let error = IncidentTransitionError.forbidden(from: .open, to: .resolved, allowed: [.responding, .closed])
        #expect(error.description == "an incident cannot go from open to resolved; from open it may go to responding or closed")
    }
}
