/// Who a caller is in the organisation; decides what they may do and see.
public enum Role: String, Sendable, Codable, CaseIterable {
    case admin
    case incidentManager = "incident_manager"
    case intake
    case pr
    case executive

    /// Only these roles ever see complainants' personal data.
    public var seesPersonalData: Bool {
        switch self {
        case .admin, .incidentManager, .intake: true
        case .pr, .executive: false
        }
    }

    public func may(_ action: Action) -> Bool {
        switch action {
        case .readCases, .readFeed: true
        case .submitComplaints, .handleCases: [.admin, .incidentManager, .intake].contains(self)
        case .correctClusters, .runIncidents: [.admin, .incidentManager].contains(self)
        case .logContacts, .recordMentions: [.admin, .incidentManager, .pr].contains(self)
        case .administer: self == .admin
        }
    }
}

/// Things a caller may be allowed to do.
public enum Action: String, Sendable, CaseIterable {
    /// Read complaints, clusters, warnings, incidents and the summary (personal data only per role).
    case readCases
    /// Subscribe to the live feed.
    case readFeed
    /// Record complaints.
    case submitComplaints
    /// Acknowledge, answer, close and assign complainants' cases and log contacts with them.
    case handleCases
    /// Move, split and merge clusters.
    case correctClusters
    /// Open and run incidents: tasks, plans, offers.
    case runIncidents
    /// Log liaison and media contacts and statements.
    case logContacts
    /// Record public mentions (news, social posts), correct their tone and link them to clusters.
    case recordMentions
    /// Manage tokens and playbooks.
    case administer
}

/// An authenticated caller.
public struct Caller: Sendable, Equatable {
    public var tokenId: TokenID
    public var name: String
    public var role: Role

    public init(tokenId: TokenID, name: String, role: Role) {
        self.tokenId = tokenId
        self.name = name
        self.role = role
    }
}
