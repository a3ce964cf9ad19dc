import SwellCore

/// The executive view (`GET /v1/summary`): counts, the latest warnings, incidents and complaints per hour.
/// Nothing in it is personal data. "Last 24 h" and "48 h" are measured back from the newest complaint's
/// `receivedAt` (event time), so a replayed or imported history reads the same as a live one.
struct SummaryView: Encodable, Sendable {
    var generatedAt: String
    var counts: Counts
    /// The latest 20 warnings, newest first, each with its cluster's top terms.
    var warnings: [SummaryWarning]
    /// Open incidents; empty until the incident engine exists.
    var incidents: [SummaryIncident]
    /// Complaints per UTC hour over the 48 hours ending with the newest complaint's hour, oldest first.
    var hourlyComplaints: [HourlyCount]

    struct Counts: Encodable, Sendable {
        /// Complaints in the 24 hours ending with the newest complaint's hour.
        var complaintsLast24h: Int
        /// Live clusters standing at a warning level.
        var openWarnings: Int
        var openIncidents: Int
    }
}

/// A `WarningView` plus the top terms of its cluster.
struct SummaryWarning: Encodable, Sendable {
    var warning: WarningView
    var topTerms: [String]

    enum CodingKeys: String, CodingKey { case topTerms }

    func encode(to encoder: any Encoder) throws {
        try warning.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(topTerms, forKey: .topTerms)
    }
}

/// One incident on the executive view. The shape is fixed now (the dashboard renders it); the incident engine
/// fills it. Absent values are sent as `null`, never left out.
struct SummaryIncident: Encodable, Sendable {
    var id: IncidentID
    var title: String
    var state: String
    var level: String
    var phase: String?
    var clusterId: ClusterID?
    var openedAt: String
    var nextDeadline: Deadline?
    var overdueTasks: Int
    var complaintCount: Int
    var distinctComplainants: Int
    var acceptance: Acceptance?
    var mediaContacts: [MediaContact]
    var dailyCounts: [DailyCount]

    struct Deadline: Encodable, Sendable {
        var taskId: Int64
        var title: String
        var dueAt: String
        var ownerRole: String
    }

    /// The settlement offer's take-up and the bonus tier in force.
    struct Acceptance: Encodable, Sendable {
        var eligible: Int
        var accepted: Int
        var rate: Double
        var currentTier: String?
        var tierEndsAt: String?

        enum CodingKeys: String, CodingKey { case eligible, accepted, rate, currentTier, tierEndsAt }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(eligible, forKey: .eligible)
            try container.encode(accepted, forKey: .accepted)
            try container.encode(rate, forKey: .rate)
            try container.encode(currentTier, forKey: .currentTier)
            try container.encode(tierEndsAt, forKey: .tierEndsAt)
        }
    }

    struct MediaContact: Encodable, Sendable {
        var at: String
        var outlet: String
        var tone: String
    }

    enum CodingKeys: String, CodingKey {
        case id, title, state, level, phase, clusterId, openedAt, nextDeadline, overdueTasks, complaintCount
        case distinctComplainants, acceptance, mediaContacts, dailyCounts
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(state, forKey: .state)
        try container.encode(level, forKey: .level)
        try container.encode(phase, forKey: .phase)
        try container.encode(clusterId, forKey: .clusterId)
        try container.encode(openedAt, forKey: .openedAt)
        try container.encode(nextDeadline, forKey: .nextDeadline)
        try container.encode(overdueTasks, forKey: .overdueTasks)
        try container.encode(complaintCount, forKey: .complaintCount)
        try container.encode(distinctComplainants, forKey: .distinctComplainants)
        try container.encode(acceptance, forKey: .acceptance)
        try container.encode(mediaContacts, forKey: .mediaContacts)
        try container.encode(dailyCounts, forKey: .dailyCounts)
    }
}
