/// Who owns a playbook task. The raw values are Swell's role names (DESIGN §4).
public enum PlaybookRole: String, Sendable, Hashable, Codable, CaseIterable {
    case admin
    case incidentManager = "incident_manager"
    case intake
    case pr
    case executive
}
