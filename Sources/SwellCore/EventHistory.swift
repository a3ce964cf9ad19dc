public import Foundation

/// When an event is history rather than news: its time lies more than a day before the moment a live follower
/// reads it — an import of last year's complaints, or the log a long-stopped server finds on start. History is
/// recorded and shown, but it opens no incident by itself and notifies nobody.
public enum EventHistory {
    public static let horizon: TimeInterval = 24 * 3600

    public static func isHistory(_ eventAt: Date, readAt now: Date) -> Bool {
        now.timeIntervalSince(eventAt) > horizon
    }
}
