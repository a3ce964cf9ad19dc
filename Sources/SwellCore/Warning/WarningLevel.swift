/// The four early-warning levels, from blue (level IV, lowest) to red (level I, highest), as in China's
/// public-emergency warning scale. One type for the detector, the playbook, warnings and incidents.
public enum WarningLevel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case blue, yellow, orange, red

    /// The national scale's roman numeral: blue IV … red I.
    public var nationalGrade: String {
        switch self {
        case .blue: "IV"
        case .yellow: "III"
        case .orange: "II"
        case .red: "I"
        }
    }

    var rank: Int {
        switch self {
        case .blue: 0
        case .yellow: 1
        case .orange: 2
        case .red: 3
        }
    }

    public static func < (lhs: WarningLevel, rhs: WarningLevel) -> Bool { lhs.rank < rhs.rank }
}
