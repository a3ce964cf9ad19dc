import Foundation
import SwellCore
import SwellPlaybook
import SwellStore

extension IncidentEngine {
    /// How the base settlement of an offer is set.
    public enum OfferBase: Sendable {
        /// A fixed amount per complainant.
        case amount(SettlementMoney)
        /// The playbook's compensation table for a category, from the case's figures.
        case category(CompensationCase)
    }

    /// An incident's offers, oldest version first.
    public func offers(of id: IncidentID) async throws -> [(id: Int64, offer: PublishedOffer)] {
        try await store.incidentItems(id, kind: .offer).compactMap { item -> (id: Int64, offer: PublishedOffer)? in
            guard case .offer(let offer) = item.body, let itemId = item.id else { return nil }
            return (itemId, offer)
        }.sorted { $0.offer.version < $1.offer.version }
    }

    /// Every response to every offer of an incident, oldest first.
    public func responses(of id: IncidentID) async throws -> [OfferResponse] {
        try await store.incidentItems(id, kind: .offerResponse).compactMap { item -> OfferResponse? in
            guard case .offerResponse(let response) = item.body else { return nil }
            return response
        }
    }

    /// Publishes an offer (or a new version of it): the base from an amount or the compensation table,
    /// plus an optional uplift; the tiers from the playbook, counted from `at` (T0).
    public func publishOffer(
        incident id: IncidentID, base: OfferBase, upliftBasisPoints: Int, eligible: Int?, at: Date, by: String
    ) async throws -> (id: Int64, offer: PublishedOffer) {
        try await serialized {
            var record = try await active(id, changedAt: at)
            let rules = rules(for: record)
            let (amount, basis) = try baseAmount(base, rules: rules)
            guard amount.minorUnits > 0 else { throw IncidentError.invalid(field: "base", message: "the base settlement must be more than zero") }
            guard (0...100_000).contains(upliftBasisPoints) else {
                throw IncidentError.invalid(field: "upliftPercent", message: "the uplift must be from 0 to 1000 percent")
            }
            let withUplift = amount.plus(amount.percentage(basisPoints: upliftBasisPoints)) ?? amount
            let previous = try await offers(of: id).last
            var headcount = eligible ?? 0
            if eligible == nil { headcount = Self.distinctComplainants(try await complaints(of: record)) }
            let published = PublishedOffer(
                version: (previous?.offer.version ?? 0) + 1, offer: rules.incentiveOffer(publishedAt: at, base: withUplift),
                basis: basis, eligible: headcount, publishedBy: by, supersedes: previous?.id)
            let event = EventDraft(
                type: .offerPublished, at: at, incidentId: id, payload: EventDraft.payload(OfferPublishedPayload(published)))
            var changes: [StoreChange] = [.addIncidentItem(
                IncidentItem(incidentId: id, key: "v\(published.version)", at: at, body: .offer(published)), event: event)]
            let timing = record.timing.recording(.offerPublished, at: at)
            if timing != record.timing {
                record.timing = timing
                changes.append(.saveIncident(record))
                changes += try await planTasks(record, now: max(at, currentTime ?? at))
            }
            let appended = try await store.apply(changes, checkpoint: nil)
            guard let offerId = appended.first.flatMap(StampedId.of) else { throw IncidentError.offerNotFound(0) }
            logger.info("Offer published", metadata: ["incident.id": "\(id)", "offer.version": "\(published.version)"])
            return (offerId, published)
        }
    }

    private func baseAmount(_ base: OfferBase, rules: Playbook) throws -> (SettlementMoney, String) {
        switch base {
        case .amount(let money):
            return (money, "base")
        case .category(let claim):
            do {
                return (try rules.compensation.award(for: claim).total, claim.category)
            } catch {
                throw IncidentError.compensation(error)
            }
        }
    }

    /// Records a complainant's answer to the current offer; for an acceptance the server works out the
    /// tier from `at` against the offer's publication.
    public func respond(
        incident id: IncidentID, offer offerId: Int64, complaint: ComplaintID, decision: OfferResponse.Decision, at: Date, by: String
    ) async throws -> OfferResponse {
        try await serialized {
            let record = try await active(id, changedAt: at)
            let offers = try await offers(of: id)
            guard let offer = offers.first(where: { $0.id == offerId }) else { throw IncidentError.offerNotFound(offerId) }
            if let current = offers.last, current.id != offerId { throw IncidentError.offerSuperseded(offerId: offerId, currentId: current.id) }
            guard try await belongs(complaint, to: record) else { throw IncidentError.complaintNotInIncident(complaint) }
            if try await responses(of: id).contains(where: { $0.offerId == offerId && $0.complaintId == complaint }) {
                throw IncidentError.alreadyResponded(complaint, offerId: offerId)
            }
            var acceptance: IncentiveAcceptance?
            do {
                if decision == .accepted {
                    acceptance = try offer.offer.offer.evaluate(acceptedAt: at)
                } else if at < offer.offer.offer.publishedAt {
                    throw IncentiveError.acceptedBeforePublication(acceptedAt: at, publishedAt: offer.offer.offer.publishedAt)
                }
            } catch {
                throw IncidentError.incentive(error as? IncentiveError ?? .currencyMismatch(base: "?", bonus: "?"))
            }
            let response = OfferResponse(
                offerId: offerId, offerVersion: offer.offer.version, complaintId: complaint, decision: decision, at: at,
                acceptance: acceptance, recordedBy: by)
            let event = IncidentEvents.simple(.offerResponded, incident: id, at: at, complaint: complaint, [
                "offerId": "\(offerId)", "version": "\(offer.offer.version)", "decision": decision.rawValue,
                "tier": response.tierIndex.map { "\($0 + 1)" } ?? "",
            ])
            _ = try await store.apply(
                [.addIncidentItem(IncidentItem(incidentId: id, key: "\(offerId):\(complaint)", at: at, body: .offerResponse(response)), event: event)],
                checkpoint: nil)
            return response
        }
    }

    /// The take-up of an offer at event time.
    public func totals(incident id: IncidentID, offer offerId: Int64, now fallback: Date) async throws -> IncentiveTotals {
        let offers = try await offers(of: id)
        guard let offer = offers.first(where: { $0.id == offerId }) else { throw IncidentError.offerNotFound(offerId) }
        let accepted = try await responses(of: id).filter { $0.offerId == offerId && $0.decision == .accepted }.map(\.at)
        let instant = max(now(or: fallback), accepted.max() ?? .distantPast)
        do {
            return try offer.offer.offer.totals(acceptedAt: accepted, eligible: offer.offer.eligible, at: instant)
        } catch {
            throw IncidentError.incentive(error)
        }
    }
}

/// Payload of `offer.published`: the terms, never who they go to.
struct OfferPublishedPayload: Encodable {
    struct Tier: Encodable {
        var tier: Int
        var endsAt: String
        var percentBasisPoints: Int
    }

    var version: Int
    var publishedAt: String
    var base: SettlementMoney
    var basis: String
    var eligible: Int
    var tiers: [Tier]
    var supersedes: Int64?

    init(_ offer: PublishedOffer) {
        version = offer.version
        publishedAt = RFC3339.format(offer.offer.publishedAt)
        base = offer.offer.base
        basis = offer.basis
        eligible = offer.eligible
        tiers = offer.offer.tiers.enumerated().map { Tier(tier: $0 + 1, endsAt: RFC3339.format($1.endsAt), percentBasisPoints: $1.percentBasisPoints) }
        supersedes = offer.supersedes
    }
}

extension IncidentEngine {
    /// The acceptance curve, in local days, of the offer current at `end`, from its publication to `end`
    /// (answers after `end` left out): a daily report's view of the settlement. Nil before any offer.
    public func curve(incident id: IncidentID, asOf end: Date) async throws -> AcceptanceCurve? {
        guard let entry = try await offers(of: id).last(where: { $0.offer.offer.publishedAt <= end }) else { return nil }
        let answers = try await responses(of: id).filter { $0.offerId == entry.id && $0.at < end }
            .map { AcceptanceCurve.Answer(accepted: $0.decision == .accepted, at: $0.at) }
        return try? AcceptanceCurve(
            offer: entry.offer.offer, eligible: entry.offer.eligible, answers: answers, width: .day, until: end.addingTimeInterval(-1),
            timeZone: playbook.timeZone)
    }

    /// The take-up of an offer over time, bucket by bucket up to now (event time, or the live clock).
    public func curve(
        incident id: IncidentID, offer offerId: Int64, width: AcceptanceCurve.Width, now fallback: Date
    ) async throws -> (offer: PublishedOffer, curve: AcceptanceCurve) {
        let offers = try await offers(of: id)
        guard let entry = offers.first(where: { $0.id == offerId }) else { throw IncidentError.offerNotFound(offerId) }
        let answers = try await responses(of: id).filter { $0.offerId == offerId }
            .map { AcceptanceCurve.Answer(accepted: $0.decision == .accepted, at: $0.at) }
        do {
            let curve = try AcceptanceCurve(
                offer: entry.offer.offer, eligible: entry.offer.eligible, answers: answers, width: width, until: now(or: fallback),
                timeZone: playbook.timeZone)
            return (entry.offer, curve)
        } catch {
            throw IncidentError.invalid(field: "bucket", message: error.description)
        }
    }
}
