import Foundation
import NIOCore
import SwellCore

/// Complaint events a summary-mode socket has been told nothing about yet, as one message:
/// `{"type":"complaints.arrived","seq":<toSeq>,"fromSeq":…,"count":<complaints received>,"events":<events>,"at":"…"}`.
/// `seq` is the last event it covers, so a client that resumes from the highest `seq` it saw misses nothing.
struct FeedSummary: Sendable, Equatable {
    var fromSeq: Int64
    var toSeq: Int64
    var complaints = 0
    var events = 0

    mutating func add(_ frame: FeedFrame) {
        toSeq = frame.seq
        events += 1
        if frame.isComplaintReceived { complaints += 1 }
    }

    func json(at: Date) -> String {
        #"{"type":"complaints.arrived","seq":\#(toSeq),"fromSeq":\#(fromSeq),"count":\#(complaints),"events":\#(events),"at":"\#(RFC3339.format(at))"}"#
    }
}

/// One socket's sorting of the frames it reads, in seq order, into what it writes now: chosen events as they are,
/// complaint events (in summary mode) held and counted, the count sent before any later event (so order holds) and
/// otherwise at most once per `summaryInterval`.
struct FeedOutbox {
    var selection: FeedSelection
    let summaryInterval: Duration
    /// Counted events not yet sent.
    private(set) var held: FeedSummary?
    private var lastSummary: ContinuousClock.Instant?

    init(selection: FeedSelection, summaryInterval: Duration) {
        self.selection = selection
        self.summaryInterval = summaryInterval
    }

    struct Run {
        var texts: [ByteBuffer] = []
        /// The events among `texts` (for the sent count and the send delay), and how many summaries.
        var events: [FeedFrame] = []
        var summaries = 0
    }

    mutating func sort(_ frames: some Sequence<FeedFrame>, now: ContinuousClock.Instant) -> Run {
        var run = Run()
        for frame in frames {
            switch selection.decision(for: frame) {
            case .skip:
                continue
            case .summarise:
                if held == nil { held = FeedSummary(fromSeq: frame.seq, toSeq: frame.seq) }
                held?.add(frame)
            case .send:
                flushHeld(into: &run, now: now)
                run.texts.append(frame.text)
                run.events.append(frame)
            }
        }
        if isSummaryDue(now: now) { flushHeld(into: &run, now: now) }
        return run
    }

    /// The held count, if it is due: at once after a quiet `summaryInterval`, else that long after the last one.
    mutating func dueSummary(now: ContinuousClock.Instant) -> Run {
        var run = Run()
        if isSummaryDue(now: now) { flushHeld(into: &run, now: now) }
        return run
    }

    /// When a held count falls due (nil when nothing is held or it is due already).
    var summaryAlarm: ContinuousClock.Instant? {
        guard held != nil, let lastSummary else { return nil }
        return lastSummary.advanced(by: summaryInterval)
    }

    private func isSummaryDue(now: ContinuousClock.Instant) -> Bool {
        guard held != nil else { return false }
        guard let lastSummary else { return true }
        return now - lastSummary >= summaryInterval
    }

    /// The highest seq the client has been told everything up to, given that the socket has taken every event up
    /// to `cursor`: held events are not told yet, so a client resuming from here counts them again.
    func toldThrough(_ cursor: Int64) -> Int64 {
        held.map { $0.fromSeq - 1 } ?? cursor
    }

    private mutating func flushHeld(into run: inout Run, now: ContinuousClock.Instant) {
        guard let summary = held else { return }
        run.texts.append(ByteBuffer(string: summary.json(at: Date())))
        run.summaries += 1
        held = nil
        lastSummary = now
    }
}
