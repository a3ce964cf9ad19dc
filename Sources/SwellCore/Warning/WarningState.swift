/// Where a warning stands with the people who handle it.
///
/// Every warning record starts open. The moves allowed:
/// - open → acknowledged: someone has seen it and is looking into it;
/// - open or acknowledged → dismissed: not a group incident (a person says why);
/// - open, acknowledged or dismissed → incident: an incident was opened on its cluster. Opening an incident
///   overrides a dismissal: someone decided it is a group incident after all, and the dismissal stays on record.
///
/// Incident is final. A dismissed warning never reopens by itself: when its cluster reaches a higher level, the
/// detector writes a new escalation record, and that record starts open (the cluster "warns again").
public enum WarningState: String, Sendable, Hashable, Codable, CaseIterable {
    case open
    case acknowledged
    case dismissed
    case incident

    /// The states a record in this state may move to.
    public var allowedNextStates: [WarningState] {
        switch self {
        case .open: [.acknowledged, .dismissed, .incident]
        case .acknowledged: [.dismissed, .incident]
        case .dismissed: [.incident]
        case .incident: []
        }
    }

    /// Whether moving to `next` is allowed.
    public func canMove(to next: WarningState) -> Bool {
        allowedNextStates.contains(next)
    }

    /// Checks the move to `next`, or says why it is forbidden.
    public func checkMove(to next: WarningState) throws(WarningTransitionError) {
        guard next != self else { throw .alreadyIn(self) }
        guard canMove(to: next) else { throw .forbidden(from: self, to: next, allowed: allowedNextStates) }
    }
}

/// Why a warning cannot move to a state.
public enum WarningTransitionError: Error, Sendable, Equatable, CustomStringConvertible {
    case alreadyIn(WarningState)
    case forbidden(from: WarningState, to: WarningState, allowed: [WarningState])

    public var description: String {
        switch self {
        case .alreadyIn(let state):
            "the warning is already \(state.rawValue)"
        case .forbidden(let from, let to, let allowed) where allowed.isEmpty:
            "a warning in state \(from.rawValue) cannot become \(to.rawValue); it moves no further"
        case .forbidden(let from, let to, let allowed):
            "a warning in state \(from.rawValue) cannot become \(to.rawValue); from \(from.rawValue) it may become "
                + allowed.map(\.rawValue).joined(separator: " or ")
        }
    }
}
