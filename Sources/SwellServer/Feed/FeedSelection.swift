import SwellCore

/// What one socket asked for (`?types=`, `?mode=`) and may see (its role). It decides once per event type and
/// remembers the answer, so a thousand sockets filtering a burst cost an array lookup per frame each.
struct FeedSelection: Sendable {
    /// `events`: every chosen event as its own message (what `since` resume relies on for a client that needs each
    /// one). `summary`: complaint-level events (`FeedSelection.summarised`) arrive as `complaints.arrived` counts,
    /// at most one a second; everything else as itself.
    enum Mode: String, Sendable, CaseIterable {
        case events, summary
    }

    enum Decision: Sendable, Equatable {
        case send
        case summarise
        case skip
    }

    /// One per complaint (its receipt and its placement): the volume that a burst brings and a dashboard only counts.
    static let summarised: Set<EventType> = [.complaintReceived, .clusterCreated, .clusterUpdated]

    let types: EventTypeFilter
    let mode: Mode
    let role: Role
    private var decided: [Decision?] = Array(repeating: nil, count: EventType.catalog.count)

    init(types: EventTypeFilter = .everything, mode: Mode = .events, role: Role) {
        self.types = types
        self.mode = mode
        self.role = role
    }

    mutating func decision(for frame: FeedFrame) -> Decision {
        guard let index = frame.typeIndex else { return decide(frame.type) }
        if let known = decided[index] { return known }
        let decision = decide(frame.type)
        decided[index] = decision
        return decision
    }

    func decide(_ type: EventType) -> Decision {
        guard !FeedEnvelope.isAdminOnly(type) || role == .admin, types.matches(type) else { return .skip }
        return mode == .summary && Self.summarised.contains(type) ? .summarise : .send
    }
}
