public import Foundation

/// A published settlement offer of an incident. Tiers are fixed once published: a change is a new
/// version, and the responses stay with the version they answered.
public struct PublishedOffer: Sendable, Codable, Equatable {
    /// 1 for the first offer, then 2, 3, …
    public var version: Int
    public var offer: IncentiveOffer
    /// How the base was set: `base`, or a compensation category such as `downgraded_service`.
    public var basis: String
    /// Complainants the offer is made to (the affected headcount at publication, unless given).
    public var eligible: Int
    public var publishedBy: String
    /// The id of the version this one replaces.
    public var supersedes: Int64?

    public init(version: Int, offer: IncentiveOffer, basis: String, eligible: Int, publishedBy: String, supersedes: Int64?) {
        self.version = version
        self.offer = offer
        self.basis = basis
        self.eligible = eligible
        self.publishedBy = publishedBy
        self.supersedes = supersedes
    }
}

/// A complainant's answer to an offer; the tier is worked out by the server from `at` against the
/// offer's publication, never taken from the client.
public struct OfferResponse: Sendable, Codable, Equatable {
    public enum Decision: String, Sendable, Codable, CaseIterable {
        case accepted, refused
    }

    public var offerId: Int64
    public var offerVersion: Int
    public var complaintId: ComplaintID
    public var decision: Decision
    public var at: Date
    /// For an acceptance: 0 for the first (highest) tier, nil after every tier.
    public var tierIndex: Int?
    public var bonus: SettlementMoney?
    public var payout: SettlementMoney?
    public var recordedBy: String

    public init(
        offerId: Int64, offerVersion: Int, complaintId: ComplaintID, decision: Decision, at: Date,
        acceptance: IncentiveAcceptance?, recordedBy: String
    ) {
        self.offerId = offerId
        self.offerVersion = offerVersion
        self.complaintId = complaintId
        self.decision = decision
        self.at = at
        self.tierIndex = acceptance?.tierIndex
        self.bonus = acceptance?.bonus
        self.payout = acceptance?.payout
        self.recordedBy = recordedBy
    }
}

/// A daily monitoring report as stored: the local day it is for, the aggregates, and the
/// complaint counts of every local day so far (for the chart).
public struct StoredDailyReport: Sendable, Codable, Equatable {
    /// Local date in the playbook's zone, `YYYY-MM-DD`.
    public var day: String
    public var report: IncidentDailyReport
    /// New complaints per local day from the first complaint to this day.
    public var dailyCounts: [DailyCount]
    /// The tasks overdue at the end of the period (``IncidentDailyReport/overdueTaskIds``), named.
    public var overdueTasks: [OverdueTask]
    /// Public mentions matched to the incident's cluster; absent on reports written before mentions were kept.
    public var media: DailyMediaReport?

    /// A task past due when the report was made.
    public struct OverdueTask: Sendable, Codable, Equatable {
        public var taskId: String
        public var title: String
        public var ownerRole: Role
        public var dueAt: Date

        public init(taskId: String, title: String, ownerRole: Role, dueAt: Date) {
            self.taskId = taskId
            self.title = title
            self.ownerRole = ownerRole
            self.dueAt = dueAt
        }
    }

    public init(
        day: String, report: IncidentDailyReport, dailyCounts: [DailyCount], overdueTasks: [OverdueTask] = [],
        media: DailyMediaReport? = nil
    ) {
        self.media = media
        self.day = day
        self.report = report
        self.dailyCounts = dailyCounts
        self.overdueTasks = overdueTasks
    }
}
