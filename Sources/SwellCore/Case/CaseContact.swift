public import Foundation

/// One contact with the complainant about their case: a call back, a message, the answer, a follow-up
/// visit (回访). Its summary may hold personal data; events about it never do.
public struct CaseContact: Sendable, Codable, Equatable {
    public enum Direction: String, Sendable, Codable, CaseIterable {
        case inbound, outbound
    }

    public enum Purpose: String, Sendable, Codable, CaseIterable {
        case acknowledgement, update, answer, other
        /// The visit after closing that asks whether the complainant is satisfied (回访).
        case followUpVisit = "follow_up_visit"
    }

    /// How the contact happened.
    public enum Medium: String, Sendable, Codable, CaseIterable {
        case phone, sms, email, wechat, letter, visit, other
    }

    /// Position in the case's contact list, from 1.
    public var number: Int
    public var at: Date
    public var channel: Medium
    public var direction: Direction
    public var purpose: Purpose
    public var summary: String
    public var outcome: String?
    /// For a follow-up visit: how satisfied the complainant said they are, 1 (not at all) to 5 (fully).
    public var satisfaction: Int?
    public var recordedBy: String

    public init(
        number: Int, at: Date, channel: Medium, direction: Direction, purpose: Purpose, summary: String, outcome: String?,
        satisfaction: Int?, recordedBy: String
    ) {
        self.number = number
        self.at = at
        self.channel = channel
        self.direction = direction
        self.purpose = purpose
        self.summary = summary
        self.outcome = outcome
        self.satisfaction = satisfaction
        self.recordedBy = recordedBy
    }

    /// The range a satisfaction score must lie in.
    public static let satisfactionRange = 1...5
}
