import Foundation
import Hummingbird
import SwellCore
import SwellEngine

/// Shared reading of incident requests: the engine, path ids, instants and bodies.
struct IncidentInputs {
    let environment: ServerEnvironment

    /// The incident engine, or 503 when the server runs without a playbook.
    var engine: IncidentEngine {
        get throws {
            guard let engine = environment.incidents else { throw IncidentProblems.off }
            return engine
        }
    }

    func incidentId(_ context: SwellRequestContext) throws -> IncidentID {
        try PathValues.id(context, IncidentID.self, "incident")
    }

    /// A second integer path parameter (`taskId`, `offerId`, `complaintId`).
    func number(_ context: SwellRequestContext, _ name: String, _ noun: String) throws -> Int64 {
        guard let raw = context.parameters.get(name), let value = Int64(raw) else {
            throw Problem.notFound("There is no \(noun) with that id.")
        }
        return value
    }

    /// How far after the server's clock a client's instant may lie (clocks drift): five minutes.
    static let maxFutureSkew: TimeInterval = 300

    /// An optional RFC 3339 instant from a body field; the wall clock at the edge when absent. An instant
    /// after the server's clock (plus ``maxFutureSkew``) is refused: a client's clock must not move the
    /// scheduler's time. The engine also refuses one before the incident (or offer) it belongs to.
    func instant(_ text: String?, field: String = "at") throws -> Date {
        let now = environment.now()
        guard let text else { return now }
        let date = try Self.parse(text, field: field)
        guard date <= now.addingTimeInterval(Self.maxFutureSkew) else {
            throw Problem.validation([FieldError(
                field: field, code: "in_future",
                message: "lies more than 5 minutes after the server's clock (\(RFC3339.format(now)))")])
        }
        return date
    }

    /// An optional RFC 3339 deadline from a body field: it may lie in the future (that is what deadlines do).
    func optionalDeadline(_ text: String?, field: String) throws -> Date? {
        try text.map { try Self.parse($0, field: field) }
    }

    static func parse(_ text: String, field: String) throws -> Date {
        guard let date = RFC3339.parse(text) else {
            throw Problem.validation([FieldError(field: field, code: "invalid", message: "must be an RFC 3339 date-time")])
        }
        return date
    }

    func body<T: Decodable>(_ type: T.Type, _ request: Request, limit: Int = 1 << 20) async throws -> T {
        try RequestBody.decode(type, from: try await RequestBody.data(of: request, limit: limit))
    }

    /// A required, non-empty text field, at most `max` characters.
    func text(_ value: String?, _ field: String, max: Int = 20_000, required: Bool = true) throws -> String? {
        let trimmed = value?.trimmingWhiteSpace()
        guard let trimmed, !trimmed.isEmpty else {
            if required { throw Problem.validation([FieldError(field: field, code: "missing", message: "is required")]) }
            return nil
        }
        guard trimmed.count <= max else {
            throw Problem.validation([FieldError(field: field, code: "too_long", message: "must be at most \(max) characters")])
        }
        return trimmed
    }
}
