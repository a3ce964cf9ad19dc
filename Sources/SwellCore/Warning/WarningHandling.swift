import Foundation

/// A warning record's state and who moved it there: acknowledged (by whom, when), dismissed (by whom, when,
/// why) and the incident it was linked to. Only `applying(_:)` changes it, so each field is set by the move
/// that reached its state; earlier moves stay on record (a dismissal that an incident later overrode).
public struct WarningHandling: Sendable, Codable, Equatable {
    /// A person's move: who (the caller's token name, a staff name) and when.
    public struct Stamp: Sendable, Codable, Equatable {
        public var by: String
        public var at: Date

        public init(by: String, at: Date) {
            self.by = by
            self.at = at
        }
    }

    /// A dismissal: not a group incident, and why.
    public struct Dismissal: Sendable, Codable, Equatable {
        public var by: String
        public var at: Date
        public var reason: String

        public init(by: String, at: Date, reason: String) {
            self.by = by
            self.at = at
            self.reason = reason
        }
    }

    /// The incident opened on the warning's cluster.
    public struct IncidentLink: Sendable, Codable, Equatable {
        public var incidentId: IncidentID
        public var at: Date

        public init(incidentId: IncidentID, at: Date) {
            self.incidentId = incidentId
            self.at = at
        }
    }

    /// The longest dismissal reason accepted, in characters.
    public static let maxReasonLength = 2_000

    public private(set) var state: WarningState
    public private(set) var acknowledged: Stamp?
    public private(set) var dismissed: Dismissal?
    public private(set) var incident: IncidentLink?

    /// A warning nobody has handled yet: how every record starts.
    public static let open = WarningHandling(state: .open)

    private init(state: WarningState) {
        self.state = state
    }

    /// The handling after `action`, or why this record may not take it.
    public func applying(_ action: WarningAction) throws(WarningTransitionError) -> WarningHandling {
        try state.checkMove(to: action.state)
        var next = self
        next.state = action.state
        switch action {
        case .acknowledge(let by, let at):
            next.acknowledged = Stamp(by: by, at: at)
        case .dismiss(let by, let at, let reason):
            next.dismissed = Dismissal(by: by, at: at, reason: reason)
        case .linkIncident(let id, let at):
            next.incident = IncidentLink(incidentId: id, at: at)
        }
        return next
    }
}

/// What can happen to a warning: a person acknowledges or dismisses it, or an incident is opened on its cluster.
public enum WarningAction: Sendable, Equatable {
    case acknowledge(by: String, at: Date)
    /// `reason` is required (at most `WarningHandling.maxReasonLength` characters, checked at the edge).
    case dismiss(by: String, at: Date, reason: String)
    case linkIncident(IncidentID, at: Date)

    /// The state the action moves a warning to.
    public var state: WarningState {
        switch self {
        case .acknowledge: .acknowledged
        case .dismiss: .dismissed
        case .linkIncident: .incident
        }
    }

    public var at: Date {
        switch self {
        case .acknowledge(_, let at), .dismiss(_, let at, _), .linkIncident(_, let at): at
        }
    }

    /// Who acted, for a person's action.
    public var by: String? {
        switch self {
        case .acknowledge(let by, _), .dismiss(let by, _, _): by
        case .linkIncident: nil
        }
    }

    public var incidentId: IncidentID? {
        if case .linkIncident(let id, _) = self { id } else { nil }
    }
}
