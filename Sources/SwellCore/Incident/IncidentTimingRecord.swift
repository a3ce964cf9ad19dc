public import Foundation

/// The moments that measure how fast an incident was handled.
public enum IncidentMilestone: String, Sendable, Hashable, Codable, CodingKeyRepresentable, CaseIterable {
    case firstComplaint = "first_complaint"
    case warningRaised = "warning_raised"
    case opened
    case firstReply = "first_reply"
    case regulatorReportSent = "regulator_report_sent"
    case offerPublished = "offer_published"
    case resolved
}

/// When each milestone was first reached, and the intervals that follow from them.
///
/// Recording keeps the earliest instant, so replaying the same events twice changes nothing.
public struct IncidentTimingRecord: Sendable, Hashable, Codable {
    /// The earliest instant of each milestone reached so far.
    public private(set) var instants: [IncidentMilestone: Date]

    public init(instants: [IncidentMilestone: Date] = [:]) {
        self.instants = instants
    }

    /// The record with `milestone` at `instant`, unless it was already reached earlier.
    public func recording(_ milestone: IncidentMilestone, at instant: Date) -> IncidentTimingRecord {
        var copy = self
        if let existing = instants[milestone], existing <= instant { return copy }
        copy.instants[milestone] = instant
        return copy
    }

    /// When a milestone was reached, if it was.
    public subscript(_ milestone: IncidentMilestone) -> Date? { instants[milestone] }

    /// Seconds from one milestone to another; `nil` when either is missing.
    public func interval(from start: IncidentMilestone, to end: IncidentMilestone) -> TimeInterval? {
        guard let from = instants[start], let to = instants[end] else { return nil }
        return to.timeIntervalSince(from)
    }

    /// First complaint → warning raised.
    public var timeToDetect: TimeInterval? { interval(from: .firstComplaint, to: .warningRaised) }
    /// Warning raised → incident opened; negative when a manager opened it before the detector warned.
    public var timeToOpen: TimeInterval? { interval(from: .warningRaised, to: .opened) }
    /// Incident opened → the incident's first reply to its complainants.
    public var timeToRespond: TimeInterval? { interval(from: .opened, to: .firstReply) }
    /// Incident opened → regulator report sent.
    public var timeToReportToRegulator: TimeInterval? { interval(from: .opened, to: .regulatorReportSent) }
    /// Incident opened → settlement offer published.
    public var timeToOffer: TimeInterval? { interval(from: .opened, to: .offerPublished) }
    /// First complaint → resolved.
    public var timeToResolve: TimeInterval? { interval(from: .firstComplaint, to: .resolved) }
}
