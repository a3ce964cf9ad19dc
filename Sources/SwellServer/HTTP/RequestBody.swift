import Foundation
import Hummingbird
import SwellCore
import SwellEngine

/// Reads request bodies within a limit and decodes JSON, turning every failure into the right problem.
enum RequestBody {
    /// The whole body as bytes, at most `limit`; 413 beyond that, 400 when it is not UTF-8.
    static func data(of request: Request, limit: Int) async throws -> Data {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw Problem.tooLarge(limit: limit)
        }
        let data = Data(buffer: buffer)
        guard String(validating: data, as: UTF8.self) != nil else { throw Problem.invalidUTF8 }
        return data
    }

    /// Decodes one JSON value, naming the field in any type error.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(Problem) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw problem(for: error)
        } catch {
            throw Problem.malformedJSON("The body could not be read as JSON.")
        }
    }

    static func problem(for error: DecodingError) -> Problem {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return .malformedJSON(jsonDetail(context))
        case .typeMismatch(let expected, let context), .valueNotFound(let expected, let context):
            guard !context.codingPath.isEmpty else {
                return .malformedJSON("The body must be a JSON \(describe(expected)).")
            }
            return .validation([fieldError(context.codingPath, "wrong_type", "must be a \(describe(expected))")])
        case .keyNotFound(let key, let context):
            return .validation([fieldError(context.codingPath + [key], "missing", "is required")])
        case .dataCorrupted(let context):
            return .validation([fieldError(context.codingPath, "invalid", context.debugDescription)])
        @unknown default:
            return .malformedJSON("The body could not be read as JSON.")
        }
    }

    static func fieldError(_ path: [any CodingKey], _ code: String, _ message: String) -> FieldError {
        let field = path.map { key in key.intValue.map { "[\($0)]" } ?? key.stringValue }
            .joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        return FieldError(field: field, code: code, message: message)
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "string"
        case is Int.Type, is Int64.Type, is Double.Type: "number"
        case is Bool.Type: "boolean"
        case is [Any].Type: "array"
        default: "object"
        }
    }

    private static func jsonDetail(_ context: DecodingError.Context) -> String {
        if let underlying = context.underlyingError as? NSError,
            let description = underlying.userInfo[NSDebugDescriptionErrorKey] as? String
        {
            return description
        }
        return context.debugDescription
    }
}
