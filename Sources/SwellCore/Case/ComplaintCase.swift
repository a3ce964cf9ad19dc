public import Foundation

/// One complaint's case: its state, who handles it, a referral, the contacts with the complainant and
/// every change. Stored as one document per complaint once anything happens to it; a complaint without
/// a stored case is `received` (``initial(for:receivedAt:channel:)``).
public struct ComplaintCase: Sendable, Codable, Equatable {
    /// One change of state or assignee, when (event time) and by whom.
    public struct Change: Sendable, Codable, Equatable {
        public var at: Date
        public var by: String
        public var from: CaseState
        public var to: CaseState
        public var assignee: String?
        public var note: String?

        public init(at: Date, by: String, from: CaseState, to: CaseState, assignee: String?, note: String?) {
            self.at = at
            self.by = by
            self.from = from
            self.to = to
            self.assignee = assignee
            self.note = note
        }
    }

    public var complaintId: ComplaintID
    public var state: CaseState
    /// The name of the token (person) handling the case.
    public var assignee: String?
    public var referral: CaseReferral?
    /// The last time the case entered each milestone state (event time).
    public var acknowledgedAt: Date?
    public var answeredAt: Date?
    public var closedAt: Date?
    public var reopenedAt: Date?
    public var contacts: [CaseContact]
    public var history: [Change]
    /// Bumped by every stored change; the store refuses a change made from an older version.
    public var version: Int

    public init(complaintId: ComplaintID, state: CaseState = .received, referral: CaseReferral? = nil) {
        self.complaintId = complaintId
        self.state = state
        self.referral = referral
        self.contacts = []
        self.history = []
        self.version = 0
    }

    /// The case of a complaint nobody has touched yet. A complaint that came in through the regulator channel
    /// is a referral from an unnamed authority, counted from its receipt.
    public static func initial(for complaintId: ComplaintID, receivedAt: Date, channel: Channel) -> ComplaintCase {
        let referral = channel == .regulator
            ? CaseReferral(authority: CaseReferral.unnamedAuthority, referenceNo: nil, receivedAt: receivedAt) : nil
        return ComplaintCase(complaintId: complaintId, referral: referral)
    }

    /// The case moved to `next` at `at`, with its milestone instants set (answering a case that was never
    /// acknowledged acknowledges it too).
    public func moving(to next: CaseState, at: Date, by: String, note: String? = nil) throws(CaseTransitionError) -> ComplaintCase {
        guard state.allows(next) else { throw CaseTransitionError(from: state, to: next) }
        var moved = self
        moved.state = next
        switch next {
        case .received: break
        case .acknowledged, .inProgress:
            if moved.acknowledgedAt == nil { moved.acknowledgedAt = at }
        case .answered:
            if moved.acknowledgedAt == nil { moved.acknowledgedAt = at }
            moved.answeredAt = at
        case .closed: moved.closedAt = at
        case .reopened: moved.reopenedAt = at
        }
        moved.history.append(Change(at: at, by: by, from: state, to: next, assignee: moved.assignee, note: note))
        return moved
    }

    /// The case handed to `assignee` (nil: nobody), recorded as a change that keeps the state.
    public func assigned(to assignee: String?, at: Date, by: String) -> ComplaintCase {
        var moved = self
        moved.assignee = assignee
        moved.history.append(Change(at: at, by: by, from: state, to: state, assignee: assignee, note: nil))
        return moved
    }

    /// The first follow-up visit after the case was last closed, if there was one.
    public var followUpVisit: CaseContact? {
        guard let closedAt, state == .closed else { return nil }
        return contacts.first { $0.purpose == .followUpVisit && $0.at >= closedAt }
    }

    /// The newest contact, if any.
    public var lastContact: CaseContact? { contacts.max { $0.at < $1.at } }
}

extension ComplaintCase {
    /// The case with the complainant's personal data erased for good from what people wrote in it: every contact's
    /// summary and outcome and every change's note lose phone numbers, e-mail addresses, ID numbers and `names`
    /// (see `PersonalDataMasking.erase`). States, times and who handled it stay, for statistics. The version is
    /// bumped, so an edit made from the case as it was read before is refused.
    public func erasingPersonalData(names: [String]) -> ComplaintCase {
        var erased = self
        erased.contacts = contacts.map { contact in
            var contact = contact
            contact.summary = PersonalDataMasking.erase(contact.summary, names: names)
            contact.outcome = contact.outcome.map { PersonalDataMasking.erase($0, names: names) }
            return contact
        }
        erased.history = history.map { change in
            var change = change
            change.note = change.note.map { PersonalDataMasking.erase($0, names: names) }
            return change
        }
        erased.version = version + 1
        return erased
    }
}
