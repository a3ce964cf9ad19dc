import SwellCore
import SwellPlaybook

/// Why the incident engine refused a request. Mapped to problem documents in one place
/// (`IncidentProblems`).
public enum IncidentError: Error, Sendable, Equatable {
    case incidentNotFound(IncidentID)
    case warningNotFound(WarningID)
    case clusterNotFound(ClusterID)
    /// The cluster already has an incident that is not closed.
    case alreadyOpen(IncidentID)
    case transition(IncidentTransitionError)
    /// A closed incident takes no more changes.
    case closed(IncidentID)
    case taskNotFound(Int64)
    /// The caller's role neither runs incidents nor owns the task.
    case notTaskOwner(ownerRole: Role)
    case complaintNotFound(ComplaintID)
    case complaintNotInIncident(ComplaintID)
    case offerNotFound(Int64)
    /// Responses go to the current version of an offer only.
    case offerSuperseded(offerId: Int64, currentId: Int64)
    case alreadyResponded(ComplaintID, offerId: Int64)
    case incentive(IncentiveError)
    case compensation(CompensationError)
    case noPlan
    /// Closing needs a review with at least one root cause (or a false alarm's reason).
    case reviewMissing(IncidentID)
    case reportNotFound(String)
    /// A value the engine cannot use, with the field it came from.
    case invalid(field: String, message: String)
}
