/// Where one complainant's case stands (ISO 10002: acknowledged at once, tracked, answered, closed).
///
/// The usual path is `received → acknowledged → in_progress → answered → closed`. A case may move ahead
/// over steps (answering a case acknowledges it); `reopened` follows `closed` and leads back to work.
public enum CaseState: String, Sendable, Codable, CaseIterable, Comparable {
    case received, acknowledged
    case inProgress = "in_progress"
    case answered, closed, reopened

    /// The states a case in this state may move to.
    public var successors: [CaseState] {
        switch self {
        case .received: [.acknowledged, .inProgress, .answered]
        case .acknowledged: [.inProgress, .answered]
        case .inProgress: [.answered]
        // The complainant does not accept the answer: more work before closing.
        case .answered: [.inProgress, .closed]
        case .closed: [.reopened]
        case .reopened: [.inProgress, .answered]
        }
    }

    public func allows(_ next: CaseState) -> Bool { successors.contains(next) }

    /// True once the complainant has heard from the company (every state but `received`).
    public var isAcknowledged: Bool { self != .received }

    /// True while an answer is owed: not yet answered, or reopened.
    public var awaitsAnswer: Bool {
        switch self {
        case .received, .acknowledged, .inProgress, .reopened: true
        case .answered, .closed: false
        }
    }

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: CaseState, rhs: CaseState) -> Bool { lhs.order < rhs.order }
}

/// Why a case cannot move as asked.
public struct CaseTransitionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var from: CaseState
    public var to: CaseState

    public init(from: CaseState, to: CaseState) {
        self.from = from
        self.to = to
    }

    public var description: String {
        if from == to { return "the case is already \(to.rawValue)" }
        let allowed = from.successors.map(\.rawValue).joined(separator: ", ")
        return "a case that is \(from.rawValue) cannot become \(to.rawValue) (it can become: \(allowed))"
    }
}

extension EventType {
    public static let caseStateChanged = EventType("case.state_changed")
    public static let caseAssigned = EventType("case.assigned")
    public static let caseReferred = EventType("case.referred")
    public static let caseContactLogged = EventType("case.contact_logged")
}
