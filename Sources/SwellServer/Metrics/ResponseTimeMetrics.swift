import Foundation
import SwellCore

/// The response times of every incident as Prometheus histograms, one per step
/// (`swell_incident_response_seconds{measure="time_to_first_reply"}`), and the deadline verdicts as counts
/// (`swell_incident_deadline_total{measure=…,verdict="met"}`). Worked out from the record at each scrape, so they
/// only grow as incidents and steps are added and survive restarts.
enum ResponseTimeMetrics {
    /// Upper bounds in seconds: 15 min, 30 min, 1 h, 2 h, 4 h, 8 h, 12 h, 1 d, 2 d, 3 d, 7 d, 14 d.
    static let buckets: [Double] = [900, 1_800, 3_600, 7_200, 14_400, 28_800, 43_200, 86_400, 172_800, 259_200, 604_800, 1_209_600]

    static func render(_ incidents: [ResponseTimes]) -> String {
        var lines = [
            "# HELP swell_incident_response_seconds Seconds each step of an incident took (first complaint to warning, opening to first reply, …).",
            "# TYPE swell_incident_response_seconds histogram",
        ]
        for measure in ResponseTimes.Measure.allCases {
            let seconds = incidents.compactMap { $0.measurements.first { $0.measure == measure }?.seconds }.filter { $0 >= 0 }
            for bound in buckets {
                lines.append("swell_incident_response_seconds_bucket{measure=\"\(measure.rawValue)\",le=\"\(Int(bound))\"} \(seconds.filter { $0 <= bound }.count)")
            }
            lines.append("swell_incident_response_seconds_bucket{measure=\"\(measure.rawValue)\",le=\"+Inf\"} \(seconds.count)")
            lines.append("swell_incident_response_seconds_sum{measure=\"\(measure.rawValue)\"} \(seconds.reduce(0, +))")
            lines.append("swell_incident_response_seconds_count{measure=\"\(measure.rawValue)\"} \(seconds.count)")
        }
        lines.append("# HELP swell_incident_deadline_total Incidents whose step met or missed the playbook's deadline for it.")
        lines.append("# TYPE swell_incident_deadline_total counter")
        for measure in ResponseTimes.Measure.allCases where measure.deadlineTask != nil {
            let verdicts = incidents.compactMap { $0.measurements.first { $0.measure == measure }?.verdict }
            for verdict in [ResponseTimes.Verdict.met, .missed] {
                lines.append("swell_incident_deadline_total{measure=\"\(measure.rawValue)\",verdict=\"\(verdict.rawValue)\"} \(verdicts.filter { $0 == verdict }.count)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
