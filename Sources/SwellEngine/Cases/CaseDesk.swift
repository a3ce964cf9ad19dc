import Foundation
import Logging
import SwellCore
import SwellPlaybook
import SwellStore

/// Keeps each complainant's case: its state, assignee, referral and contacts, with deadlines from the
/// playbook's `cases` section. Every change is stored with its event in one transaction, compare-and-set
/// on the case's version, so two writers (two requests, two instances) never lose each other's change.
public actor CaseDesk {
    let store: any CaseStore
    public nonisolated let rules: CaseRules
    public nonisolated let calendar: PlaybookCalendar
    let logger: Logger
    /// How often a change is tried again when another writer changed the case in between.
    static let attempts = 3

    public init(store: any CaseStore, playbook: Playbook, logger: Logger) {
        self.store = store
        self.rules = playbook.cases
        self.calendar = playbook.calendar
        self.logger = logger
    }

    /// A complaint with its case and the case's deadlines.
    public struct Reading: Sendable, Equatable {
        public var complaint: Complaint
        public var complaintCase: ComplaintCase
        public var deadlines: [CaseDeadline]

        /// The deadlines overdue at `now`.
        public func overdue(at now: Date) -> [CaseDeadline] { deadlines.filter { $0.isOverdue(at: now) } }
    }

    /// What a change asks for; nil fields stay as they are.
    public struct Change: Sendable, Equatable {
        public var state: CaseState?
        /// `.some(nil)` takes the case away from whoever had it.
        public var assignee: String??
        public var referral: CaseReferral?
        public var note: String?

        public init(state: CaseState? = nil, assignee: String?? = nil, referral: CaseReferral? = nil, note: String? = nil) {
            self.state = state
            self.assignee = assignee
            self.referral = referral
            self.note = note
        }

        public var isEmpty: Bool { state == nil && assignee == nil && referral == nil }
    }

    // MARK: - Reading

    public func reading(of id: ComplaintID) async throws -> Reading {
        guard let complaint = try await store.complaint(id) else { throw CaseError.complaintNotFound(id) }
        return reading(complaint, stored: try await store.complaintCase(id))
    }

    /// The readings of many complaints with one read of their cases, in the order given.
    public func readings(of complaints: [Complaint]) async throws -> [Reading] {
        let stored = Dictionary(
            try await store.complaintCases(ids: complaints.map(\.id)).map { ($0.complaintId, $0) }, uniquingKeysWith: { a, _ in a })
        return complaints.map { reading($0, stored: stored[$0.id]) }
    }

    /// The cases assigned to one person, by complaint id.
    public func readings(assignee: String) async throws -> [Reading] {
        let cases = try await store.complaintCases(assignee: assignee)
        let complaints = Dictionary(
            try await store.complaints(ids: cases.map(\.complaintId)).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return cases.compactMap { stored in complaints[stored.complaintId].map { reading($0, stored: stored) } }
    }

    nonisolated func reading(_ complaint: Complaint, stored: ComplaintCase?) -> Reading {
        let complaintCase = stored ?? .initial(for: complaint.id, receivedAt: complaint.content.receivedAt, channel: complaint.content.channel)
        return Reading(
            complaint: complaint, complaintCase: complaintCase,
            deadlines: rules.deadlines(of: complaintCase, receivedAt: complaint.content.receivedAt, calendar: calendar))
    }

    // MARK: - Changing

    /// Moves, assigns or refers one case at `at` (event time, not before the complaint was received).
    public func change(_ id: ComplaintID, _ change: Change, at: Date, by: String) async throws -> Reading {
        guard !change.isEmpty else { throw CaseError.invalid(field: "state", message: "give a state, an assignee or a referral to change") }
        return try await retrying(id) {
            let current = try await reading(of: id)
            try checkInstant(at, for: current.complaint)
            let (changed, events) = try applying(change, to: current.complaintCase, at: at, by: by)
            guard !events.isEmpty else { return current }
            _ = try await store.apply([.saveCase(changed, at: at, events: events)], checkpoint: nil)
            logger.info("Case changed", metadata: ["complaint.id": "\(id)", "case.state": "\(changed.state.rawValue)", "by": "\(by)"])
            return reading(current.complaint, stored: changed)
        }
    }

    /// A contact with the complainant, added to the case. A follow-up visit needs a closed case.
    public func logContact(
        _ id: ComplaintID, channel: CaseContact.Medium, direction: CaseContact.Direction, purpose: CaseContact.Purpose,
        summary: String, outcome: String?, satisfaction: Int?, at: Date, by: String
    ) async throws -> (Reading, CaseContact) {
        if let satisfaction, !CaseContact.satisfactionRange.contains(satisfaction) {
            throw CaseError.invalid(field: "satisfaction", message: "must be a whole number from 1 to 5")
        }
        if satisfaction != nil, purpose != .followUpVisit {
            throw CaseError.invalid(field: "satisfaction", message: "is asked on a follow-up visit (purpose follow_up_visit) only")
        }
        return try await retrying(id) {
            let current = try await reading(of: id)
            try checkInstant(at, for: current.complaint)
            var changed = current.complaintCase
            if purpose == .followUpVisit, changed.state != .closed {
                throw CaseError.visitBeforeClosing(id, state: changed.state)
            }
            let contact = CaseContact(
                number: changed.contacts.count + 1, at: at, channel: channel, direction: direction, purpose: purpose, summary: summary,
                outcome: outcome, satisfaction: satisfaction, recordedBy: by)
            changed.contacts.append(contact)
            changed.version += 1
            _ = try await store.apply([.saveCase(changed, at: at, events: [CaseEvents.contactLogged(id, contact)])], checkpoint: nil)
            return (reading(current.complaint, stored: changed), contact)
        }
    }

    /// The case with the change applied and the events that record it; no events when nothing changes.
    nonisolated func applying(_ change: Change, to original: ComplaintCase, at: Date, by: String) throws -> (ComplaintCase, [EventDraft]) {
        var changed = original
        var events: [EventDraft] = []
        let id = original.complaintId
        if let referral = change.referral, referral != changed.referral {
            changed.referral = referral
            events.append(CaseEvents.referred(id, referral, at: at, by: by))
        }
        if let assignee = change.assignee, assignee != changed.assignee {
            changed = changed.assigned(to: assignee, at: at, by: by)
            events.append(CaseEvents.assigned(id, to: assignee, at: at, by: by))
        }
        if let state = change.state {
            do {
                changed = try changed.moving(to: state, at: at, by: by, note: change.note)
            } catch {
                throw CaseError.transition(id, error)
            }
            events.append(CaseEvents.stateChanged(id, from: original.state, to: state, at: at, by: by))
        }
        if !events.isEmpty { changed.version += 1 }
        return (changed, events)
    }

    nonisolated func checkInstant(_ at: Date, for complaint: Complaint) throws {
        guard at >= complaint.content.receivedAt else {
            throw CaseError.invalid(
                field: "at", message: "must not be before the complaint was received (\(RFC3339.format(complaint.content.receivedAt)))")
        }
    }

    /// Runs `body` again when another writer changed the case between its read and its write.
    func retrying<T>(_ id: ComplaintID, _ body: () async throws -> T) async throws -> T {
        for _ in 1..<Self.attempts {
            do {
                return try await body()
            } catch StoreError.caseMoved {
                continue
            }
        }
        do {
            return try await body()
        } catch StoreError.caseMoved {
            throw CaseError.busy(id)
        }
    }
}
