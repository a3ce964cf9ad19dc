import Foundation
import SwellDetection

/// How one true incident (≥ 8 complaints) fared: warned or not, how early.
public struct IncidentWarningOutcome: Sendable, Codable {
    public var incident: Int64
    public var size: Int
    public var slow: Bool
    public var warned: Bool
    /// The incident's complaints received up to and including the warning.
    public var complaintsAtWarning: Int?
    /// Minutes from the incident's first complaint to the warning.
    public var minutesToWarning: Double?
    public var rule: String?
}

/// Warnings judged against the truth.
public struct WarningAudit: Sendable, Codable {
    public var outcomes: [IncidentWarningOutcome]
    public var totalWarnings: Int
    /// Warnings on clusters whose majority is background.
    public var backgroundWarnings: Int
    /// Warnings on a second cluster of an incident already warned.
    public var duplicateWarnings: Int
    public var falseWarnings: Int { backgroundWarnings + duplicateWarnings }
    public var eligibleIncidents: Int { outcomes.count }
    public var warnedIncidents: Int { outcomes.filter(\.warned).count }
    public var medianComplaintsAtWarning: Double? { median(outcomes.compactMap { $0.complaintsAtWarning.map(Double.init) }) }
    public var medianMinutesToWarning: Double? { median(outcomes.compactMap(\.minutesToWarning)) }

    /// Judges the tracker's raised warnings against the stream's labels.
    public static func audit(_ stream: GeneratedStream, _ tracker: AssignmentTracker, minimumSize: Int = 8) -> WarningAudit {
        var label: [Int64: Int64] = [:]
        var timeOf: [Int64: Date] = [:]
        var incidentTimes: [Int64: [Date]] = [:]
        for complaint in stream.complaints {
            label[complaint.input.complaintId] = complaint.label
            timeOf[complaint.input.complaintId] = complaint.input.receivedAt
            if complaint.isIncident { incidentTimes[complaint.label, default: []].append(complaint.input.receivedAt) }
        }
        var majority: [Int64: Int64] = [:]
        for (cluster, ids) in tracker.clusters {
            var counts: [Int64: Int] = [:]
            for id in ids { if let l = label[id] { counts[l, default: 0] += 1 } }
            majority[cluster] = counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
        }
        var firstWarning: [Int64: (cluster: Int64, decision: WarningDecision)] = [:]
        var background = 0
        var duplicates = 0
        let raised = tracker.warnings.filter { $0.kind == .raised }
        for decision in raised {
            let cluster = tracker.finalCluster(decision.clusterId)
            guard let owner = majority[cluster], owner > 0 else {
                background += 1
                continue
            }
            if let earlier = firstWarning[owner] {
                if earlier.cluster != cluster { duplicates += 1 }
            } else {
                firstWarning[owner] = (cluster, decision)
            }
        }
        let slow = Dictionary(uniqueKeysWithValues: stream.incidents.map { ($0.id, $0.slow) })
        var outcomes: [IncidentWarningOutcome] = []
        for (incident, times) in incidentTimes.sorted(by: { $0.key < $1.key }) where times.count >= minimumSize {
            let first = times.min() ?? Date()
            if let warning = firstWarning[incident]?.decision {
                let at = timeOf[warning.triggeringComplaintId] ?? warning.at
                outcomes.append(IncidentWarningOutcome(
                    incident: incident, size: times.count, slow: slow[incident] ?? false, warned: true,
                    complaintsAtWarning: times.filter { $0 <= at }.count, minutesToWarning: at.timeIntervalSince(first) / 60,
                    rule: warning.rule))
            } else {
                outcomes.append(IncidentWarningOutcome(
                    incident: incident, size: times.count, slow: slow[incident] ?? false, warned: false,
                    complaintsAtWarning: nil, minutesToWarning: nil, rule: nil))
            }
        }
        return WarningAudit(
            outcomes: outcomes, totalWarnings: raised.count, backgroundWarnings: background, duplicateWarnings: duplicates)
    }
}

func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
