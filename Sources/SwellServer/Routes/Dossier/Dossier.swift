import Foundation
import SwellCore

/// The incident dossier (报告书): what a regulator or the board asks for, assembled from the record, nothing typed
/// twice. Counts and staff-side facts only; the one free text that may hold personal data (complainants' demands)
/// is masked for roles that may not see it.
struct Dossier: Encodable, Sendable {
    struct Timeline: Encodable, Sendable {
        var firstComplaintAt: String?
        var warningRaisedAt: String?
        var openedAt: String
        var openedBy: String
        var states: [StateAt]
        /// The cluster's warnings, oldest first: each level reached and when.
        var warnings: [WarningAt]
        var falseAlarm: String?
        /// The log events the review picked as the timeline's highlights, oldest first.
        var highlights: [Highlight]
    }

    struct Highlight: Encodable, Sendable {
        var seq: Int64
        var at: String
        var type: String
    }

    struct StateAt: Encodable, Sendable {
        var state: String
        var at: String
        var by: String
    }

    struct WarningAt: Encodable, Sendable {
        var level: String
        var at: String
        var rule: String
    }

    struct People: Encodable, Sendable {
        var complaints: Int
        var complainants: Int
        var byDay: [DailyCount]
        var byChannel: [String: Int]
        /// What they asked for, most often first (at most ten).
        var demands: [Demand]
        var cases: [String: Int]
        var casesOverdue: Int
        var averageSatisfaction: Double?
    }

    struct Demand: Encodable, Sendable {
        var demand: String
        var count: Int
    }

    struct Plan: Encodable, Sendable {
        var version: Int
        var text: String
        var predictedIssues: [String]
        var approvedBy: String?
        var approvedAt: String?
    }

    struct Liaison: Encodable, Sendable {
        var at: String
        var body: String
        var bodyKind: String
        var channel: String
        var referenceNo: String?
        var summary: String
        var responseDue: String?
        /// `met`, `missed`, `open` for the authority's deadline; nil without one.
        var deadline: String?
    }

    struct Media: Encodable, Sendable {
        var at: String
        var outlet: String
        var channel: String
        var tone: String
        var inquiry: String
    }

    struct Statement: Encodable, Sendable {
        var at: String
        var kind: String
        var title: String
    }

    struct Settlement: Encodable, Sendable {
        var version: Int
        var publishedAt: String
        var base: SettlementMoney
        var tiers: [String]
        var eligible: Int
        var accepted: Int
        var refused: Int
        var totalPayout: SettlementMoney
        var collective: String?
        var curve: [CurvePoint]
    }

    struct CurvePoint: Encodable, Sendable {
        var day: String
        var accepted: Int
        var refused: Int
        var pending: Int
    }

    struct Review: Encodable, Sendable {
        var version: Int
        var summary: String
        var rootCauses: [String]
        var correctiveActions: [String]
        var lessons: String?
    }

    struct Integrity: Encodable, Sendable {
        /// The newest event of the log when the dossier was made: it covers everything up to it.
        var lastEventSeq: Int64
        var lastEventHash: String
        var verify: String
    }

    var incidentId: IncidentID
    var title: String
    var state: String
    var level: String?
    var generatedAt: String
    var timeZone: String
    var timeline: Timeline
    var people: People
    var plan: Plan?
    var liaison: [Liaison]
    var media: [Media]
    var statements: [Statement]
    var settlement: Settlement?
    var review: Review?
    var responseTimes: [String: Double]
    var integrity: Integrity
}
