import Foundation
import NIOCore
import SwellCore

/// One published event as every subscriber receives it: its envelope encoded once into a buffer that all the
/// sockets share (writing it copies nothing). A class, immutable: a thousand sockets reading a burst pass each
/// frame on with one reference count, not a copy of its fields (as a struct it cost more than the sorting itself).
final class FeedFrame: Sendable {
    let seq: Int64
    let type: EventType
    /// Whether it is a `complaint.received`, the event a summary counts as a complaint (decided once, not per socket).
    let isComplaintReceived: Bool
    /// Where `type` stands in `EventType.catalog` (nil for a type not in it), so a socket decides once per type
    /// whether it wants it instead of matching its patterns against every frame.
    let typeIndex: Int?
    /// When the hub read it from the log, for the send-delay metric; nil when a session read it for a replay.
    let publishedAt: ContinuousClock.Instant?
    let text: ByteBuffer

    init(seq: Int64, type: EventType, publishedAt: ContinuousClock.Instant?, text: ByteBuffer) {
        self.seq = seq
        self.type = type
        self.typeIndex = Self.catalogIndex[type]
        self.isComplaintReceived = type == .complaintReceived
        self.publishedAt = publishedAt
        self.text = text
    }

    convenience init(_ event: Event, publishedAt: ContinuousClock.Instant?) {
        self.init(seq: event.seq, type: event.type, publishedAt: publishedAt, text: ByteBuffer(string: FeedEnvelope.json(event)))
    }

    private static let catalogIndex = Dictionary(
        EventType.catalog.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
}

/// The events the hub has published most recently, in seq order, shared by every subscriber: each subscriber
/// only keeps a cursor into it, so a burst costs memory once, not once per socket. It keeps at least the last
/// `capacity` events; a subscriber whose cursor is older than that reads the missed events from the store.
struct FeedBacklog {
    let capacity: Int
    /// The last seq published.
    private(set) var head: Int64
    private var frames: [FeedFrame] = []

    init(head: Int64, capacity: Int) {
        self.head = head
        self.capacity = max(1, capacity)
    }

    /// What a subscriber whose cursor is at some seq should do next.
    enum Read {
        /// Write these frames (contiguous, starting right after the cursor).
        case frames(ArraySlice<FeedFrame>)
        /// The frames right after the cursor are gone from memory: read the log up to and including this seq.
        case missed(through: Int64)
        /// Nothing newer has been published.
        case upToDate
    }

    /// Appends events published after `head`; events at or below it are ignored, so a re-read page is harmless.
    mutating func append(_ published: [FeedFrame]) {
        for frame in published where frame.seq > head {
            frames.append(frame)
            head = frame.seq
        }
        // Trimming in bulk keeps appends amortised O(1): at most twice the capacity is ever held.
        if frames.count > capacity * 2 {
            frames.removeFirst(frames.count - capacity)
        }
    }

    /// Moves the head to `seq` holding nothing (events up to it were published to nobody); a subscriber whose
    /// cursor is older reads them from the store.
    mutating func skip(to seq: Int64) {
        guard seq > head else { return }
        frames.removeAll(keepingCapacity: true)
        head = seq
    }

    /// Where a subscriber at `cursor` stands, with at most `limit` frames to write.
    func read(after cursor: Int64, limit: Int) -> Read {
        guard cursor < head else { return .upToDate }
        guard let first = frames.first?.seq, cursor + 1 >= first else {
            return .missed(through: (frames.first?.seq ?? head + 1) - 1)
        }
        let start = Int(cursor + 1 - first)
        return .frames(frames[start..<min(frames.count, start + max(1, limit))])
    }
}
