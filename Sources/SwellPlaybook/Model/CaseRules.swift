public import Foundation
public import SwellCore

/// The playbook's `cases` section: how soon each complainant's case is acknowledged, answered, closed
/// and visited, and the periods of the authorities that refer complaints.
public struct CaseRules: Sendable, Equatable {
    /// An authority that refers complaints, with the period it gives the company to answer.
    public struct Referral: Sendable, Equatable {
        /// As written on a referral: `12315`, `12345`, `12301`.
        public var authority: String
        public var answer: PlaybookDuration

        public init(authority: String, answer: PlaybookDuration) {
            self.authority = authority
            self.answer = answer
        }
    }

    /// From receipt. ISO 10002 asks for acknowledgement at once; the loader refuses more than 24 hours.
    public var acknowledge: PlaybookDuration
    /// From receipt (or from reopening): the company's own answer.
    public var answer: PlaybookDuration
    /// From receipt (or from reopening).
    public var close: PlaybookDuration
    /// From closing: the follow-up visit (回访); nil asks for none.
    public var followUpVisit: PlaybookDuration?
    public var referrals: [Referral]
    /// For a referral whose authority is not listed (or a complaint through the regulator channel).
    public var otherReferral: PlaybookDuration
    /// How long complainants' personal data is kept after their case closed (or, for a complaint nobody acted on,
    /// after it was received); then `swell retention run` (daily in the server) erases it. nil keeps it.
    public var retainPersonalData: PlaybookDuration?

    /// The longest acknowledgement period a playbook may set.
    public static let longestAcknowledgement: TimeInterval = 24 * 3600

    public init(
        acknowledge: PlaybookDuration, answer: PlaybookDuration, close: PlaybookDuration, followUpVisit: PlaybookDuration?,
        referrals: [Referral], otherReferral: PlaybookDuration, retainPersonalData: PlaybookDuration? = nil
    ) {
        self.retainPersonalData = retainPersonalData
        self.acknowledge = acknowledge
        self.answer = answer
        self.close = close
        self.followUpVisit = followUpVisit
        self.referrals = referrals
        self.otherReferral = otherReferral
    }

    /// What a playbook without a `cases` section gets: acknowledge within 1 hour, answer within 5 working
    /// days, close within 15, visit within 7 days of closing; a referral within 5 working days; personal data kept
    /// three years (1095 days) after closing.
    public static let standard: CaseRules = {
        do {
            return CaseRules(
                acknowledge: try PlaybookDuration(1, .hours), answer: try PlaybookDuration(5, .workingDays),
                close: try PlaybookDuration(15, .workingDays), followUpVisit: try PlaybookDuration(7, .days),
                referrals: [], otherReferral: try PlaybookDuration(5, .workingDays),
                retainPersonalData: try PlaybookDuration(1095, .days))
        } catch {
            preconditionFailure("the standard case periods are valid durations")
        }
    }()

    /// The period an authority gives.
    public func answerPeriod(of authority: String) -> PlaybookDuration {
        referrals.first { $0.authority == authority }?.answer ?? otherReferral
    }

    /// Every deadline of a case received at `receivedAt`, as the calendar counts them, with the instant each
    /// was met. After a reopening, the answer and close deadlines count again from the reopening.
    public func deadlines(of complaintCase: ComplaintCase, receivedAt: Date, calendar: PlaybookCalendar) -> [CaseDeadline] {
        let restart = complaintCase.reopenedAt ?? receivedAt
        func met(_ instant: Date?, after anchor: Date) -> Date? {
            guard let instant, instant >= anchor else { return nil }
            return instant
        }
        var deadlines = [
            CaseDeadline(kind: .acknowledge, dueAt: calendar.adding(acknowledge, to: receivedAt), metAt: complaintCase.acknowledgedAt),
            CaseDeadline(kind: .answer, dueAt: calendar.adding(answer, to: restart), metAt: met(complaintCase.answeredAt, after: restart)),
        ]
        if let referral = complaintCase.referral {
            let anchor = max(referral.receivedAt, restart)
            deadlines.append(CaseDeadline(
                kind: .authorityAnswer, dueAt: calendar.adding(answerPeriod(of: referral.authority), to: anchor),
                metAt: met(complaintCase.answeredAt, after: anchor), authority: referral.authority))
        }
        deadlines.append(CaseDeadline(kind: .close, dueAt: calendar.adding(close, to: restart), metAt: met(complaintCase.closedAt, after: restart)))
        if let followUpVisit, complaintCase.state == .closed, let closedAt = complaintCase.closedAt {
            deadlines.append(CaseDeadline(
                kind: .followUpVisit, dueAt: calendar.adding(followUpVisit, to: closedAt), metAt: complaintCase.followUpVisit?.at))
        }
        return deadlines
    }
}
