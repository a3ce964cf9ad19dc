/// Severity of a group-complaint warning; blue is the lowest, red the highest.
public enum WarningLevel: String, Sendable, Codable, Comparable, CaseIterable {
    case blue, yellow, orange, red

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
