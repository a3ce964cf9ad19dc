import Foundation
import SwellCore
import SwellStore

extension IncidentEngine {
    /// Every complaint of an incident: those of its cluster (following merges) plus the ones linked by
    /// hand, less the ones unlinked by hand. Holds personal data: for counting, never for events.
    /// The public mentions matched to the incident's (live) cluster, oldest first.
    func mentions(of record: IncidentRecord) async throws -> [Mention] {
        let cluster = (try? await liveCluster(record.clusterId))?.id ?? record.clusterId
        var found: [Mention] = []
        var cursor: MentionCursor?
        repeat {
            let page = try await store.mentions(MentionQuery(clusterIds: [cluster], after: cursor, limit: MentionQuery.maxLimit))
            found += page.items
            cursor = page.next
        } while cursor != nil
        return found.reversed()
    }

    func complaints(of record: IncidentRecord) async throws -> [Complaint] {
        let cluster = (try? await liveCluster(record.clusterId))?.id ?? record.clusterId
        var found: [Complaint] = []
        var cursor: ComplaintCursor?
        repeat {
            let page = try await store.complaints(ComplaintQuery(clusterId: cluster, after: cursor, limit: ComplaintQuery.maxLimit))
            found += page.items
            cursor = page.next
        } while cursor != nil
        let known = Set(found.map(\.id))
        found += try await store.complaints(ids: record.linkedComplaints.filter { !known.contains($0) })
        let unlinked = Set(record.unlinkedComplaints)
        return found.filter { !unlinked.contains($0.id) }.sorted { ($0.content.receivedAt, $0.id) < ($1.content.receivedAt, $1.id) }
    }

    /// Distinct people among complaints: one person complaining twice counts once; a complaint without
    /// phone or e-mail counts as its own person.
    static func distinctComplainants(_ complaints: [Complaint]) -> Int {
        var keys = Set<String>()
        var anonymous = 0
        for complaint in complaints {
            if let key = complaint.content.complainant.identityKey { keys.insert(key) } else { anonymous += 1 }
        }
        return keys.count + anonymous
    }

    /// Links a complaint outside the cluster to the incident, or takes a cluster complaint out of it.
    public func setLink(incident id: IncidentID, complaint complaintId: ComplaintID, linked: Bool, at: Date, by: String) async throws -> IncidentRecord {
        try await serialized {
            var record = try await active(id, changedAt: at)
            guard let complaint = try await store.complaint(complaintId) else { throw IncidentError.complaintNotFound(complaintId) }
            let cluster = (try? await liveCluster(record.clusterId))?.id ?? record.clusterId
            if linked {
                record.unlinkedComplaints.removeAll { $0 == complaintId }
                if complaint.clusterId != cluster, !record.linkedComplaints.contains(complaintId) { record.linkedComplaints.append(complaintId) }
            } else {
                guard try await belongs(complaintId, to: record) else { throw IncidentError.complaintNotInIncident(complaintId) }
                record.linkedComplaints.removeAll { $0 == complaintId }
                if complaint.clusterId == cluster { record.unlinkedComplaints.append(complaintId) }
            }
            let type: EventType = linked ? .incidentComplaintLinked : .incidentComplaintUnlinked
            _ = try await store.apply(
                [.saveIncident(record), .appendEvent(IncidentEvents.simple(type, incident: id, at: at, complaint: complaintId, ["by": by]))],
                checkpoint: nil)
            return record
        }
    }

    /// Whether a complaint belongs to the incident now.
    func belongs(_ complaintId: ComplaintID, to record: IncidentRecord) async throws -> Bool {
        guard let complaint = try await store.complaint(complaintId) else { throw IncidentError.complaintNotFound(complaintId) }
        let cluster = (try? await liveCluster(record.clusterId))?.id ?? record.clusterId
        if record.unlinkedComplaints.contains(complaintId) { return false }
        return complaint.clusterId == cluster || record.linkedComplaints.contains(complaintId)
    }
}
