public import Foundation

public enum MentionFeedTag {}
public typealias MentionFeedID = Identifier<MentionFeedTag>

/// An RSS 2.0 or Atom feed an admin registered: polled at its interval, each new item stored once as a mention.
/// Holds its polling state too (validators for conditional GET, the next poll, failures and the backoff).
public struct MentionFeed: Sendable, Codable, Equatable {
    /// Assigned by the store.
    public var id: MentionFeedID?
    public var url: String
    /// The source given to every item of the feed.
    public var source: MentionSource
    /// The outlet given to items that name none (default: the feed's own title).
    public var outlet: String?
    /// Seconds between polls (at least ``MentionFeedInterval/minimum``).
    public var interval: TimeInterval
    public var createdAt: Date
    public var createdBy: String
    public var deletedAt: Date?

    /// `ETag` of the last answer, sent back as `If-None-Match`.
    public var etag: String?
    /// `Last-Modified` of the last answer, sent back as `If-Modified-Since`.
    public var lastModified: String?
    public var nextPollAt: Date
    public var lastPolledAt: Date?
    /// `ok`, `not_modified` or `failed`, for the last poll.
    public var lastOutcome: String?
    public var lastError: String?
    /// Polls failed in a row; each doubles the wait (see ``MentionFeedInterval/backoff(interval:failures:)``).
    public var failures: Int
    /// Items stored as new mentions, over the feed's life.
    public var itemsStored: Int

    public init(url: String, source: MentionSource, outlet: String?, interval: TimeInterval, createdAt: Date, createdBy: String) {
        self.url = url
        self.source = source
        self.outlet = outlet
        self.interval = interval
        self.createdAt = createdAt
        self.createdBy = createdBy
        nextPollAt = createdAt
        failures = 0
        itemsStored = 0
    }
}

/// A feed's polling interval: a number and a unit, `m` (minutes), `h` or `d`.
public enum MentionFeedInterval {
    public static let minimum: TimeInterval = 60
    public static let maximum: TimeInterval = 7 * 86_400
    /// The longest wait after failures, whatever the interval.
    public static let maximumBackoff: TimeInterval = 6 * 3600

    /// Seconds, or nil when the text is not `<number><m|h|d>`.
    public static func parse(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let unit = trimmed.last, let number = Double(trimmed.dropLast()), number > 0, number.isFinite else { return nil }
        switch unit {
        case "m": return number * 60
        case "h": return number * 3600
        case "d": return number * 86_400
        default: return nil
        }
    }

    /// The wait before the next poll after `failures` failed polls in a row: the interval doubled per failure, at
    /// most ``maximumBackoff`` (and never shorter than the interval).
    public static func backoff(interval: TimeInterval, failures: Int) -> TimeInterval {
        guard failures > 0 else { return interval }
        return max(interval, min(maximumBackoff, interval * pow(2, Double(min(failures, 16)))))
    }
}

extension EventType {
    public static let mentionFeedCreated = EventType("mention_feed.created")
    public static let mentionFeedDeleted = EventType("mention_feed.deleted")
    /// A poll stored new items, or the feed started or stopped failing.
    public static let mentionFeedPolled = EventType("mention_feed.polled")
    /// A person asked for a poll now (`POST …/poll`).
    public static let mentionFeedPollRequested = EventType("mention_feed.poll_requested")
}

/// Turns a feed registration into a `MentionFeed`, or says every field that is wrong; the same checks and error
/// codes as mention intake.
public enum MentionFeedValidator {
    public static func validate(
        url rawURL: String?, source rawSource: String?, outlet rawOutlet: String?, interval rawInterval: String?, now: Date, by: String
    ) -> Result<MentionFeed, ValidationFailure> {
        var errors: [FieldError] = []
        let url = FieldChecks.required(rawURL, "url", &errors)
        if let url {
            FieldChecks.checkLength(url, "url", max: MentionLimits.maxURLCharacters, &errors)
            if MentionURL.normalise(url) == nil {
                errors.append(FieldError(field: "url", code: "invalid", message: "must be an absolute http or https URL"))
            }
        }
        var source: MentionSource?
        if let raw = FieldChecks.required(rawSource, "source", &errors) {
            source = MentionSource(rawValue: raw)
            if source == nil {
                errors.append(FieldError(field: "source", code: "invalid", message: "must be one of: \(FieldChecks.names(MentionSource.self))"))
            }
        }
        var interval: TimeInterval?
        if let raw = FieldChecks.required(rawInterval, "interval", &errors) {
            interval = MentionFeedInterval.parse(raw)
            if let seconds = interval, seconds < MentionFeedInterval.minimum || seconds > MentionFeedInterval.maximum {
                errors.append(FieldError(field: "interval", code: "out_of_range", message: "must be from 1m to 7d"))
            } else if interval == nil {
                errors.append(FieldError(field: "interval", code: "invalid", message: "must be a duration with its unit (m, h, d), such as 15m"))
            }
        }
        let outlet = FieldChecks.optional(rawOutlet)
        if let outlet { FieldChecks.checkLength(outlet, "outlet", max: MentionLimits.maxShortFieldCharacters, &errors) }
        guard errors.isEmpty, let url, let source, let interval else { return .failure(ValidationFailure(errors: errors)) }
        return .success(MentionFeed(url: url, source: source, outlet: outlet, interval: interval, createdAt: now, createdBy: by))
    }
}
