import ArgumentParser
import Foundation
import SwellDetection
import SwellEvaluation

/// `swell bench detection`: detection quality and speed on generated streams (build with `-c release`).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks; figures go to stdout.", subcommands: [Detection.self, Search.self])

    struct Detection: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Quality (B-cubed, warnings) against the exhaustive baseline, and throughput as history grows.")

        @Option(help: "Seed of the quality stream (tune on one seed, report on another).") var seed: UInt64 = 11
        @Option(help: "Incidents in the quality stream.") var incidents = 60
        @Option(help: "Background complaints in the quality stream.") var background = 6_000
        @Option(help: "Complaints placed in the throughput run.") var total = 1_000_000
        @Option(name: .customLong("per-day"), help: "Complaints a day in the throughput run (window 30 d).") var perDay = 6_700
        @Flag(help: "Skip the throughput run.") var qualityOnly = false
        @Flag(inversion: .prefixedNo, help: "Join fragments of one incident (the second stage, off by default).") var fragmentJoin = false
        @Option(name: .customLong("fragment-entity"), help: "Centroid similarity two clusters sharing an entity need to join.")
        var fragmentEntity: Double?
        @Option(name: .customLong("fragment-text"), help: "Centroid similarity that joins two clusters on text alone.")
        var fragmentText: Double?
        @Option(name: .customLong("fragment-gap"), help: "Hours apart beyond which two clusters never join.") var fragmentGap: Double?
        @Flag(help: "Print how whole the incidents end up, by kind.") var fragments = false
        @Option(name: .customLong("show-split"), help: "Print the N most split incidents with complaints outside their main cluster.")
        var showSplit = 0

        func run() async throws {
            let stream = StreamGenerator.generate(StreamSpec(seed: seed, incidents: incidents, background: background))
            var configuration = DetectorConfiguration.standard
            configuration.fragmentJoin = fragmentJoin
            if let fragmentEntity { configuration.fragmentTextWithEntity = fragmentEntity }
            if let fragmentText { configuration.fragmentTextAlone = fragmentText }
            if let fragmentGap { configuration.fragmentGapHours = fragmentGap }
            let agreement = DetectionBenchmark.agreement(stream, configuration: configuration)
            let indexed = agreement.indexed
            print("quality (seed \(seed), \(indexed.complaints) complaints, \(stream.incidents.count) incidents):")
            print(String(format: "  B-cubed all: P %.3f R %.3f F1 %.3f; incidents only: P %.3f R %.3f F1 %.3f",
                         indexed.overall.precision, indexed.overall.recall, indexed.overall.f1,
                         indexed.incidents.precision, indexed.incidents.recall, indexed.incidents.f1))
            let audit = indexed.warnings
            print("  warnings: \(audit.warnedIncidents)/\(audit.eligibleIncidents) incidents of 8+ warned; "
                + "median \(audit.medianComplaintsAtWarning.map { String(format: "%.0f", $0) } ?? "-") complaints and "
                + "\(audit.medianMinutesToWarning.map { String(format: "%.0f", $0) } ?? "-") min to warning; "
                + "\(audit.falseWarnings) false (\(audit.backgroundWarnings) on background, \(audit.duplicateWarnings) duplicate) of \(audit.totalWarnings)")
            print(String(format: "  exhaustive baseline: F1 %.3f; agreement with it F1 %.3f; speed-up %.1fx",
                         agreement.exhaustive.overall.f1, agreement.agreement.f1, agreement.speedup))
            if fragments {
                print("  incidents of 8+ by kind: mean share in the largest cluster, split (< half), mean pieces")
                for row in indexed.fragmentation.rows {
                    print(String(format: "    %-26@ %3d incidents  %.2f  %2d split  %.1f pieces",
                                 row.kind as NSString, row.incidents, row.meanMainShare, row.split, row.meanPieces))
                }
            }
            for example in FragmentationReport.examples(stream, clusterOf: indexed.clusterOf, limit: showSplit) {
                print(String(format: "  %@ (%d complaints): %.0f%% in the main cluster; outside:", example.kind, example.size, example.mainShare * 100))
                for piece in example.outside { print("    [\(piece.clusterSize)] \(piece.text)") }
            }
            guard !qualityOnly else { return }
            let throughput = DetectionBenchmark.throughput(total: total, perDay: perDay)
            print("throughput (\(throughput.complaints) complaints, about \(perDay) a day, 30-day window):")
            for block in throughput.blocks where block.history == 10_000 || block.history % 100_000 == 0 {
                print(String(format: "  at %8d history, %7d in window: %6.1f µs per complaint",
                             block.history, block.complaintsInWindow, block.microsecondsPerComplaint))
            }
            print(String(format: "  overall %.0f complaints/s wall, %.0f per CPU second; index %.0f bytes per complaint in window (estimate)%@",
                         throughput.complaintsPerSecond, throughput.complaintsPerCPUSecond,
                         throughput.estimatedBytesPerComplaintInWindow,
                         throughput.bytesPerComplaintInWindow.map { String(format: ", resident growth %.0f bytes", $0) } ?? ""))
        }
    }
}
