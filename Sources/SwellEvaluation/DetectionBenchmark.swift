import Foundation
import SwellDetection

/// Quality and speed of one detector run over a labelled stream.
public struct EvaluationReport: Sendable {
    public var complaints: Int
    public var clusters: Int
    public var merges: Int
    /// B-cubed over every complaint (background included, each its own group).
    public var overall: BCubed
    /// B-cubed averaged over incident complaints only.
    public var incidents: BCubed
    public var warnings: WarningAudit
    /// How whole each incident ends up, per kind.
    public var fragmentation: FragmentationReport
    /// Where each complaint ended up.
    public var clusterOf: [Int64: Int64]
    public var seconds: Double
    public var complaintsPerSecond: Double { seconds > 0 ? Double(complaints) / seconds : 0 }
}

/// Index search against the exhaustive baseline on the same stream.
public struct AgreementReport: Sendable {
    /// B-cubed of the indexed clustering taking the exhaustive one as truth.
    public var agreement: BCubed
    public var indexed: EvaluationReport
    public var exhaustive: EvaluationReport
    /// How many times faster the index is.
    public var speedup: Double { indexed.seconds > 0 ? exhaustive.seconds / indexed.seconds : 0 }
}

/// Per-complaint cost as history grows.
public struct ThroughputReport: Sendable {
    public struct Block: Sendable {
        /// Complaints placed before this block.
        public var history: Int
        public var complaintsInWindow: Int
        /// Wall-clock time per complaint.
        public var microsecondsPerComplaint: Double
        /// CPU time of this thread per complaint: steadier than wall time on a shared machine.
        public var cpuMicrosecondsPerComplaint: Double
    }

    public var blocks: [Block]
    public var complaints: Int
    public var seconds: Double
    public var complaintsPerSecond: Double { seconds > 0 ? Double(complaints) / seconds : 0 }
    /// Thread CPU seconds spent placing.
    public var cpuSeconds: Double
    public var complaintsPerCPUSecond: Double { cpuSeconds > 0 ? Double(complaints) / cpuSeconds : 0 }
    /// Resident memory growth per complaint in the window at the end (Linux), in bytes. Includes
    /// allocator slack and the generated stream chunk alive at the time.
    public var bytesPerComplaintInWindow: Double?
    /// The detector's own estimate of its index and cluster state per complaint in the window.
    public var estimatedBytesPerComplaintInWindow: Double
    /// The same without the preview texts clusters keep for summaries.
    public var estimatedIndexBytesPerComplaintInWindow: Double
    public var complaintsInWindow: Int
}

/// Runs the detector over generated streams and reports figures; prints nothing.
public enum DetectionBenchmark {
    /// Places every complaint of `stream` and scores the result.
    public static func evaluate(_ stream: GeneratedStream, configuration: DetectorConfiguration = .standard) -> EvaluationReport {
        var detector = Detector(configuration: configuration)
        var tracker = AssignmentTracker()
        let clock = ContinuousClock()
        let started = clock.now
        for complaint in stream.complaints { tracker.record(detector.place(complaint.input)) }
        let elapsed = clock.now - started
        return report(stream, tracker, seconds: seconds(elapsed))
    }

    /// Scores a finished run.
    public static func report(_ stream: GeneratedStream, _ tracker: AssignmentTracker, seconds: Double) -> EvaluationReport {
        var labels: [Int64: Int64] = [:]
        for complaint in stream.complaints { labels[complaint.input.complaintId] = complaint.label }
        let assignment = tracker.clusterOf
        return EvaluationReport(
            complaints: stream.complaints.count, clusters: Set(assignment.values).count, merges: tracker.mergeCount,
            overall: BCubed.score(clusters: assignment, labels: labels),
            incidents: BCubed.score(clusters: assignment, labels: labels, isCounted: { (labels[$0] ?? 0) > 0 }),
            warnings: WarningAudit.audit(stream, tracker), fragmentation: FragmentationReport.measure(stream, clusterOf: assignment),
            clusterOf: assignment, seconds: seconds)
    }

    /// Runs the indexed detector and the exhaustive baseline (same scores, every cluster
    /// considered) over the same stream.
    public static func agreement(_ stream: GeneratedStream, configuration: DetectorConfiguration = .standard) -> AgreementReport {
        var exhaustiveConfiguration = configuration
        exhaustiveConfiguration.candidateSearch = .exhaustive
        var indexedConfiguration = configuration
        indexedConfiguration.candidateSearch = .index
        let runs = [indexedConfiguration, exhaustiveConfiguration].map { configuration in
            var detector = Detector(configuration: configuration)
            var tracker = AssignmentTracker()
            let clock = ContinuousClock()
            let started = clock.now
            for complaint in stream.complaints { tracker.record(detector.place(complaint.input)) }
            return (tracker, seconds(clock.now - started))
        }
        let agreement = BCubed.score(clusters: runs[0].0.clusterOf, labels: runs[1].0.clusterOf)
        return AgreementReport(
            agreement: agreement, indexed: report(stream, runs[0].0, seconds: runs[0].1),
            exhaustive: report(stream, runs[1].0, seconds: runs[1].1))
    }

    /// Places `total` generated complaints (about `perDay` a day, so a 30-day window holds
    /// 30 × perDay) and times each block of `blockSize`.
    public static func throughput(
        total: Int, perDay: Int, blockSize: Int = 10_000, seed: UInt64 = 7, configuration: DetectorConfiguration = .standard
    ) -> ThroughputReport {
        var detector = Detector(configuration: configuration)
        let clock = ContinuousClock()
        var blocks: [ThroughputReport.Block] = []
        var placed = 0
        var totalSeconds = 0.0
        let chunkDays = 10
        var chunk = 0
        let baseline = residentBytes()
        var blockSeconds = 0.0
        var blockCPU = 0.0
        var totalCPU = 0.0
        var blockCount = 0
        while placed < total {
            let perChunk = perDay * chunkDays
            let spec = StreamSpec(
                seed: seed &+ UInt64(chunk), incidents: max(1, perChunk / 400), background: perChunk * 4 / 5, days: chunkDays,
                start: Date(timeIntervalSince1970: 1_780_272_000 + Double(chunk * chunkDays) * 86_400),
                firstComplaintId: Int64(placed) + 1)
            let stream = StreamGenerator.generate(spec)
            var index = 0
            while index < stream.complaints.count, placed < total {
                let batch = min(stream.complaints.count - index, blockSize - blockCount, total - placed)
                let started = clock.now
                let cpuStarted = threadCPUSeconds()
                for complaint in stream.complaints[index..<(index + batch)] { _ = detector.place(complaint.input) }
                let cpu = threadCPUSeconds() - cpuStarted
                let spent = seconds(clock.now - started)
                blockSeconds += spent
                totalSeconds += spent
                blockCPU += cpu
                totalCPU += cpu
                placed += batch
                blockCount += batch
                index += batch
                if blockCount == blockSize {
                    blocks.append(.init(
                        history: placed - blockSize, complaintsInWindow: detector.complaintsInWindow,
                        microsecondsPerComplaint: blockSeconds / Double(blockSize) * 1e6,
                        cpuMicrosecondsPerComplaint: blockCPU / Double(blockSize) * 1e6))
                    blockSeconds = 0
                    blockCPU = 0
                    blockCount = 0
                }
            }
            chunk += 1
        }
        var perComplaint: Double? = nil
        if let baseline, let now = residentBytes(), detector.complaintsInWindow > 0 {
            perComplaint = Double(now - baseline) / Double(detector.complaintsInWindow)
        }
        let window = max(1, detector.complaintsInWindow)
        let memory = detector.estimatedMemory
        return ThroughputReport(
            blocks: blocks, complaints: placed, seconds: totalSeconds, cpuSeconds: totalCPU, bytesPerComplaintInWindow: perComplaint,
            estimatedBytesPerComplaintInWindow: Double(memory.total) / Double(window),
            estimatedIndexBytesPerComplaintInWindow: Double(memory.index) / Double(window),
            complaintsInWindow: detector.complaintsInWindow)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    /// CPU time consumed by the calling thread, in seconds.
    public static func threadCPUSeconds() -> Double {
        #if os(Linux)
            var spec = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
            return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
        #else
            return Double(clock()) / Double(CLOCKS_PER_SEC)
        #endif
    }

    /// Resident set size of this process (Linux `/proc/self/statm`), nil elsewhere.
    public static func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * 4096
    }
}
