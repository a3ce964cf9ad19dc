import Foundation
import Hummingbird
import SwellCore
import SwellEngine

/// An RFC 9457 problem document (`application/problem+json`): the one shape of every error Swell answers.
public struct Problem: Error, HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    /// A stable identifier of the kind of problem, `urn:swell:problem:<slug>`.
    public var type: String
    public var title: String
    public var detail: String
    /// The offending field (JSON path or query parameter), when there is one.
    public var field: String?
    /// Every field that is wrong, for validation problems.
    public var errors: [FieldError]?
    /// Per-item errors of a batch.
    public var items: [BatchItemProblem]?
    /// The methods the resource supports, sent as `Allow` with a 405.
    public var allow: [HTTPRequest.Method]?

    public init(
        _ status: HTTPResponse.Status, _ slug: String, title: String, detail: String, field: String? = nil,
        errors: [FieldError]? = nil, items: [BatchItemProblem]? = nil
    ) {
        self.status = status
        self.type = "urn:swell:problem:" + slug
        self.title = title
        self.detail = detail
        self.field = field ?? errors?.first?.field
        self.errors = errors
        self.items = items
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = ProblemBody(
            type: type, title: title, status: Int(status.code), detail: detail, field: field,
            instance: request.uri.path, errors: errors, items: items)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        if status == .unauthorized { headers[.wwwAuthenticate] = #"Bearer realm="swell""# }
        if status == .serviceUnavailable { headers[.retryAfter] = "\(Self.retryAfterSeconds)" }
        if let allow { headers[.allow] = allow.map(\.rawValue).joined(separator: ", ") }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(body))))
    }

    private struct ProblemBody: Encodable {
        var type: String
        var title: String
        var status: Int
        var detail: String
        var field: String?
        var instance: String
        var errors: [FieldError]?
        var items: [BatchItemProblem]?
    }
}

/// What is wrong with one item of a batch.
public struct BatchItemProblem: Codable, Sendable, Equatable {
    public var index: Int
    public var line: Int?
    public var errors: [FieldError]
}

extension Problem {
    /// The `Retry-After` every 503 carries.
    static let retryAfterSeconds = 2

    /// The database is down, unreachable or overloaded; nothing in the request is wrong and retrying is safe.
    static let storeUnavailable = Problem(
        .serviceUnavailable, "store-unavailable", title: "The case store is unavailable",
        detail: "The database cannot be reached right now. Nothing is wrong with the request: retry after a moment "
            + "(intake is idempotent by externalId, so re-sending is safe).")

    static func validation(_ errors: [FieldError]) -> Problem {
        let summary = errors.map { "\($0.field) \($0.message)" }.joined(separator: "; ")
        return Problem(.unprocessableContent, "validation-failed", title: "The input is not valid", detail: summary, errors: errors)
    }

    static func malformedJSON(_ detail: String) -> Problem {
        Problem(.badRequest, "malformed-json", title: "The body is not valid JSON", detail: detail)
    }

    static let invalidUTF8 = Problem(
        .badRequest, "invalid-utf8", title: "The body is not valid UTF-8", detail: "Send the body encoded as UTF-8.")

    static func tooLarge(limit: Int) -> Problem {
        Problem(
            .contentTooLarge, "body-too-large", title: "The body is too large",
            detail: "This endpoint accepts at most \(limit) bytes.")
    }

    static func badParameter(_ name: String, _ detail: String) -> Problem {
        Problem(.badRequest, "invalid-parameter", title: "A query parameter is not valid", detail: detail, field: name)
    }

    static func notFound(_ what: String) -> Problem {
        Problem(.notFound, "not-found", title: "Not found", detail: what)
    }

    static let unauthenticated = Problem(
        .unauthorized, "unauthenticated", title: "Authentication required",
        detail: "Send a valid token as `Authorization: Bearer <token>`.")

    static func forbidden(_ role: Role, _ action: Action) -> Problem {
        Problem(
            .forbidden, "forbidden", title: "Not allowed for this role",
            detail: "The role \(role.rawValue) may not \(action.summary).")
    }
}

extension Action {
    var summary: String {
        switch self {
        case .readCases: "read cases"
        case .readFeed: "read the feed"
        case .submitComplaints: "record complaints"
        case .handleCases: "handle complainants' cases"
        case .correctClusters: "correct clusters"
        case .runIncidents: "run incidents"
        case .logContacts: "log liaison and media contacts"
        case .recordMentions: "record public mentions"
        case .administer: "administer Swell"
        }
    }
}
