import SwellCore

/// Why the case desk refused a request. Mapped to problem documents in one place (`CaseProblems`).
public enum CaseError: Error, Sendable, Equatable {
    case complaintNotFound(ComplaintID)
    case transition(ComplaintID, CaseTransitionError)
    /// A follow-up visit is for a closed case.
    case visitBeforeClosing(ComplaintID, state: CaseState)
    /// The case kept changing under this request (other writers): the caller may retry.
    case busy(ComplaintID)
    /// A value the desk cannot use, with the field it came from.
    case invalid(field: String, message: String)
}
