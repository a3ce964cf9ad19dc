import Foundation
import SwellCore
import SwellEngine

/// One complainant's line in an incident's case list (and its CSV export): the complaint, its case, the
/// answer to the current offer. For roles that may not see personal data, `complainant` is absent.
struct CaseRow: Encodable, Sendable {
    var complaintId: ComplaintID
    var externalId: String
    var receivedAt: String
    var channel: Channel
    var complainant: ComplaintView.ComplainantView?
    var state: CaseState
    var assignee: String?
    var referral: String?
    /// The deadlines still owed, soonest first.
    var nextDeadline: CaseView.DeadlineView?
    var overdue: [CaseDeadline.Kind]
    var lastContactAt: String?
    var lastContactPurpose: CaseContact.Purpose?
    var satisfaction: Int?
    var offerAnswer: OfferAnswer?
    var representative: Bool
    /// Other complaints of the same person (same phone or e-mail) in this incident.
    var sameComplainant: [ComplaintID]

    struct OfferAnswer: Encodable, Sendable {
        var offerId: Int64
        var decision: OfferResponse.Decision
        var at: String
        /// 1 for the first (highest) tier; nil when accepted after every tier, or refused.
        var tier: Int?
    }

    init(
        _ reading: CaseDesk.Reading, now: Date, role: Role, answer: OfferResponse?, representative: Bool, sameComplainant: [ComplaintID]
    ) {
        let content = reading.complaint.content
        let complaintCase = reading.complaintCase
        complaintId = reading.complaint.id
        externalId = content.externalId
        receivedAt = RFC3339.format(content.receivedAt)
        channel = content.channel
        complainant = role.seesPersonalData && !content.complainant.isEmpty
            ? .init(name: content.complainant.name, phone: content.complainant.phone, email: content.complainant.email) : nil
        state = complaintCase.state
        assignee = complaintCase.assignee
        referral = complaintCase.referral?.authority
        nextDeadline = reading.deadlines.filter { $0.metAt == nil }.min { $0.dueAt < $1.dueAt }.map { CaseView.DeadlineView($0, now: now) }
        overdue = reading.overdue(at: now).map(\.kind)
        let last = complaintCase.lastContact
        lastContactAt = last.map { RFC3339.format($0.at) }
        lastContactPurpose = last?.purpose
        satisfaction = complaintCase.followUpVisit?.satisfaction
        offerAnswer = answer.map {
            OfferAnswer(offerId: $0.offerId, decision: $0.decision, at: RFC3339.format($0.at), tier: $0.tierIndex.map { $0 + 1 })
        }
        self.representative = representative
        self.sameComplainant = sameComplainant
    }
}

/// A page of an incident's cases, with counts over all of them (not just the page).
struct IncidentCasePage: Encodable, Sendable {
    var items: [CaseRow]
    /// Cases matching the filters.
    var total: Int
    /// Distinct people among them (one person complaining twice counts once).
    var complainants: Int
    var byState: [String: Int]
    var overdue: Int
    var representatives: [ComplaintID]
    var next: String?
}

/// The CSV export of an incident's cases: UTF-8 with a byte-order mark (so Excel reads Chinese right), one
/// line per complaint. Personal-data columns stay in the header and are empty for roles that may not see it.
enum IncidentCasesCSV {
    static let header = [
        "complaint_id", "external_id", "received_at", "channel", "name", "phone", "email", "state", "assignee", "referral",
        "next_deadline", "next_deadline_due_at", "overdue", "last_contact_at", "satisfaction", "offer_decision", "offer_tier",
        "representative",
    ]

    static func render(_ rows: [CaseRow]) -> String {
        var lines = [header.joined(separator: ",")]
        for row in rows {
            let fields: [String] = [
                "\(row.complaintId)", row.externalId, row.receivedAt, row.channel.rawValue, row.complainant?.name ?? "",
                row.complainant?.phone ?? "", row.complainant?.email ?? "", row.state.rawValue, row.assignee ?? "", row.referral ?? "",
                row.nextDeadline?.kind.rawValue ?? "", row.nextDeadline?.dueAt ?? "", row.overdue.map(\.rawValue).joined(separator: " "),
                row.lastContactAt ?? "", row.satisfaction.map(String.init) ?? "", row.offerAnswer?.decision.rawValue ?? "",
                row.offerAnswer?.tier.map(String.init) ?? "", row.representative ? "yes" : "",
            ]
            lines.append(fields.map(quoted).joined(separator: ","))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 4180 quoting; a field that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with
    /// an apostrophe.
    static func quoted(_ field: String) -> String {
        var value = field
        if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { ",\"\r\n".contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
