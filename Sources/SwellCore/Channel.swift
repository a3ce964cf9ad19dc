/// Where a complaint came in.
public enum Channel: String, Sendable, Codable, CaseIterable {
    case hotline, web, email, letter, social, regulator
    case walkIn = "walk_in"
}
