import Foundation
import SwellCore
import SwellStore

extension IncidentEngine {
    /// How many complainants may speak for the group of a joint complaint (旅游投诉处理办法: four or more
    /// complainants with the same cause may name one to three representatives).
    public static let representativeRange = 1...3

    /// Every complaint of an incident, oldest first. Holds personal data: for views, never for events.
    public func members(of id: IncidentID) async throws -> [Complaint] {
        try await complaints(of: try existing(id))
    }

    /// Names the representatives of the incident's group (one to three of its complaints), replacing any
    /// named before; an empty list names none. Representatives speak for the group, but a settlement is
    /// still each member's own answer to the offer.
    public func setRepresentatives(incident id: IncidentID, _ complaints: [ComplaintID], at: Date, by: String) async throws -> IncidentRecord {
        try await serialized {
            var record = try await active(id, changedAt: at)
            let chosen = Array(Set(complaints)).sorted()
            guard chosen.isEmpty || Self.representativeRange.contains(chosen.count) else {
                throw IncidentError.invalid(field: "complaintIds", message: "name one to three representatives (or none)")
            }
            for complaint in chosen where try await !belongs(complaint, to: record) {
                throw IncidentError.complaintNotInIncident(complaint)
            }
            record.representatives = chosen
            let event = EventDraft(
                type: .incidentRepresentativesSet, at: at, clusterId: record.clusterId, incidentId: id,
                payload: EventDraft.payload(RepresentativesPayload(complaintIds: chosen, by: by)))
            _ = try await store.apply([.saveIncident(record), .appendEvent(event)], checkpoint: nil)
            return record
        }
    }
}

/// Payload of `incident.representatives_set`: complaint ids, never who the people are.
struct RepresentativesPayload: Encodable {
    var complaintIds: [ComplaintID]
    var by: String
}

extension IncidentEngine {
    /// The suppliers the incident's complaints name (not personal data).
    public func suppliers(of id: IncidentID) async throws -> Set<String> {
        Set(try await members(of: id).compactMap(\.content.supplier))
    }
}
