import Foundation
import Hummingbird
import SwellCore

/// Reads the list filters from query parameters; a bad value is a 400 naming the parameter.
enum ComplaintQueryParser {
    static func parse(_ parameters: Parameters) throws -> ComplaintQuery {
        var query = ComplaintQuery()
        query.product = parameters["product"].map(String.init)
        query.supplier = parameters["supplier"].map(String.init)
        if let raw = parameters["departure"] {
            guard let date = CalendarDate(String(raw)) else {
                throw Problem.badParameter("departure", "departure must be a date written YYYY-MM-DD.")
            }
            query.departure = date
        }
        if let raw = parameters["channel"] {
            guard let channel = Channel(rawValue: String(raw)) else {
                throw Problem.badParameter(
                    "channel", "channel must be one of: \(Channel.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            query.channel = channel
        }
        if let raw = parameters["clusterId"] {
            guard let id = Int64(String(raw)) else { throw Problem.badParameter("clusterId", "clusterId must be an integer.") }
            query.clusterId = ClusterID(id)
        }
        query.receivedFrom = try instant(parameters, "receivedFrom")
        query.receivedBefore = try instant(parameters, "receivedBefore")
        if let raw = parameters["cursor"] {
            guard let cursor = ComplaintCursor(token: String(raw)) else {
                throw Problem.badParameter("cursor", "cursor is not one this server gave out.")
            }
            query.after = cursor
        }
        if let raw = parameters["limit"] {
            guard let limit = Int(String(raw)), (1...ComplaintQuery.maxLimit).contains(limit) else {
                throw Problem.badParameter("limit", "limit must be an integer from 1 to \(ComplaintQuery.maxLimit).")
            }
            query.limit = limit
        }
        return query
    }

    private static func instant(_ parameters: Parameters, _ name: String) throws -> Date? {
        guard let raw = parameters[Substring(name)] else { return nil }
        guard let date = RFC3339.parse(String(raw)) else {
            throw Problem.badParameter(name, "\(name) must be an RFC 3339 timestamp such as 2026-07-01T00:00:00Z.")
        }
        return date
    }
}
