import Foundation
import Hummingbird
import SwellCore
import SwellEngine

/// Typed path parameters: an id that is not an integer is simply not found.
enum PathValues {
    static func id<Tag>(_ context: SwellRequestContext, _ type: Identifier<Tag>.Type, _ noun: String) throws -> Identifier<Tag> {
        guard let raw = context.parameters.get("id"), let value = Int64(raw) else {
            throw Problem.notFound("There is no \(noun) with that id.")
        }
        return Identifier(value)
    }
}

/// Typed query parameters; a bad value is a 400 naming the parameter.
enum QueryValues {
    static func limit(_ request: Request, default value: Int, max: Int) throws -> Int {
        try limit(request.uri.queryParameters, default: value, max: max)
    }

    static func limit(_ parameters: Parameters, default value: Int, max: Int) throws -> Int {
        guard let raw = parameters["limit"] else { return value }
        guard let limit = Int(String(raw)), (1...max).contains(limit) else {
            throw Problem.badParameter("limit", "limit must be an integer from 1 to \(max).")
        }
        return limit
    }

    static func integer(_ request: Request, _ name: String) throws -> Int64? {
        try integer(request.uri.queryParameters, name)
    }

    static func integer(_ parameters: Parameters, _ name: String) throws -> Int64? {
        guard let raw = parameters[Substring(name)] else { return nil }
        guard let value = Int64(String(raw)) else { throw Problem.badParameter(name, "\(name) must be an integer.") }
        return value
    }

    static func flag(_ request: Request, _ name: String) throws -> Bool {
        guard let raw = request.uri.queryParameters[Substring(name)] else { return false }
        switch raw.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: throw Problem.badParameter(name, "\(name) must be true or false.")
        }
    }

    /// An optional RFC 3339 query parameter; a bad value is a 400 naming it.
    static func instant(_ parameters: Parameters, _ name: String) throws -> Date? {
        guard let raw = parameters[Substring(name)] else { return nil }
        guard let date = RFC3339.parse(String(raw)) else {
            throw Problem.badParameter(name, "\(name) must be an RFC 3339 timestamp such as 2026-07-01T00:00:00Z.")
        }
        return date
    }

    /// An optional query parameter naming one value of an enumeration; anything else is a 400 listing the values.
    static func choice<T: RawRepresentable & CaseIterable>(_ parameters: Parameters, _ name: String, _ type: T.Type) throws -> T?
    where T.RawValue == String {
        guard let raw = parameters[Substring(name)] else { return nil }
        guard let value = T(rawValue: String(raw)) else {
            throw Problem.badParameter(name, "\(name) must be one of: \(T.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return value
    }
}
