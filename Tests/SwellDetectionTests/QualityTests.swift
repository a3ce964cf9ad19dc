import Testing
import SwellDetection
import SwellEvaluation

/// Floors on generated streams. Thresholds were tuned on seed 1; these run seed 2 (and a small
/// seed 3 for the baseline), so they report rather than fit. Set where the engine honestly is.
@Suite("Quality on generated streams")
struct QualityTests {
    @Test func clusteringAndWarningsOnAHeldOutSeed() {
        let stream = StreamGenerator.generate(StreamSpec(seed: 2, incidents: 40, background: 3000))
        let report = DetectionBenchmark.evaluate(stream)
        // Seed 2 measures overall 0.832, incidents 0.802, 31 of 35 warned, no false warning.
        #expect(report.overall.f1 >= 0.82, "overall B-cubed \(report.overall)")
        #expect(report.incidents.f1 >= 0.79, "incident B-cubed \(report.incidents)")
        let audit = report.warnings
        #expect(Double(audit.warnedIncidents) >= 0.87 * Double(audit.eligibleIncidents), "warned \(audit.warnedIncidents)/\(audit.eligibleIncidents)")
        #expect(audit.falseWarnings <= 2, "false warnings: background \(audit.backgroundWarnings), duplicate \(audit.duplicateWarnings)")
        #expect((audit.medianComplaintsAtWarning ?? 99) <= 9)
    }

    @Test func generatorIsDeterministicBySeed() {
        let a = StreamGenerator.generate(StreamSpec(seed: 5, incidents: 5, background: 100))
        let b = StreamGenerator.generate(StreamSpec(seed: 5, incidents: 5, background: 100))
        let c = StreamGenerator.generate(StreamSpec(seed: 6, incidents: 5, background: 100))
        #expect(a.complaints.map(\.input) == b.complaints.map(\.input))
        #expect(a.complaints.map(\.input.text) != c.complaints.map(\.input.text))
        #expect(zip(a.complaints, a.complaints.dropFirst()).allSatisfy { $0.input.receivedAt <= $1.input.receivedAt })
    }

    @Test func indexAgreesWithTheExhaustiveBaseline() {
        let stream = StreamGenerator.generate(StreamSpec(seed: 3, incidents: 12, background: 600))
        let report = DetectionBenchmark.agreement(stream)
        // Seed 3 measures 0.98.
        #expect(report.agreement.f1 >= 0.95, "agreement \(report.agreement)")
        #expect(report.indexed.incidents.f1 >= report.exhaustive.incidents.f1 - 0.05)
    }

    @Test func bCubedOfAPerfectAndAMergedClustering() {
        let labels: [Int64: Int64] = [1: 1, 2: 1, 3: 2, 4: 2]
        #expect(BCubed.score(clusters: [1: 10, 2: 10, 3: 20, 4: 20], labels: labels).f1 == 1)
        let lumped = BCubed.score(clusters: [1: 10, 2: 10, 3: 10, 4: 10], labels: labels)
        #expect(lumped.precision == 0.5 && lumped.recall == 1)
    }
}
