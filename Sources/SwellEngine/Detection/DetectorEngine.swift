import Foundation
import Logging
import SwellCore
import SwellDetection
import SwellStore

/// Owns the one in-memory detector and keeps it in step with the case store: places each new complaint
/// (following the event log from its checkpoint), applies people's corrections, and writes every outcome
/// with its events and the checkpoint in one transaction. After a restart it rebuilds its index from the
/// stored placements in the window, so no complaint is placed twice or skipped.
public actor DetectorEngine {
    public static let followerName = "detector"

    let store: any CaseStore
    let configuration: DetectorConfiguration
    let logger: Logger
    var detector: Detector
    /// Public mentions: their stories and what each cluster's coverage is made of.
    var mentions: MentionTracker
    private var checkpoint: Int64 = 0
    private var gate = SerialGate()
    /// True while this instance runs the detector (after a rebuild, until it stands down).
    public private(set) var isActive = false
    private let pageSize: Int

    public init(store: any CaseStore, configuration: DetectorConfiguration, logger: Logger, pageSize: Int = 1_000) {
        self.store = store
        self.configuration = configuration
        self.logger = logger
        self.pageSize = pageSize
        detector = Detector(configuration: configuration)
        mentions = MentionTracker(window: configuration.window)
    }

    /// Rebuilds the index from the store: the placed complaints of the window, warning levels, separations.
    public func rebuild() async throws {
        let started = Date()
        let firstId = (try await store.lastClusterId()?.rawValue ?? 0) + 1
        var rebuilt = Detector(configuration: configuration, firstClusterId: firstId)
        var restored = 0
        if let latest = try await store.latestPlacedReceivedAt() {
            var after = ComplaintID(0)
            while true {
                let page = try await store.placedComplaints(
                    receivedFrom: latest.addingTimeInterval(-configuration.window), afterId: after, limit: 5_000)
                guard let last = page.last else { break }
                for complaint in page {
                    guard let cluster = complaint.clusterId else { continue }
                    rebuilt.restore(DetectionMapping.input(complaint), cluster: cluster.rawValue)
                }
                restored += page.count
                after = last.id
            }
            for id in rebuilt.clusterIds {
                if let level = try await store.cluster(ClusterID(id))?.level {
                    rebuilt.restoreWarningLevel(cluster: id, level: level)
                }
            }
            for (a, b) in try await store.clusterSeparations() { rebuilt.restoreSeparation(a.rawValue, b.rawValue) }
        }
        var tracker = MentionTracker(window: configuration.window)
        var restoredMentions = 0
        if let newest = try await store.mentions(MentionQuery(limit: 1)).items.first?.content.publishedAt {
            var after = MentionID(0)
            while true {
                let page = try await store.mentions(
                    publishedFrom: newest.addingTimeInterval(-configuration.window), afterId: after, limit: 5_000)
                guard let last = page.last else { break }
                for mention in page {
                    guard let story = mention.storyId else { continue }  // not read yet: the log brings it
                    tracker.stories.restore(id: mention.id.rawValue, story: story.rawValue, text: mention.content.fullText, at: mention.content.publishedAt)
                    _ = tracker.record(mention)
                }
                restoredMentions += page.count
                after = last.id
            }
            for cluster in tracker.clusters { rebuilt.restoreCoverage(tracker.coverage(of: cluster), of: cluster.rawValue) }
            // A surge under way was reported before the restart: mark it, without a second event.
            if let rule = configuration.rules.mentionSpike { tracker.markSurgesReported(rule: rule) }
        }
        detector = rebuilt
        mentions = tracker
        checkpoint = try await store.checkpoint(of: Self.followerName)
        isActive = true
        logger.info(
            "Detector rebuilt",
            metadata: ["detector.restored": "\(restored)", "detector.clusters": "\(rebuilt.clusterCount)",
                       "detector.mentions": "\(restoredMentions)",
                       "detector.checkpoint": "\(checkpoint)", "detector.seconds": "\(Date().timeIntervalSince(started))"])
    }

    /// Stops answering corrections: another instance may now hold the detector.
    public func standDown() {
        isActive = false
    }

    /// Handles one page of events after the checkpoint; false when there was nothing to do. One page at a time:
    /// the actor is re-entrant at every `await`, and a correction's `drain` must not read the page the follower is
    /// reading.
    public func catchUp() async throws -> Bool {
        if !gate.tryEnter() {
            await withCheckedContinuation { gate.enqueue($0) }
        }
        defer { gate.leave() }
        return try await catchUpPage()
    }

    private func catchUpPage() async throws -> Bool {
        let events = try await store.events(after: checkpoint, limit: pageSize)
        guard let lastSeq = events.last?.seq else { return false }
        let ids = events.filter { $0.type == .complaintReceived }.compactMap(\.draft.complaintId)
        let complaints = Dictionary(uniqueKeysWithValues: try await store.complaints(ids: ids).map { ($0.id, $0) })

        var changes: [StoreChange] = []
        var touched = Set<Int64>()
        var newlyWarned = Set<Int64>()
        var latestTime: Date?
        for id in ids {
            guard let complaint = complaints[id] else { continue }
            guard complaint.clusterId == nil else { continue }  // placed before (idempotent)
            let placement = detector.place(DetectionMapping.input(complaint))
            let at = complaint.content.receivedAt
            latestTime = at
            changes += placementChanges(placement, at: at)
            touched.insert(placement.clusterId)
            placement.merges.forEach { touched.insert($0.absorbed) }
            for merge in placement.merges {
                changes += recountCoverage(after: merge, at: at)
            }
            newlyWarned.formUnion(placement.warnings.filter { $0.kind == .raised }.map(\.clusterId))
        }
        changes += try await rematchUnlinked(for: newlyWarned, at: latestTime ?? Date(timeIntervalSince1970: 0))
        let (mentionChanges, mentionTouched, mentionTime) = try await readMentions(events)
        changes += mentionChanges
        touched.formUnion(mentionTouched)
        if let mentionTime { latestTime = max(latestTime ?? mentionTime, mentionTime) }
        changes += snapshotChanges(for: touched, at: latestTime ?? Date(timeIntervalSince1970: 0))
        _ = try await store.apply(changes, checkpoint: FollowerCheckpoint(follower: Self.followerName, seq: lastSeq, from: checkpoint))
        checkpoint = lastSeq
        return true
    }

    /// Catches up until the log is exhausted.
    public func drain() async throws {
        while try await catchUp() {}
    }

    private func placementChanges(_ placement: Placement, at: Date) -> [StoreChange] {
        var changes: [StoreChange] = []
        for merge in placement.merges {
            changes.append(.reassignCluster(from: ClusterID(merge.absorbed), to: ClusterID(merge.surviving)))
            changes.append(.appendEvent(EventDraft(
                type: .clusterMerged, at: at, clusterId: ClusterID(merge.surviving),
                payload: EventDraft.payload(MergePayload(absorbed: merge.absorbed, surviving: merge.surviving, by: nil)))))
        }
        let complaint = ComplaintID(placement.complaintId)
        let cluster = ClusterID(placement.clusterId)
        changes.append(.assignCluster(complaint, cluster))
        let counts = detector.counts(of: placement.clusterId)
        changes.append(.appendEvent(EventDraft(
            type: placement.createdCluster ? .clusterCreated : .clusterUpdated, at: at, complaintId: complaint,
            clusterId: cluster,
            payload: EventDraft.payload(PlacementPayload(
                complaintId: placement.complaintId, similarity: (placement.similarity * 1000).rounded() / 1000,
                memberCount: counts?.members ?? 1, distinctComplainants: counts?.complainants ?? 1)))))
        changes += placement.warnings.map { .raiseWarning(DetectionMapping.warning($0), at: at) }
        return changes
    }

    /// Runs a correction on the detector, mapping its typed error.
    func corrected<T>(_ body: (inout Detector) throws(DetectionError) -> T) throws(CorrectionError) -> T {
        do {
            return try body(&detector)
        } catch {
            throw .detection(error)
        }
    }

    func placedCluster(of complaint: ComplaintID) -> Int64? {
        detector.clusterId(ofComplaint: complaint.rawValue)
    }

    /// Current snapshots of live clusters among `ids`.
    func snapshots(_ ids: [Int64], at: Date) -> [StoreChange] {
        snapshotChanges(for: Set(ids), at: at)
    }

    /// Current snapshots of the clusters a batch touched (an absorbed one is marked by the merge itself).
    private func snapshotChanges(for ids: Set<Int64>, at: Date) -> [StoreChange] {
        ids.sorted().compactMap { id in
            if let summary = detector.cluster(id) { return .saveCluster(DetectionMapping.snapshot(summary, updatedAt: at)) }
            return nil
        }
    }
}
