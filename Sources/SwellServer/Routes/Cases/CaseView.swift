import Foundation
import SwellCore
import SwellEngine

/// A complaint's case as the API returns it: state, assignee, referral, deadlines (each `overdue` on the
/// server's clock), contacts and changes. For roles that may not see personal data, contact summaries and
/// outcomes are masked, as complaint texts are.
struct CaseView: Encodable, Sendable {
    var complaintId: ComplaintID
    var state: CaseState
    var assignee: String?
    var referral: ReferralView?
    var deadlines: [DeadlineView]
    var overdue: Bool
    var acknowledgedAt: String?
    var answeredAt: String?
    var closedAt: String?
    var reopenedAt: String?
    var contacts: [ContactView]
    var history: [ChangeView]
    /// Other complaints of the same person (same phone or e-mail) in the complaint's cluster.
    var sameComplainant: [ComplaintID]
    var version: Int

    struct ReferralView: Encodable, Sendable {
        var authority: String
        var referenceNo: String?
        var receivedAt: String
    }

    struct DeadlineView: Encodable, Sendable {
        var kind: CaseDeadline.Kind
        var dueAt: String
        var metAt: String?
        var overdue: Bool
        var metLate: Bool
        var authority: String?

        init(_ deadline: CaseDeadline, now: Date) {
            kind = deadline.kind
            dueAt = RFC3339.format(deadline.dueAt)
            metAt = deadline.metAt.map(RFC3339.format)
            overdue = deadline.isOverdue(at: now)
            metLate = deadline.wasMetLate
            authority = deadline.authority
        }
    }

    struct ContactView: Encodable, Sendable {
        var number: Int
        var at: String
        var channel: CaseContact.Medium
        var direction: CaseContact.Direction
        var purpose: CaseContact.Purpose
        var summary: String
        var outcome: String?
        var satisfaction: Int?
        var recordedBy: String

        init(_ contact: CaseContact, personal: Bool) {
            number = contact.number
            at = RFC3339.format(contact.at)
            channel = contact.channel
            direction = contact.direction
            purpose = contact.purpose
            summary = personal ? contact.summary : PersonalDataMasking.mask(contact.summary)
            outcome = personal ? contact.outcome : contact.outcome.map(PersonalDataMasking.mask)
            satisfaction = contact.satisfaction
            recordedBy = contact.recordedBy
        }
    }

    struct ChangeView: Encodable, Sendable {
        var at: String
        var by: String
        var from: CaseState
        var to: CaseState
        var assignee: String?
        var note: String?
    }

    init(_ reading: CaseDesk.Reading, now: Date, role: Role, sameComplainant: [ComplaintID] = []) {
        let complaintCase = reading.complaintCase
        let personal = role.seesPersonalData
        complaintId = reading.complaint.id
        state = complaintCase.state
        assignee = complaintCase.assignee
        referral = complaintCase.referral.map {
            ReferralView(authority: $0.authority, referenceNo: $0.referenceNo, receivedAt: RFC3339.format($0.receivedAt))
        }
        deadlines = reading.deadlines.map { DeadlineView($0, now: now) }
        overdue = deadlines.contains(where: \.overdue)
        acknowledgedAt = complaintCase.acknowledgedAt.map(RFC3339.format)
        answeredAt = complaintCase.answeredAt.map(RFC3339.format)
        closedAt = complaintCase.closedAt.map(RFC3339.format)
        reopenedAt = complaintCase.reopenedAt.map(RFC3339.format)
        contacts = complaintCase.contacts.map { ContactView($0, personal: personal) }
        history = complaintCase.history.map {
            ChangeView(at: RFC3339.format($0.at), by: $0.by, from: $0.from, to: $0.to, assignee: $0.assignee,
                       note: $0.note.map { personal ? $0 : PersonalDataMasking.mask($0) })
        }
        self.sameComplainant = sameComplainant
        version = complaintCase.version
    }
}
