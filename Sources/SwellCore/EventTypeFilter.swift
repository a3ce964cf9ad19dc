import Foundation

/// A subscriber's choice of event types, as a comma-separated list of patterns: an exact type
/// (`incident.opened`), a glob where `*` stands for any run of characters (`warning.*`, `mention*`), or `*` for
/// everything. Every pattern must match at least one type in `EventType.catalog`, so a typo (`warnings.*`) is an
/// error instead of a feed that stays silent.
public struct EventTypeFilter: Sendable, Equatable, CustomStringConvertible {
    public let patterns: [String]

    public static let everything = EventTypeFilter(checked: ["*"])
    public static let maximumPatterns = 64

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case empty
        case tooMany(Int)
        case malformed(String)
        case matchesNothing(String)

        public var description: String {
            switch self {
            case .empty:
                "types lists no pattern"
            case .tooMany(let count):
                "types lists \(count) patterns; at most \(EventTypeFilter.maximumPatterns)"
            case .malformed(let pattern):
                "'\(pattern)' is not an event type pattern: use lower-case letters, digits, '_', '.' and '*' (warning.*, incident.opened)"
            case .matchesNothing(let pattern):
                "'\(pattern)' matches no event type"
            }
        }
    }

    private init(checked patterns: [String]) {
        self.patterns = patterns
    }

    /// Parses `warning.*,incident.*,task.created`; blanks around commas are ignored.
    public init(parsing text: String) throws(ParseError) {
        let patterns = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !patterns.isEmpty else { throw .empty }
        guard patterns.count <= Self.maximumPatterns else { throw .tooMany(patterns.count) }
        for pattern in patterns {
            guard pattern.count <= 64, pattern.unicodeScalars.allSatisfy(Self.allowed.contains) else { throw .malformed(pattern) }
            guard EventType.catalog.contains(where: { Self.glob(pattern, matches: $0.rawValue) }) else {
                throw .matchesNothing(pattern)
            }
        }
        self.patterns = patterns
    }

    public func matches(_ type: EventType) -> Bool {
        patterns.contains { Self.glob($0, matches: type.rawValue) }
    }

    public var description: String { patterns.joined(separator: ",") }

    private static let allowed: Set<Unicode.Scalar> = Set("abcdefghijklmnopqrstuvwxyz0123456789_.*".unicodeScalars)

    /// `*` matches any run of characters, every other character itself (greedy with one backtrack point, linear
    /// for these short ASCII patterns).
    static func glob(_ pattern: String, matches text: String) -> Bool {
        let p = Array(pattern.utf8)
        let t = Array(text.utf8)
        var pi = 0
        var ti = 0
        var star: Int?
        var resume = 0
        while ti < t.count {
            if pi < p.count, p[pi] == UInt8(ascii: "*") {
                star = pi
                pi += 1
                resume = ti
            } else if pi < p.count, p[pi] == t[ti] {
                pi += 1
                ti += 1
            } else if let star {
                pi = star + 1
                resume += 1
                ti = resume
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
    }
}
