import ArgumentParser
import Foundation
import SwellCore
import SwellEvaluation

/// `swell generate`: writes a labelled synthetic complaint stream in the intake contract's NDJSON, for demos,
/// backtests (`swell replay`), imports and benchmarks. Deterministic by seed.
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", abstract: "Write a labelled synthetic complaint stream (NDJSON, intake contract).")

    @Option(help: "Random seed; the same seed gives the same stream.") var seed: UInt64 = 1
    @Option(help: "Number of true incidents (group complaints).") var incidents = 40
    @Option(help: "Number of unrelated background complaints.") var background = 3_000
    @Option(help: "Days the stream spans.") var days = 30
    @Option(help: "Where to write the complaints (default stdout).") var output: String?
    @Option(help: "Where to write the truth: one line per complaint with its incident label (0 = background).")
    var labels: String?

    func run() async throws {
        let stream = StreamGenerator.generate(StreamSpec(seed: seed, incidents: incidents, background: background, days: days))
        let complaints = try ReplaySink(path: output)
        let truth = try labels.map { try ReplaySink(path: $0) }
        let channels = Channel.allCases
        for item in stream.complaints {
            let input = item.input
            var object: [String: Any] = [
                "externalId": "gen-\(seed)-\(input.complaintId)", "receivedAt": RFC3339.format(input.receivedAt),
                "channel": channels[Int(input.complaintId % Int64(channels.count))].rawValue, "text": input.text,
            ]
            if let key = input.complainantKey {
                object["complainant"] = ["phone": "139" + String(format: "%08d", abs(key.hashValueStable) % 100_000_000)]
            }
            if let product = input.product { object["product"] = product }
            if let departure = input.departure, CalendarDate(departure) != nil { object["departure"] = departure }
            if let supplier = input.supplier { object["supplier"] = supplier }
            if let demand = input.demand { object["demand"] = demand }
            try complaints.write(object)
            try truth?.write(["externalId": "gen-\(seed)-\(input.complaintId)", "label": item.label])
        }
        complaints.close()
        truth?.close()
        Console.error("wrote \(stream.complaints.count) complaints (\(stream.incidents.count) incidents)")
    }
}

extension String {
    /// FNV-1a: a hash that is the same in every process (Swift's `hashValue` is seeded per process).
    var hashValueStable: Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return Int(truncatingIfNeeded: hash >> 1)
    }
}
