/// The four early-warning levels, from blue (level IV, lowest) to red (level I, highest),
/// as in China's public-emergency warning scale.
public enum PlaybookWarningLevel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
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

    public static func < (lhs: Self, rhs: Self) -> Bool {
        let order = allCases
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }
}
