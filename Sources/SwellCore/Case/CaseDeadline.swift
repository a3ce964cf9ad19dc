public import Foundation

/// One deadline of a complaint's case, from the playbook's `cases` section.
public struct CaseDeadline: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// The complainant hears that the complaint was received.
        case acknowledge
        /// The company's answer.
        case answer
        /// The answer an authority's referral asks for, within the authority's period.
        case authorityAnswer = "authority_answer"
        case close
        /// The visit after closing (回访).
        case followUpVisit = "follow_up_visit"
    }

    public var kind: Kind
    public var dueAt: Date
    /// When it was met; nil while it is still owed.
    public var metAt: Date?
    /// For an authority's deadline: the authority (`12315`), so a reader sees whose period it is.
    public var authority: String?

    public init(kind: Kind, dueAt: Date, metAt: Date?, authority: String? = nil) {
        self.kind = kind
        self.dueAt = dueAt
        self.metAt = metAt
        self.authority = authority
    }

    /// Still owed and past due at `now`.
    public func isOverdue(at now: Date) -> Bool { metAt == nil && now > dueAt }

    /// Met, but after it was due.
    public var wasMetLate: Bool { metAt.map { $0 > dueAt } ?? false }
}
