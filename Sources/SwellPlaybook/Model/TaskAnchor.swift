/// The moment a task's deadline counts from.
public enum TaskAnchor: Sendable, Hashable, CustomStringConvertible {
    /// The early warning that started it all was raised.
    case warning
    /// The incident was opened.
    case incidentOpened
    /// A phase (by id) started.
    case phaseStarted(String)
    /// The settlement offer was published.
    case offerPublished

    /// Parses `warning`, `incident_opened`, `phase_started:<phaseId>` or `offer_published`.
    public init?(parsing text: String) {
        switch text {
        case "warning": self = .warning
        case "incident_opened": self = .incidentOpened
        case "offer_published": self = .offerPublished
        default:
            let prefix = "phase_started:"
            guard text.hasPrefix(prefix), text.count > prefix.count else { return nil }
            self = .phaseStarted(String(text.dropFirst(prefix.count)))
        }
    }

    /// What the parser accepts, for error messages.
    public static let expectation = "warning, incident_opened, phase_started:<phaseId> or offer_published"

    public var description: String {
        switch self {
        case .warning: "warning"
        case .incidentOpened: "incident_opened"
        case .phaseStarted(let phase): "phase_started:\(phase)"
        case .offerPublished: "offer_published"
        }
    }
}

/// A deadline relative to an anchor: `1h after warning`.
public struct TaskDue: Sendable, Hashable, CustomStringConvertible {
    public let after: PlaybookDuration
    public let anchor: TaskAnchor

    public init(after: PlaybookDuration, anchor: TaskAnchor) {
        self.after = after
        self.anchor = anchor
    }

    public var description: String { "\(after) after \(anchor)" }
}
