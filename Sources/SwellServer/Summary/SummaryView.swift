import SwellCore
import SwellEngine

/// The executive view (`GET /v1/summary`): counts, the latest warnings, incidents and complaints per hour.
/// Nothing in it is personal data. "Last 24 h" and "48 h" are measured back from the newest complaint's
/// `receivedAt` (event time), so a replayed or imported history reads the same as a live one.
struct SummaryView: Encodable, Sendable {
    var generatedAt: String
    var counts: Counts
    /// The latest 20 warnings, newest first, each with its cluster's top terms.
    var warnings: [SummaryWarning]
    /// Open incidents (every one not closed), newest first.
    var incidents: [IncidentSummary]
    /// Complaints per UTC hour over the 48 hours ending with the newest complaint's hour, oldest first.
    var hourlyComplaints: [HourlyCount]
    /// Reviews' corrective actions not done yet (also of closed incidents), soonest due first.
    var correctiveActions: [IncidentEngine.OpenCorrectiveAction]

    struct Counts: Encodable, Sendable {
        /// Complaints in the 24 hours ending with the newest complaint's hour.
        var complaintsLast24h: Int
        /// Live clusters standing at a warning level whose newest warning nobody has handled yet (state open).
        /// Acknowledged, dismissed and incident-linked warnings are not counted; a new escalation is open again.
        var openWarnings: Int
        /// Live clusters at a warning level whose newest warning someone acknowledged and is looking into.
        var acknowledgedWarnings: Int
        var openIncidents: Int
    }
}

/// A `WarningView` plus the top terms and the title of its cluster.
struct SummaryWarning: Encodable, Sendable {
    var warning: WarningView
    var topTerms: [String]
    var title: String?

    enum CodingKeys: String, CodingKey { case topTerms, title }

    func encode(to encoder: any Encoder) throws {
        try warning.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(topTerms, forKey: .topTerms)
        try container.encode(title, forKey: .title)
    }
}
