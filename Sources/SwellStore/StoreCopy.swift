import Foundation

/// One value of a table row, as both back ends store it (the two schemas use the same tables and columns).
public enum StoreValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}

/// A page of a table's rows, in storage order, for copying a whole store from one back end to another.
public struct TableRows: Sendable {
    public var columns: [String]
    public var rows: [[StoreValue]]
    /// Where the next page starts.
    public var nextKey: Int64?
}

/// The tables of a case store, in an order that copies safely (no foreign keys between them; the log first).
public enum StoreTables {
    public static let all = [
        "event", "complaint", "access_token", "follower_checkpoint", "cluster", "warning", "cluster_separation",
        "incident", "incident_item", "notification_channel", "delivery", "complaint_case", "mention", "mention_feed",
        "playbook_version",
    ]
}

/// What `swell migrate-store` found after copying.
public struct StoreCopyReport: Sendable {
    public var rowsPerTable: [(table: String, source: Int64, target: Int64)]
    public var chain: ChainVerification
    public var lastHashMatches: Bool

    public init(rowsPerTable: [(table: String, source: Int64, target: Int64)], chain: ChainVerification, lastHashMatches: Bool) {
        self.rowsPerTable = rowsPerTable
        self.chain = chain
        self.lastHashMatches = lastHashMatches
    }

    public var isComplete: Bool {
        chain.isIntact && lastHashMatches && rowsPerTable.allSatisfy { $0.source == $0.target }
    }
}
