import Foundation
import Hummingbird
import SwellCore
import SwellEngine

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
        query.clusterId = try QueryValues.integer(parameters, "clusterId").map { ClusterID($0) }
        query.receivedFrom = try QueryValues.instant(parameters, "receivedFrom")
        query.receivedBefore = try QueryValues.instant(parameters, "receivedBefore")
        query.search = try search(parameters)
        if let raw = parameters["cursor"] {
            guard let cursor = ComplaintCursor(token: String(raw)),
                  (cursor.score != nil) == (query.search?.order == .relevance)
            else {
                throw Problem.badParameter("cursor", "cursor is not one this server gave out for this search and order.")
            }
            query.after = cursor
        }
        query.limit = try QueryValues.limit(parameters, default: query.limit, max: ComplaintQuery.maxLimit)
        return query
    }

    /// `q` (full-text search, 1 to 200 characters with a letter or digit) and `sort` (`newest`, the default,
    /// or `relevance`, which needs `q`).
    private static func search(_ parameters: Parameters) throws -> ComplaintSearch? {
        var order = ComplaintSearch.Order.newest
        if let raw = parameters["sort"] {
            guard let chosen = ComplaintSearch.Order(rawValue: String(raw)) else {
                throw Problem.badParameter(
                    "sort", "sort must be one of: \(ComplaintSearch.Order.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            order = chosen
        }
        guard let raw = parameters["q"] else {
            if order == .relevance { throw Problem.badParameter("sort", "sort=relevance needs a search text in q.") }
            return nil
        }
        let text = String(raw).trimmingWhiteSpace()
        guard !text.isEmpty else { throw Problem.badParameter("q", "q must not be empty.") }
        guard text.count <= ComplaintSearch.maxLength else {
            throw Problem.badParameter("q", "q must be at most \(ComplaintSearch.maxLength) characters (it has \(text.count)).")
        }
        guard let search = ComplaintSearch(text, order: order) else {
            throw Problem.badParameter("q", "q must contain at least one letter or digit.")
        }
        return search
    }

}
