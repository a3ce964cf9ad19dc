import Foundation
import SwellDetection

/// What a generated labelled stream looks like. Same spec, same stream.
public struct StreamSpec: Sendable {
    public var seed: UInt64
    /// Incidents planned (hard negatives add siblings on top).
    public var incidents: Int
    /// Unrelated complaints spread over the span.
    public var background: Int
    /// Days the stream covers.
    public var days: Int
    public var start: Date
    /// First complaint id; ids rise with event time.
    public var firstComplaintId: Int64
    /// Share of Chinese complaints written in traditional characters.
    public var traditionalShare: Double
    /// Share of complaints written in English.
    public var englishShare: Double
    /// Share of incident complaints that carry product/departure/supplier fields.
    public var structuredShare: Double
    /// Share of incidents that grow slowly (spread evenly over four days).
    public var slowShare: Double
    /// Share of incidents with a sibling: the same failure on another departure a week apart.
    public var siblingShare: Double
    /// Share of incidents with another failure on the same departure.
    public var sameDepartureShare: Double
    /// Optional real text lines (reviews, complaints) mixed into the background. Never committed.
    public var backgroundLines: [String]

    public init(
        seed: UInt64, incidents: Int = 40, background: Int = 3000, days: Int = 30,
        start: Date = Date(timeIntervalSince1970: 1_780_272_000), firstComplaintId: Int64 = 1, traditionalShare: Double = 0.1,
        englishShare: Double = 0.12, structuredShare: Double = 0.5, slowShare: Double = 0.2, siblingShare: Double = 0.3,
        sameDepartureShare: Double = 0.2, backgroundLines: [String] = []
    ) {
        self.seed = seed
        self.incidents = incidents
        self.background = background
        self.days = days
        self.start = start
        self.firstComplaintId = firstComplaintId
        self.traditionalShare = traditionalShare
        self.englishShare = englishShare
        self.structuredShare = structuredShare
        self.slowShare = slowShare
        self.siblingShare = siblingShare
        self.sameDepartureShare = sameDepartureShare
        self.backgroundLines = backgroundLines
    }
}

/// A complaint with the truth about it.
public struct LabelledComplaint: Sendable {
    public var input: DetectionInput
    /// The true group: an incident id (> 0), or a negative id shared only by one person's
    /// complaints about one problem.
    public var label: Int64
    public var isIncident: Bool { label > 0 }
}

/// The truth about one generated incident.
public struct IncidentTruth: Sendable {
    public var id: Int64
    public var kind: String
    public var size: Int
    public var slow: Bool
    /// Set when this incident is a hard negative of another (sibling departure or other failure).
    public var hardNegativeOf: Int64?
}

/// A generated, time-ordered, labelled stream.
public struct GeneratedStream: Sendable {
    public var complaints: [LabelledComplaint]
    public var incidents: [IncidentTruth]
}
