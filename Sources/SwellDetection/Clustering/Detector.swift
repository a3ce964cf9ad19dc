import Foundation
import SwellCore

/// The online group-complaint detector: places each complaint into a cluster of similar
/// complaints, merges clusters a complaint bridges, and raises and escalates warnings.
///
/// A value type holding only event-time state; same inputs in the same order give the same
/// outputs in every process. It never reads the wall clock and does no I/O.
public struct Detector: Sendable {
    public let configuration: DetectorConfiguration
    let minHasher: MinHasher

    var complaints: ComplaintStore
    var clusters = ClusterStore()
    /// Complaints in the window holding each feature.
    var documentFrequency = FeatureTable()
    /// LSH: slot of the newest complaint per band key (older ones chain through `BandLink.previous`).
    var bandHeads = FeatureTable()
    /// Arrival counter for `ComplaintRecord.sequence`.
    var arrivalSequence: Int64 = 0
    /// Recent clusters per entity, newest last.
    var entityPostings: [EntityKey: [Int64]] = [:]
    /// The newest complaint in the window of each complainant known by a key (phone, e-mail, name): where that
    /// person's next complaint is looked for first.
    var latestByComplainant: [UInt64: Int64] = [:]
    /// Complaint ids in arrival order, from `arrivalHead` on still in the window.
    var arrivals: [Int64] = []
    var arrivalHead = 0
    var newestTime: Double = -.infinity
    var nextClusterId: Int64
    /// Cluster pairs a person separated (split or move); never merged automatically.
    var separated: Set<ClusterPair> = []
    /// Warning levels restored before their cluster was.
    var pendingLevels: [Int64: WarningLevel] = [:]
    var placementsSinceSweep = 0
    /// Negative public coverage matched to each cluster (clusters without any are absent).
    var coverage: [Int64: MediaCoverage] = [:]

    /// A detector with an empty window whose first new cluster gets `firstClusterId`.
    public init(configuration: DetectorConfiguration = .standard, firstClusterId: Int64 = 1) {
        self.configuration = configuration
        self.minHasher = MinHasher(bands: configuration.lshBands, rows: configuration.lshRowsPerBand)
        self.nextClusterId = firstClusterId
        self.complaints = ComplaintStore(bands: minHasher.bands)
    }

    /// Complaints currently held in the event-time window.
    public var complaintsInWindow: Int { complaints.count }

    /// Clusters currently holding at least one complaint in the window.
    public var clusterCount: Int { clusters.count }

    /// The cluster holding `complaint`, while it is in the window.
    public func clusterId(ofComplaint complaint: Int64) -> Int64? { complaints[complaint]?.clusterId }

    /// Ids of all live clusters, ascending.
    public var clusterIds: [Int64] { clusters.ids.sorted() }
}
