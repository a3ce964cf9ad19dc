public import Foundation

extension EventType {
    /// Mentions surged against their own baseline, overall (no cluster) or about one cluster of complaints.
    public static let mentionsSpike = EventType("mentions.spike")
}

extension WarningRules {
    /// When public mentions spike (舆情激增): at least `minMentions` published within the last `window`, and at
    /// least `factor` times the average per window over the `baseline` before it (with nothing in the baseline,
    /// `minMentions` alone is a spike). Judged overall and per cluster of complaints, in event time.
    public struct MentionSpikeRule: Sendable, Hashable {
        public var window: TimeInterval
        public var baseline: TimeInterval
        public var factor: Double
        public var minMentions: Int

        public init(window: TimeInterval, baseline: TimeInterval, factor: Double, minMentions: Int) {
            self.window = window
            self.baseline = baseline
            self.factor = factor
            self.minMentions = minMentions
        }

        /// The default playbook's rule: ten mentions within an hour, three times the hourly average of the day before.
        public static let standard = MentionSpikeRule(window: 3600, baseline: 86_400, factor: 3, minMentions: 10)

        /// The verdict for mentions published at `times` (any order), judged at `now`.
        public func judge(_ times: [Date], at now: Date) -> MentionSpikeReading {
            let recentStart = now.addingTimeInterval(-window)
            let baselineStart = recentStart.addingTimeInterval(-baseline)
            var recent = 0
            var before = 0
            for time in times where time <= now {
                if time > recentStart { recent += 1 } else if time > baselineStart { before += 1 }
            }
            let perWindow = Double(before) / (baseline / window)
            let spiking = recent >= minMentions && (before == 0 || Double(recent) >= factor * perWindow)
            return MentionSpikeReading(recent: recent, baselinePerWindow: (perWindow * 100).rounded() / 100, spiking: spiking)
        }
    }
}

/// What the spike rule found at one instant.
public struct MentionSpikeReading: Sendable, Equatable {
    /// Mentions within the window ending now.
    public var recent: Int
    /// Average mentions per window over the baseline.
    public var baselinePerWindow: Double
    public var spiking: Bool
}

/// Payload of `mentions.spike`.
public struct MentionsSpiked: Sendable, Codable, Equatable {
    /// The cluster the mentions are about; nil for all mentions together.
    public var clusterId: ClusterID?
    public var mentions: Int
    public var baselinePerWindow: Double
    public var windowSeconds: Int
    public var negativeShare: Double
    public var stories: Int

    public init(clusterId: ClusterID?, mentions: Int, baselinePerWindow: Double, windowSeconds: Int, negativeShare: Double, stories: Int) {
        self.clusterId = clusterId
        self.mentions = mentions
        self.baselinePerWindow = baselinePerWindow
        self.windowSeconds = windowSeconds
        self.negativeShare = negativeShare
        self.stories = stories
    }
}
