import Foundation
import SwellCore

/// Everything that tunes the detector, as one value with defaults.
public struct DetectorConfiguration: Sendable {
    /// How candidate clusters are found for a new complaint.
    public enum CandidateSearch: Sendable, Equatable {
        /// MinHash/LSH buckets plus an inverted index on entities: cost independent of history.
        case index
        /// Every cluster in the window is scored: the exact, slow baseline for evaluation only.
        case exhaustive
    }

    /// Event-time window; complaints older than the newest `receivedAt` seen minus this leave the index.
    public var window: TimeInterval
    /// When a cluster warns and at which level: the playbook's `warning` section.
    public var rules: WarningRules
    /// A complaint joins its best cluster when the combined score reaches this.
    public var joinThreshold: Double
    /// Text similarity a complaint needs with a cluster whatever the entities say.
    public var minimumTextSimilarity: Double
    /// Two clusters both scoring at least this for one complaint are merged by it.
    public var mergeThreshold: Double
    /// A cluster quiet for longer than this starts to lose score for new complaints.
    public var quietPeriod: TimeInterval
    /// Score lost per further day of quiet, up to `maximumQuietPenalty`.
    public var quietPenaltyPerDay: Double
    public var maximumQuietPenalty: Double
    /// A cluster older than this (first complaint to now) starts to lose score, so an old
    /// incident does not swallow the same failure on a later departure.
    public var agePeriod: TimeInterval
    /// Score lost per further day of age, up to `maximumAgePenalty`.
    public var agePenaltyPerDay: Double
    public var maximumAgePenalty: Double
    /// Text features kept per complaint (the rarest, most informative ones).
    public var maximumFeatures: Int
    /// MinHash LSH banding.
    public var lshBands: Int
    public var lshRowsPerBand: Int
    /// How many recent complaints each LSH bucket and clusters each entity posting recall.
    public var bucketDepth: Int
    /// At most this many candidate clusters are scored per complaint.
    public var maximumCandidates: Int
    public var candidateSearch: CandidateSearch
    /// The second stage that joins fragments of one incident (see `Detector+Consolidation`): the centroid
    /// similarity two clusters need when they share a specific entity, and on text alone; clusters further apart
    /// in time than `fragmentGapHours` never join. Off by default: on the generated streams it trades as much
    /// precision as it gains recall (BENCHMARKS.md, "Fragments"); `swell bench detection --fragment-join` measures it.
    public var fragmentJoin: Bool
    public var fragmentTextWithEntity: Double
    public var fragmentTextAlone: Double
    public var fragmentGapHours: Double

    public init(
        window: TimeInterval = 30 * 86_400, rules: WarningRules = .standard, joinThreshold: Double = 0.42,
        minimumTextSimilarity: Double = 0.12, mergeThreshold: Double = 0.55, quietPeriod: TimeInterval = 48 * 3600,
        quietPenaltyPerDay: Double = 0.06, maximumQuietPenalty: Double = 0.3, agePeriod: TimeInterval = 5 * 86_400,
        agePenaltyPerDay: Double = 0.03, maximumAgePenalty: Double = 0.2, maximumFeatures: Int = 48,
        lshBands: Int = 10, lshRowsPerBand: Int = 2, bucketDepth: Int = 4, maximumCandidates: Int = 8,
        candidateSearch: CandidateSearch = .index, fragmentJoin: Bool = false, fragmentTextWithEntity: Double = 0.4,
        fragmentTextAlone: Double = 0.5, fragmentGapHours: Double = 48
    ) {
        self.fragmentJoin = fragmentJoin
        self.fragmentTextWithEntity = fragmentTextWithEntity
        self.fragmentTextAlone = fragmentTextAlone
        self.fragmentGapHours = fragmentGapHours
        self.window = window
        self.rules = rules
        self.joinThreshold = joinThreshold
        self.minimumTextSimilarity = minimumTextSimilarity
        self.mergeThreshold = mergeThreshold
        self.quietPeriod = quietPeriod
        self.quietPenaltyPerDay = quietPenaltyPerDay
        self.maximumQuietPenalty = maximumQuietPenalty
        self.agePeriod = agePeriod
        self.agePenaltyPerDay = agePenaltyPerDay
        self.maximumAgePenalty = maximumAgePenalty
        self.maximumFeatures = maximumFeatures
        self.lshBands = lshBands
        self.lshRowsPerBand = lshRowsPerBand
        self.bucketDepth = bucketDepth
        self.maximumCandidates = maximumCandidates
        self.candidateSearch = candidateSearch
    }

    /// 30-day window, the default playbook's warning rules, thresholds tuned on generated streams.
    public static let standard = DetectorConfiguration()
}
