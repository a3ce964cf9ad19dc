/// Where an incident stands in its life.
///
/// The usual path is open → responding → monitoring → settling → resolved → closed.
/// Some steps back are allowed, because crises flare up again:
/// - monitoring → responding: a new wave of complaints or a media story needs a fresh response;
/// - settling → monitoring: the offer is widely refused and the plan must be reworked;
/// - settling → responding: the situation escalates while the offer is out;
/// - resolved → settling: complaints resurface before the case is closed.
/// An open incident may also be closed straight away when the warning was a false alarm, and
/// responding may go straight to settling when the offer is ready at once.
/// Closed is final: a resurgence after closing is a new incident, so the record stays append-only.
public enum IncidentState: String, Sendable, Hashable, Codable, CaseIterable {
    case open
    case responding
    case monitoring
    case settling
    case resolved
    case closed

    /// The states this one may move to.
    public var allowedNextStates: [IncidentState] {
        switch self {
        case .open: [.responding, .closed]
        case .responding: [.monitoring, .settling]
        case .monitoring: [.settling, .responding]
        case .settling: [.resolved, .monitoring, .responding]
        case .resolved: [.closed, .settling]
        case .closed: []
        }
    }

    /// Whether moving to `next` is allowed.
    public func canMove(to next: IncidentState) -> Bool {
        allowedNextStates.contains(next)
    }

    /// Whether `next` is a step back along the usual path.
    public func isStepBack(to next: IncidentState) -> Bool {
        next != .closed && (Self.allCases.firstIndex(of: next) ?? 0) < (Self.allCases.firstIndex(of: self) ?? 0)
    }

    /// The state after moving to `next`, or why the move is forbidden.
    public func transition(to next: IncidentState) throws(IncidentTransitionError) -> IncidentTransition {
        guard next != self else { throw .alreadyIn(self) }
        guard self != .closed else { throw .closedIsFinal(attempted: next) }
        guard canMove(to: next) else { throw .forbidden(from: self, to: next, allowed: allowedNextStates) }
        return IncidentTransition(from: self, to: next)
    }
}

/// An allowed change of state.
public struct IncidentTransition: Sendable, Hashable, Codable {
    /// The state before.
    public let from: IncidentState
    /// The state after.
    public let to: IncidentState

    /// Whether this goes back along the usual path (e.g. monitoring → responding).
    public var isStepBack: Bool { from.isStepBack(to: to) }
}

/// Why an incident cannot move to a state.
public enum IncidentTransitionError: Error, Sendable, Equatable, CustomStringConvertible {
    case alreadyIn(IncidentState)
    case closedIsFinal(attempted: IncidentState)
    case forbidden(from: IncidentState, to: IncidentState, allowed: [IncidentState])

    public var description: String {
        switch self {
        case .alreadyIn(let state):
            "the incident is already \(state.rawValue)"
        case .closedIsFinal(let attempted):
            "a closed incident cannot become \(attempted.rawValue); open a new incident for a resurgence"
        case .forbidden(let from, let to, let allowed):
            "an incident cannot go from \(from.rawValue) to \(to.rawValue); from \(from.rawValue) it may go to "
                + allowed.map(\.rawValue).joined(separator: " or ")
        }
    }
}
