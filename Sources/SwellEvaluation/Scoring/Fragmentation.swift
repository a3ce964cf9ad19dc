import Foundation

/// How whole each incident ends up: the share of its complaints in its largest cluster, and in how many clusters
/// its complaints lie, summed up per kind of incident (slow ones apart), so a change can be read for what it
/// fixes and what it breaks.
public struct FragmentationReport: Sendable {
    public struct Row: Sendable {
        public var kind: String
        public var incidents: Int
        /// Mean share of an incident's complaints in its largest cluster.
        public var meanMainShare: Double
        /// Incidents whose largest cluster holds under half of them.
        public var split: Int
        /// Mean number of clusters holding an incident's complaints.
        public var meanPieces: Double
    }

    public var rows: [Row]

    /// Incidents of at least `minimumSize` complaints, by kind (`kind`, or `kind (slow)`).
    static func measure(_ stream: GeneratedStream, clusterOf: [Int64: Int64], minimumSize: Int = 8) -> FragmentationReport {
        var byIncident: [Int64: [Int64]] = [:]
        for complaint in stream.complaints where complaint.label > 0 {
            byIncident[complaint.label, default: []].append(complaint.input.complaintId)
        }
        var grouped: [String: [(share: Double, pieces: Int)]] = [:]
        for truth in stream.incidents {
            guard let members = byIncident[truth.id], members.count >= minimumSize else { continue }
            var counts: [Int64: Int] = [:]
            for id in members { counts[clusterOf[id] ?? -id, default: 0] += 1 }
            let share = Double(counts.values.max() ?? 0) / Double(members.count)
            grouped[truth.slow ? truth.kind + " (slow)" : truth.kind, default: []].append((share, counts.count))
        }
        let rows = grouped.map { kind, values in
            Row(
                kind: kind, incidents: values.count, meanMainShare: values.map(\.share).reduce(0, +) / Double(values.count),
                split: values.filter { $0.share < 0.5 }.count,
                meanPieces: Double(values.map(\.pieces).reduce(0, +)) / Double(values.count))
        }
        return FragmentationReport(rows: rows.sorted { $0.meanMainShare < $1.meanMainShare })
    }
}

extension FragmentationReport {
    /// One split incident for a person to read: its kind, how much its largest cluster holds, and the texts of a
    /// few complaints that ended up outside it (with the size of the cluster each is in).
    public struct Example: Sendable {
        public var kind: String
        public var size: Int
        public var mainShare: Double
        public var outside: [(clusterSize: Int, text: String)]
    }

    /// The `limit` incidents (of 8+) with the smallest main share, each with up to `texts` outside complaints.
    public static func examples(
        _ stream: GeneratedStream, clusterOf: [Int64: Int64], limit: Int, texts: Int = 6
    ) -> [Example] {
        var byIncident: [Int64: [LabelledComplaint]] = [:]
        for complaint in stream.complaints where complaint.label > 0 { byIncident[complaint.label, default: []].append(complaint) }
        var sizes: [Int64: Int] = [:]
        for cluster in clusterOf.values { sizes[cluster, default: 0] += 1 }
        var examples: [Example] = []
        for truth in stream.incidents {
            guard let members = byIncident[truth.id], members.count >= 8 else { continue }
            var counts: [Int64: Int] = [:]
            for complaint in members { counts[clusterOf[complaint.input.complaintId] ?? -1, default: 0] += 1 }
            guard let main = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key else { continue }
            let outside = members.filter { clusterOf[$0.input.complaintId] != main }.prefix(texts).map { complaint in
                (clusterSize: sizes[clusterOf[complaint.input.complaintId] ?? -1] ?? 0,
                 text: String(complaint.input.text.prefix(70)) + " | " + [complaint.input.product, complaint.input.departure].compactMap { $0 }.joined(separator: " "))
            }
            examples.append(Example(
                kind: truth.kind + (truth.slow ? " (slow)" : ""), size: members.count,
                mainShare: Double(counts[main] ?? 0) / Double(members.count), outside: Array(outside)))
        }
        return Array(examples.sorted { $0.mainShare < $1.mainShare }.prefix(limit))
    }
}
