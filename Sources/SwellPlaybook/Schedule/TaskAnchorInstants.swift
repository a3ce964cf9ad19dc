public import Foundation

/// The instants an incident has reached so far, which task deadlines count from.
/// An anchor that has not happened yet is `nil` (or absent from ``phaseStarts``).
public struct TaskAnchorInstants: Sendable, Hashable {
    public var warningRaisedAt: Date?
    public var incidentOpenedAt: Date?
    /// When each phase (by id) started.
    public var phaseStarts: [String: Date]
    public var offerPublishedAt: Date?

    public init(warningRaisedAt: Date? = nil, incidentOpenedAt: Date? = nil,
                phaseStarts: [String: Date] = [:], offerPublishedAt: Date? = nil) {
        self.warningRaisedAt = warningRaisedAt
        self.incidentOpenedAt = incidentOpenedAt
        self.phaseStarts = phaseStarts
        self.offerPublishedAt = offerPublishedAt
    }

    /// The instant of an anchor, if it has happened.
    public func instant(of anchor: TaskAnchor) -> Date? {
        switch anchor {
        case .warning: warningRaisedAt
        case .incidentOpened: incidentOpenedAt
        case .phaseStarted(let phase): phaseStarts[phase]
        case .offerPublished: offerPublishedAt
        }
    }
}
