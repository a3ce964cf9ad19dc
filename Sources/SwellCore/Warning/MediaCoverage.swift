/// Negative public coverage matched to a cluster of complaints: how many distinct stories, and their reach.
public struct MediaCoverage: Sendable, Hashable, Codable {
    /// Distinct negative stories (reposts and copies of one piece count once).
    public var negativeStories: Int
    /// Followers, readers or views of the negative mentions, summed (unknown reach counts 0).
    public var negativeReach: Int64

    public init(negativeStories: Int = 0, negativeReach: Int64 = 0) {
        self.negativeStories = negativeStories
        self.negativeReach = negativeReach
    }

    public static let none = MediaCoverage()

    /// A lower bound for two clusters' coverage together (a merge), until their stories are recounted: each
    /// figure the larger of the two, since a story linked to both must count once.
    public func merged(with other: MediaCoverage) -> MediaCoverage {
        MediaCoverage(negativeStories: max(negativeStories, other.negativeStories), negativeReach: max(negativeReach, other.negativeReach))
    }
}

extension WarningRules {
    /// When matched coverage makes `media_attention` count for a cluster, beside complainants who mention the
    /// media: at least `stories` distinct negative stories, or a negative reach of at least `reach`.
    public struct MediaCoverageRule: Sendable, Hashable {
        public var stories: Int?
        public var reach: Int64?

        public init(stories: Int? = nil, reach: Int64? = nil) {
            self.stories = stories
            self.reach = reach
        }

        public func isMet(by coverage: MediaCoverage) -> Bool {
            (stories.map { coverage.negativeStories >= $0 } ?? false) || (reach.map { coverage.negativeReach >= $0 } ?? false)
        }

        /// The default playbook's rule: two negative stories, or 100,000 people reached.
        public static let standard = MediaCoverageRule(stories: 2, reach: 100_000)
    }
}
