import ArgumentParser
import Foundation
import SwellCore
import SwellDetection
import SwellEngine
import SwellServer

/// `swell replay FILE.ndjson`: runs the detection engine over a complaint stream offline, in file order, with
/// the same validation, playbook thresholds and window as `swell serve`, so a company can backtest thresholds
/// on last year's complaints. Writes NDJSON to stdout (or `--output`):
///   {"type":"placement","line":…,"complaintId":…,"externalId":…,"clusterId":…,"similarity":…,"createdCluster":…}
///   {"type":"merge","absorbed":…,"surviving":…,"line":…}
///   {"type":"warning","clusterId":…,"kind":…,"level":…,"rule":…,"triggeringComplaintId":…,"triggeringExternalId":…,…}
///   {"type":"final","complaintId":…,"externalId":…,"clusterId":…}   one per complaint at the end, after merges
/// Complaint ids are numbered 1, 2, … in file order (skipping rejected lines and repeated externalIds), as an
/// empty store would number them when the same file is posted in order.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay", abstract: "Backtest detection on an NDJSON complaint stream, offline.")

    @Argument(help: "NDJSON complaints (the intake contract), in arrival order.") var file: String
    @OptionGroup var playbook: PlaybookOptions
    @Option(help: "Write the results here instead of stdout.") var output: String?

    func run() async throws {
        let settings = DetectionSettings.configuration(from: try playbook.load(), window: try playbook.windowSeconds())
        let total = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int64) ?? nil
        let sink = try ReplaySink(path: output)
        var replay = Replay(configuration: settings)
        var lines = try LineReader(path: file)
        defer { lines.close() }
        let started = Date()
        let decoder = JSONDecoder()
        while let data = try lines.next() {
            guard data.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
            // The intake's scanner reads the usual line; anything else (and any line that is not UTF-8) goes to the
            // decoder, as on intake.
            let scanned = String(validating: data, as: UTF8.self) != nil ? ComplaintJSONScanner.submission(in: data) : nil
            let submission = scanned ?? (try? decoder.decode(ComplaintSubmission.self, from: data))
            guard let submission, case .success(let complaint) = ComplaintValidator.validate(submission, now: Date()) else {
                replay.rejected += 1
                continue
            }
            try replay.take(complaint, line: lines.lineNumber, into: sink)
            if lines.lineNumber % 2_000 == 0 {
                Console.progress(ProgressBar.render(done: lines.bytesConsumed, total: total ?? 0, started: started))
            }
        }
        try replay.finish(into: sink)
        sink.close()
        Console.progress(ProgressBar.render(done: lines.bytesConsumed, total: total ?? 0, started: started), final: true)
        Console.error("replayed \(replay.placed) complaints (\(replay.rejected) rejected, \(replay.duplicates) repeated), "
            + "\(replay.warnings) warnings, in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }
}

/// The replay's state: the detector, ids in file order, and the merge chain to resolve final clusters.
struct Replay {
    var detector: Detector
    var externalIds: [String] = []
    var seenExternalIds: Set<String> = []
    var placedCluster: [Int64] = []
    var mergedInto: [Int64: Int64] = [:]
    var rejected = 0
    var duplicates = 0
    var warnings = 0
    var placed: Int { externalIds.count }

    init(configuration: DetectorConfiguration) {
        detector = Detector(configuration: configuration)
    }

    mutating func take(_ complaint: NewComplaint, line lineNumber: Int, into sink: ReplaySink) throws {
        guard seenExternalIds.insert(complaint.externalId).inserted else {
            duplicates += 1
            return
        }
        let id = Int64(externalIds.count + 1)
        externalIds.append(complaint.externalId)
        let placement = detector.place(DetectionMapping.input(complaint, id: ComplaintID(id)))
        placedCluster.append(placement.clusterId)
        for merge in placement.merges {
            mergedInto[merge.absorbed] = merge.surviving
            try sink.write(["type": "merge", "absorbed": merge.absorbed, "surviving": merge.surviving, "line": lineNumber])
        }
        var placed = CompactJSONObject()  // keys in order, as in the sorted-key lines around it
        placed.add("clusterId", placement.clusterId)
        placed.add("complaintId", id)
        placed.add("createdCluster", placement.createdCluster)
        placed.add("externalId", complaint.externalId)
        placed.add("line", lineNumber)
        placed.add("similarity", (placement.similarity * 1000).rounded() / 1000)
        placed.add("type", "placement")
        sink.write(line: placed.json)
        for decision in placement.warnings {
            warnings += 1
            let trigger = Int(decision.triggeringComplaintId) - 1
            try sink.write([
                "type": "warning", "clusterId": decision.clusterId, "kind": decision.kind.rawValue,
                "level": decision.level.rawValue, "previousLevel": decision.previousLevel.map { $0.rawValue as Any } ?? NSNull(),
                "rule": decision.rule, "raisedAt": RFC3339.format(decision.at),
                "triggeringComplaintId": decision.triggeringComplaintId,
                "triggeringExternalId": externalIds.indices.contains(trigger) ? externalIds[trigger] : "",
                "complaintCount": decision.complaintCount, "distinctComplainants": decision.distinctComplainants,
                "reasons": decision.reasons.map { ["code": $0.code, "detail": $0.detail] },
            ])
        }
    }

    /// One `final` line per complaint: its cluster after every merge.
    func finish(into sink: ReplaySink) throws {
        for (index, cluster) in placedCluster.enumerated() {
            var final = cluster
            var hops = 0
            while let next = mergedInto[final], hops < 10_000 {
                final = next
                hops += 1
            }
            var resolved = CompactJSONObject()
            resolved.add("clusterId", final)
            resolved.add("complaintId", index + 1)
            resolved.add("externalId", externalIds[index])
            resolved.add("type", "final")
            sink.write(line: resolved.json)
        }
    }
}

/// Buffered NDJSON output.
final class ReplaySink {
    private let handle: FileHandle
    private var buffer = Data()

    init(path: String?) throws {
        if let path {
            guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
                throw ValidationError("cannot write \(path)")
            }
            self.handle = handle
        } else {
            handle = FileHandle.standardOutput
        }
    }

    func write(_ object: [String: Any]) throws {
        buffer.append(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
        endLine()
    }

    /// A line already written as JSON (the two lines written per complaint, without `JSONSerialization`).
    func write(line: String) {
        buffer.append(contentsOf: line.utf8)
        endLine()
    }

    private func endLine() {
        buffer.append(0x0A)
        if buffer.count > 1 << 20 { flush() }
    }

    func flush() {
        handle.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func close() {
        flush()
        if handle !== FileHandle.standardOutput { try? handle.close() }
    }
}
