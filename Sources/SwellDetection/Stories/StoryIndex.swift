import Foundation

/// Groups reposts and near-copies of one piece into stories, so a viral repost wave reads as one story growing:
/// a Weibo post forwarded with a comment, a news item syndicated under another header, a video description
/// copied. Pure and driven by event time (`publishedAt`).
///
/// A mention's features are those of the detector (character bigrams, words, numbers). Candidates come from
/// MinHash LSH buckets; a candidate is the same story when the smaller text's features are mostly inside the
/// larger one's (containment at least ``minimumContainment``), so a repost that adds a comment still joins. Very
/// short texts must nearly match (Jaccard at least ``shortTextJaccard``): one line of outrage is no copy of
/// another. A story is named by its first mention's id. Mentions older than the window leave the index.
public struct StoryIndex: Sendable {
    public static let minimumContainment = 0.6
    public static let shortTextJaccard = 0.8
    /// Below this many features a text counts as short.
    public static let shortText = 12

    public let window: TimeInterval
    private let minHasher = MinHasher(bands: 16, rows: 3)
    private var entries: [Int64: Entry] = [:]
    private var buckets: [UInt32: [Int64]] = [:]
    private var arrivals: [Int64] = []
    private var arrivalHead = 0
    private var newest = -Double.infinity

    struct Entry {
        var story: Int64
        var time: Double
        var features: [UInt32]
        var keys: [UInt32]
    }

    public init(window: TimeInterval = 14 * 86_400) {
        self.window = window
    }

    /// Mentions held.
    public var count: Int { entries.count }

    /// Adds a mention and answers the story it belongs to: the story of the closest earlier copy, or its own id.
    /// A mention added before keeps its story.
    public mutating func add(id: Int64, text: String, at time: Date) -> Int64 {
        if let known = entries[id] { return known.story }
        let features = Self.features(text)
        let seconds = time.timeIntervalSinceReferenceDate
        let story = closestCopy(of: features, keys: minHasher.bandKeys(features)).map { entries[$0]!.story } ?? id
        insert(id: id, story: story, features: features, at: seconds)
        return story
    }

    /// Puts back a mention whose story was decided before (a rebuild after restart).
    public mutating func restore(id: Int64, story: Int64, text: String, at time: Date) {
        guard entries[id] == nil else { return }
        insert(id: id, story: story, features: Self.features(text), at: time.timeIntervalSinceReferenceDate)
    }

    static func features(_ text: String) -> [UInt32] {
        FeatureExtractor.features(of: TextNormalizer.normalize(text)).map(\.hash)
    }

    private func closestCopy(of features: [UInt32], keys: [UInt32]) -> Int64? {
        var seen = Set<Int64>()
        var best: (id: Int64, overlap: Double)?
        for key in keys {
            for candidate in buckets[key] ?? [] where seen.insert(candidate).inserted {
                guard let entry = entries[candidate] else { continue }
                let overlap = Self.overlap(features, entry.features)
                if overlap.isCopy, best.map({ overlap.containment > $0.overlap || (overlap.containment == $0.overlap && candidate < $0.id) }) ?? true {
                    best = (candidate, overlap.containment)
                }
            }
        }
        return best?.id
    }

    /// Containment and Jaccard of two sorted feature sets, and whether they make one a copy of the other.
    static func overlap(_ a: [UInt32], _ b: [UInt32]) -> (containment: Double, jaccard: Double, isCopy: Bool) {
        guard !a.isEmpty, !b.isEmpty else { return (0, 0, false) }
        var shared = 0
        var i = 0
        var j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        let containment = Double(shared) / Double(min(a.count, b.count))
        let jaccard = Double(shared) / Double(a.count + b.count - shared)
        let short = min(a.count, b.count) < shortText
        return (containment, jaccard, short ? jaccard >= shortTextJaccard : containment >= minimumContainment)
    }

    private mutating func insert(id: Int64, story: Int64, features: [UInt32], at time: Double) {
        let keys = minHasher.bandKeys(features)
        entries[id] = Entry(story: story, time: time, features: features, keys: keys)
        for key in keys { buckets[key, default: []].append(id) }
        arrivals.append(id)
        newest = max(newest, time)
        evict()
    }

    /// Drops mentions published before the window (they arrive roughly in time order; an old straggler leaves
    /// when it reaches the head).
    private mutating func evict() {
        let horizon = newest - window
        while arrivalHead < arrivals.count, let entry = entries[arrivals[arrivalHead]], entry.time < horizon {
            let id = arrivals[arrivalHead]
            for key in entry.keys {
                buckets[key]?.removeAll { $0 == id }
                if buckets[key]?.isEmpty == true { buckets[key] = nil }
            }
            entries[id] = nil
            arrivalHead += 1
        }
        if arrivalHead > 4_096, arrivalHead * 2 > arrivals.count {
            arrivals.removeFirst(arrivalHead)
            arrivalHead = 0
        }
    }
}
