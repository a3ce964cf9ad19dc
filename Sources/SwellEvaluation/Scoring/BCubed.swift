/// B-cubed precision, recall and F1 of a clustering against true labels.
public struct BCubed: Sendable, Equatable, Codable {
    public var precision: Double
    public var recall: Double
    public var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }

    /// Scores `clusters` (item → cluster) against `labels` (item → true group). Averages run over
    /// the items `isCounted` accepts (all by default); cluster and group sizes always count every item.
    public static func score(
        clusters: [Int64: Int64], labels: [Int64: Int64], isCounted: (Int64) -> Bool = { _ in true }
    ) -> BCubed {
        var clusterSize: [Int64: Int] = [:]
        var labelSize: [Int64: Int] = [:]
        var overlap: [Pair: Int] = [:]
        for (item, cluster) in clusters {
            guard let label = labels[item] else { continue }
            clusterSize[cluster, default: 0] += 1
            labelSize[label, default: 0] += 1
            overlap[Pair(cluster: cluster, label: label), default: 0] += 1
        }
        var precision = 0.0
        var recall = 0.0
        var counted = 0
        for (item, cluster) in clusters {
            guard let label = labels[item], isCounted(item), let both = overlap[Pair(cluster: cluster, label: label)],
                let size = clusterSize[cluster], let truth = labelSize[label]
            else { continue }
            precision += Double(both) / Double(size)
            recall += Double(both) / Double(truth)
            counted += 1
        }
        guard counted > 0 else { return BCubed(precision: 0, recall: 0) }
        return BCubed(precision: precision / Double(counted), recall: recall / Double(counted))
    }

    private struct Pair: Hashable {
        var cluster: Int64
        var label: Int64
    }
}
