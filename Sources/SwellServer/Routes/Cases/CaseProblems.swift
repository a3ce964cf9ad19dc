import Hummingbird
import SwellCore
import SwellEngine

/// The one place case errors become problem documents.
enum CaseProblems {
    static let off = Problem(
        .serviceUnavailable, "cases-off", title: "Cases are off",
        detail: "This server runs without a playbook, so it has no case deadlines and keeps no cases.")

    static func problem(_ error: CaseError) -> Problem {
        switch error {
        case .complaintNotFound(let id): .notFound("There is no complaint \(id).")
        case .transition(let id, let error):
            Problem(.conflict, "case-transition-forbidden", title: "This case change is not allowed",
                    detail: "Complaint \(id): \(error.description).", field: "state")
        case .visitBeforeClosing(let id, let state):
            Problem(.conflict, "case-not-closed", title: "The case is not closed",
                    detail: "A follow-up visit comes after closing; the case of complaint \(id) is \(state.rawValue).", field: "purpose")
        case .busy(let id):
            Problem(.conflict, "case-busy", title: "The case kept changing",
                    detail: "The case of complaint \(id) was changed by others while this request ran; read it again and retry.")
        case .invalid(let field, let message): .validation([FieldError(field: field, code: "invalid", message: message)])
        }
    }

    /// Runs a case desk call, turning its typed errors into problems.
    static func run<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as CaseError {
            throw problem(error)
        }
    }
}
