import Foundation
import SwellCore
import SwellDetection
import SwellStore

/// People's corrections: each changes the detector, then the store (with an audited event), and the detector
/// respects it afterwards (never re-merges what a person split, never pulls back a moved complaint).
extension DetectorEngine {
    /// Typed failures of a correction, reported to the caller as 404/409/422 problems.
    public enum CorrectionError: Error, Equatable {
        case detection(DetectionError)
        /// The cluster or complaint is older than the detector's window; it can no longer be corrected.
        case outsideWindow
        /// This instance does not run the detector (another instance of a shared store does, or it is starting).
        case notActive
    }

    /// Moves a complaint into another cluster. Returns the target's snapshot.
    public func move(complaint: ComplaintID, to target: ClusterID, by caller: String, at now: Date) async throws -> ClusterSnapshot? {
        guard isActive else { throw CorrectionError.notActive }
        try await drain()
        guard let source = placedCluster(of: complaint) else { throw CorrectionError.outsideWindow }
        let warnings = try corrected { (detector: inout Detector) throws(DetectionError) in try detector.move(complaint: complaint.rawValue, to: target.rawValue) }
        var changes: [StoreChange] = [
            .assignCluster(complaint, target),
            .separateClusters(ClusterID(source), target),
            .appendEvent(EventDraft(
                type: .complaintMoved, at: now, complaintId: complaint, clusterId: target,
                payload: EventDraft.payload(CorrectionPayload(from: source, to: target.rawValue, complaintIds: [complaint.rawValue], by: caller)))),
        ]
        changes += warnings.map { .raiseWarning(DetectionMapping.warning($0), at: now) }
        changes += snapshots([source, target.rawValue], at: now)
        _ = try await store.apply(changes, checkpoint: nil)
        return try await store.cluster(target)
    }

    /// Splits complaints out of a cluster into a new one, whose snapshot is returned.
    public func split(cluster: ClusterID, complaints: [ComplaintID], by caller: String, at now: Date) async throws -> ClusterSnapshot? {
        guard isActive else { throw CorrectionError.notActive }
        try await drain()
        let newId = try corrected { (detector: inout Detector) throws(DetectionError) in try detector.split(cluster: cluster.rawValue, complaints: complaints.map(\.rawValue)) }
        var changes: [StoreChange] = complaints.map { .assignCluster($0, ClusterID(newId)) }
        changes.append(.separateClusters(cluster, ClusterID(newId)))
        changes.append(.appendEvent(EventDraft(
            type: .clusterSplit, at: now, clusterId: ClusterID(newId),
            payload: EventDraft.payload(CorrectionPayload(from: cluster.rawValue, to: newId, complaintIds: complaints.map(\.rawValue), by: caller)))))
        changes += snapshots([cluster.rawValue, newId], at: now)
        _ = try await store.apply(changes, checkpoint: nil)
        return try await store.cluster(ClusterID(newId))
    }

    /// Merges one cluster into another. Returns the surviving snapshot.
    public func merge(_ absorbed: ClusterID, into surviving: ClusterID, by caller: String, at now: Date) async throws -> ClusterSnapshot? {
        guard isActive else { throw CorrectionError.notActive }
        try await drain()
        let warnings = try corrected { (detector: inout Detector) throws(DetectionError) in try detector.merge(absorbed.rawValue, into: surviving.rawValue) }
        var changes: [StoreChange] = [
            .reassignCluster(from: absorbed, to: surviving),
            .appendEvent(EventDraft(
                type: .clusterMerged, at: now, clusterId: surviving,
                payload: EventDraft.payload(MergePayload(absorbed: absorbed.rawValue, surviving: surviving.rawValue, by: caller)))),
        ]
        changes += warnings.map { .raiseWarning(DetectionMapping.warning($0), at: now) }
        changes += recountCoverage(after: ClusterMerge(absorbed: absorbed.rawValue, surviving: surviving.rawValue), at: now)
        changes += snapshots([surviving.rawValue], at: now)
        _ = try await store.apply(changes, checkpoint: nil)
        return try await store.cluster(surviving)
    }
}
