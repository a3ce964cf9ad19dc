import Foundation
import SwellCore

/// The events the case desk writes. Payloads carry states, staff names, the authority and channel of a
/// contact, never the complainant's personal data nor a contact's summary.
enum CaseEvents {
    struct StateChanged: Encodable {
        var from: CaseState
        var to: CaseState
        var by: String
    }

    struct Assigned: Encodable {
        var assignee: String?
        var by: String
    }

    struct Referred: Encodable {
        var authority: String
        var referenceNo: String?
        var receivedAt: String
        var by: String
    }

    struct ContactLogged: Encodable {
        var number: Int
        var channel: CaseContact.Medium
        var direction: CaseContact.Direction
        var purpose: CaseContact.Purpose
        var satisfaction: Int?
        var by: String
    }

    static func stateChanged(_ id: ComplaintID, from: CaseState, to: CaseState, at: Date, by: String) -> EventDraft {
        EventDraft(type: .caseStateChanged, at: at, complaintId: id, payload: EventDraft.payload(StateChanged(from: from, to: to, by: by)))
    }

    static func assigned(_ id: ComplaintID, to assignee: String?, at: Date, by: String) -> EventDraft {
        EventDraft(type: .caseAssigned, at: at, complaintId: id, payload: EventDraft.payload(Assigned(assignee: assignee, by: by)))
    }

    static func referred(_ id: ComplaintID, _ referral: CaseReferral, at: Date, by: String) -> EventDraft {
        EventDraft(type: .caseReferred, at: at, complaintId: id, payload: EventDraft.payload(Referred(
            authority: referral.authority, referenceNo: referral.referenceNo, receivedAt: RFC3339.format(referral.receivedAt), by: by)))
    }

    static func contactLogged(_ id: ComplaintID, _ contact: CaseContact) -> EventDraft {
        EventDraft(type: .caseContactLogged, at: contact.at, complaintId: id, payload: EventDraft.payload(ContactLogged(
            number: contact.number, channel: contact.channel, direction: contact.direction, purpose: contact.purpose,
            satisfaction: contact.satisfaction, by: contact.recordedBy)))
    }
}
