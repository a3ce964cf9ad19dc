import SwellCore

/// Which event types wake a socket: those its `FeedSelection` sends as they are, and those it counts in a summary.
/// The hub rings a subscriber only for a published run that holds something for it (see
/// `FeedSubscription.shouldRing`), so a thousand sockets that asked for warnings and incidents are not each woken,
/// to read and skip, for every commit of an import.
struct FeedInterest: Sendable {
    let sent: EventTypeSet
    let summarised: EventTypeSet

    init(_ selection: FeedSelection) {
        var sent = EventTypeSet(), summarised = EventTypeSet()
        for (index, type) in EventType.catalog.enumerated() {
            switch selection.decide(type) {
            case .send: sent.insert(index)
            case .summarise: summarised.insert(index)
            case .skip: break
            }
        }
        // A type outside the catalog cannot be decided in advance: it always rings, and the session decides.
        sent.includesUncatalogued = true
        self.sent = sent
        self.summarised = summarised
    }

    /// Every event rings (a subscriber that reads the hub directly, as tests do).
    static let everything = FeedInterest(FeedSelection(role: .admin))
}

/// A set of event types by their place in `EventType.catalog`, plus whether any type outside it is present: one
/// bit per type, so the hub tests a published run against each subscriber with a few word operations.
struct EventTypeSet: Sendable, Equatable {
    private var words = [UInt64](repeating: 0, count: (EventType.catalog.count + 63) / 64)
    var includesUncatalogued = false

    init() {}

    /// The types of a published run.
    init(_ frames: some Sequence<FeedFrame>) {
        for frame in frames {
            if let index = frame.typeIndex { insert(index) } else { includesUncatalogued = true }
        }
    }

    mutating func insert(_ index: Int) {
        words[index / 64] |= 1 << UInt64(index % 64)
    }

    func intersects(_ other: EventTypeSet) -> Bool {
        if includesUncatalogued && other.includesUncatalogued { return true }
        return zip(words, other.words).contains { $0 & $1 != 0 }
    }
}
