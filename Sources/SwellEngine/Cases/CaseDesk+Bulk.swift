import Foundation
import SwellCore
import SwellStore

extension CaseDesk {
    /// One action applied to many cases at once.
    public enum BulkAction: Sendable, Equatable {
        /// Every case not yet acknowledged becomes `acknowledged`.
        case acknowledge
        /// Every case that awaits an answer becomes `answered`.
        case answer
        /// Every case goes to this person (nil: to nobody).
        case assign(String?)
    }

    /// What a bulk action did to one case.
    public struct BulkOutcome: Sendable, Equatable {
        public var complaintId: ComplaintID
        /// False when the case was left as it was, with the reason.
        public var changed: Bool
        public var reason: String?
        public var state: CaseState
    }

    /// Applies the action to each complaint's case, one event per changed case, all in one transaction. Cases
    /// the action does not fit (already acknowledged, already answered) are left as they are and say why.
    public func bulk(_ ids: [ComplaintID], _ action: BulkAction, at: Date, by: String) async throws -> [BulkOutcome] {
        try await retrying(ids.first ?? ComplaintID(0)) {
            let complaints = try await store.complaints(ids: ids)
            let found = Dictionary(complaints.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            if let missing = ids.first(where: { found[$0] == nil }) { throw CaseError.complaintNotFound(missing) }
            let readings = try await readings(of: ids.compactMap { found[$0] })
            var outcomes: [BulkOutcome] = []
            var changes: [StoreChange] = []
            for current in readings {
                try checkInstant(at, for: current.complaint)
                let complaintCase = current.complaintCase
                let change: Change?
                var reason: String?
                switch action {
                case .acknowledge:
                    change = complaintCase.state == .received ? Change(state: .acknowledged) : nil
                    reason = "already \(complaintCase.state.rawValue)"
                case .answer:
                    change = complaintCase.state.awaitsAnswer ? Change(state: .answered) : nil
                    reason = "already \(complaintCase.state.rawValue)"
                case .assign(let assignee):
                    change = assignee != complaintCase.assignee ? Change(assignee: .some(assignee)) : nil
                    reason = "already assigned so"
                }
                guard let change else {
                    outcomes.append(BulkOutcome(complaintId: current.complaint.id, changed: false, reason: reason, state: complaintCase.state))
                    continue
                }
                let (changed, events) = try applying(change, to: complaintCase, at: at, by: by)
                changes.append(.saveCase(changed, at: at, events: events))
                outcomes.append(BulkOutcome(complaintId: current.complaint.id, changed: true, reason: nil, state: changed.state))
            }
            if !changes.isEmpty { _ = try await store.apply(changes, checkpoint: nil) }
            logger.info("Cases changed in bulk", metadata: [
                "cases.changed": "\(changes.count)", "cases.asked": "\(ids.count)", "by": "\(by)",
            ])
            return outcomes
        }
    }
}

extension CaseDesk {
    /// Other complaints of the same person (same phone or e-mail) in the complaint's cluster: the detector
    /// counts them as one complainant, and a person reading one case should see the others.
    public func sameComplainant(as complaint: Complaint) async throws -> [ComplaintID] {
        guard let key = complaint.content.complainant.identityKey, let cluster = complaint.clusterId else { return [] }
        var found: [ComplaintID] = []
        var cursor: ComplaintCursor?
        repeat {
            let page = try await store.complaints(ComplaintQuery(clusterId: cluster, after: cursor, limit: ComplaintQuery.maxLimit))
            found += page.items.filter { $0.id != complaint.id && $0.content.complainant.identityKey == key }.map(\.id)
            cursor = page.next
        } while cursor != nil
        return found.sorted()
    }
}

extension CaseDesk {
    /// Records the referrals complaints arrived with (intake's `referral` field), in one transaction. A case
    /// that already names an authority keeps it, so a retried intake never overwrites a later correction.
    public func recordReferrals(_ referrals: [(ComplaintID, CaseReferral)], by: String) async throws {
        guard !referrals.isEmpty else { return }
        try await retrying(referrals[0].0) {
            let complaints = try await store.complaints(ids: referrals.map(\.0))
            let readings = Dictionary(try await readings(of: complaints).map { ($0.complaint.id, $0) }, uniquingKeysWith: { a, _ in a })
            var changes: [StoreChange] = []
            for (id, referral) in referrals {
                guard let current = readings[id] else { continue }
                if let named = current.complaintCase.referral, named.authority != CaseReferral.unnamedAuthority { continue }
                let (changed, events) = try applying(Change(referral: referral), to: current.complaintCase, at: referral.receivedAt, by: by)
                if !events.isEmpty { changes.append(.saveCase(changed, at: referral.receivedAt, events: events)) }
            }
            if !changes.isEmpty { _ = try await store.apply(changes, checkpoint: nil) }
        }
    }
}
