import Hummingbird
import SwellCore
import SwellPlaybook
import SwellEngine

/// The one place incident errors become problem documents.
enum IncidentProblems {
    static let off = Problem(
        .serviceUnavailable, "incidents-off", title: "Incidents are off",
        detail: "This server runs without a playbook, so it cannot open or run incidents.")

    static func problem(_ error: IncidentError) -> Problem {
        switch error {
        case .incidentNotFound(let id): .notFound("There is no incident \(id).")
        case .warningNotFound(let id): Problem(.unprocessableContent, "unknown-warning", title: "Unknown warning", detail: "There is no warning \(id).", field: "warningId")
        case .clusterNotFound(let id): Problem(.unprocessableContent, "unknown-cluster", title: "Unknown cluster", detail: "There is no cluster \(id).", field: "clusterId")
        case .alreadyOpen(let id):
            Problem(.conflict, "incident-already-open", title: "An incident is already open", detail: "Incident \(id) is already open for this cluster.")
        case .transition(let error):
            Problem(.conflict, "transition-forbidden", title: "This state change is not allowed", detail: error.description, field: "to")
        case .closed(let id):
            Problem(.conflict, "incident-closed", title: "The incident is closed", detail: "Incident \(id) is closed; a closed incident takes no more changes.")
        case .taskNotFound(let id): .notFound("There is no task \(id) in this incident.")
        case .notTaskOwner(let owner):
            Problem(.forbidden, "forbidden", title: "Not allowed for this role",
                    detail: "Only roles that run incidents may change this task; the owner role (\(owner.rawValue)) may only complete it.")
        case .complaintNotFound(let id):
            Problem(.unprocessableContent, "unknown-complaint", title: "Unknown complaint", detail: "There is no complaint \(id).", field: "complaintId")
        case .complaintNotInIncident(let id):
            Problem(.unprocessableContent, "not-in-incident", title: "Not part of the incident", detail: "Complaint \(id) is not part of this incident.", field: "complaintId")
        case .offerNotFound(let id): .notFound("There is no offer \(id) in this incident.")
        case .offerSuperseded(let id, let current):
            Problem(.conflict, "offer-superseded", title: "The offer was superseded",
                    detail: "Offer \(id) was replaced by offer \(current); record responses against the current version.")
        case .alreadyResponded(let complaint, let offer):
            Problem(.conflict, "already-responded", title: "Already answered", detail: "Complaint \(complaint) already answered offer \(offer).")
        case .incentive(let error):
            Problem(.unprocessableContent, "invalid-response", title: "The response does not fit the offer", detail: error.description, field: "at")
        case .compensation(let error):
            Problem(.unprocessableContent, "compensation", title: "The compensation cannot be computed", detail: error.description, field: "category")
        case .noPlan:
            Problem(.conflict, "no-plan", title: "No plan yet", detail: "Write the response plan (PUT …/plan) before approving it.")
        case .reviewMissing(let id):
            Problem(.conflict, "review-missing", title: "A review is missing",
                    detail: "Incident \(id) closes only with a review naming at least one root cause (PUT …/review), or as a false alarm with a reason (\"falseAlarm\": true, \"reason\": …).",
                    field: "to")
        case .reportNotFound(let day): .notFound("There is no daily report for \(day).")
        case .invalid(let field, let message): .validation([FieldError(field: field, code: "invalid", message: message)])
        }
    }

    /// Runs an engine call, turning its typed errors into problems.
    static func run<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as IncidentError {
            throw problem(error)
        }
    }
}
