public import Foundation

/// An incident as the case store keeps it: one JSON document per incident, plus indexed columns
/// (cluster, state, opening instant). Everything here is free of complainants' personal data.
public struct IncidentRecord: Sendable, Codable, Equatable {
    /// The playbook an incident follows, pinned when it opens: later edits of the playbook file do
    /// not change a running incident's rules silently.
    public struct PlaybookPin: Sendable, Codable, Hashable {
        public var name: String
        public var version: String

        public init(name: String, version: String) {
            self.name = name
            self.version = version
        }
    }

    /// One state the incident entered, when (event time) and by whom.
    public struct StateEntry: Sendable, Codable, Equatable {
        public var state: IncidentState
        public var at: Date
        public var by: String

        public init(state: IncidentState, at: Date, by: String) {
            self.state = state
            self.at = at
            self.by = by
        }
    }

    /// Assigned by the store when the incident is opened.
    public var id: IncidentID?
    public var title: String
    public var clusterId: ClusterID
    /// The warning it was opened from, if any.
    public var warningId: WarningID?
    /// The highest warning level of its cluster seen so far.
    public var level: WarningLevel?
    public var state: IncidentState
    public var playbook: PlaybookPin
    /// Event time of the opening.
    public var openedAt: Date
    /// Who opened it: a caller's name, or `auto-open` for the playbook's rule.
    public var openedBy: String
    /// Every state entered, in order; the first entry is `open` at ``openedAt``.
    public var history: [StateEntry]
    /// Complaints outside the cluster that a person linked to the incident.
    public var linkedComplaints: [ComplaintID]
    /// Complaints of the cluster that a person took out of the incident.
    public var unlinkedComplaints: [ComplaintID]
    public var plan: ResponsePlan?
    public var timing: IncidentTimingRecord
    /// The one to three complainants who speak for the group of a joint complaint (nil: none named; records
    /// stored before representatives existed have none).
    public var representatives: [ComplaintID]?
    /// The post-incident review, once written.
    public var review: IncidentReview?
    /// Set when the incident was closed as a false alarm (then no review is needed).
    public var falseAlarm: FalseAlarm?

    public init(
        title: String, clusterId: ClusterID, warningId: WarningID?, level: WarningLevel?, playbook: PlaybookPin,
        openedAt: Date, openedBy: String, timing: IncidentTimingRecord = IncidentTimingRecord()
    ) {
        self.title = title
        self.clusterId = clusterId
        self.warningId = warningId
        self.level = level
        self.state = .open
        self.playbook = playbook
        self.openedAt = openedAt
        self.openedBy = openedBy
        self.history = [StateEntry(state: .open, at: openedAt, by: openedBy)]
        self.linkedComplaints = []
        self.unlinkedComplaints = []
        self.plan = nil
        self.timing = timing.recording(.opened, at: openedAt)
    }

    /// Whether the incident still runs (every state but closed).
    public var isActive: Bool { state != .closed }

    /// Whether a complaint belongs to the incident, given the cluster it is in.
    public func includes(complaint: ComplaintID, clusterId: ClusterID?) -> Bool {
        if unlinkedComplaints.contains(complaint) { return false }
        return clusterId == self.clusterId || linkedComplaints.contains(complaint)
    }
}

/// The response plan (应对方案): who is affected, what they will ask for, and what the company does.
public struct ResponsePlan: Sendable, Codable, Equatable {
    /// Increases with each edit; an approval names the version it approved.
    public var version: Int
    public var predictedIssues: [String]
    public var text: String
    public var updatedBy: String
    public var updatedAt: Date
    public var approvedBy: String?
    public var approvedAt: Date?

    public init(version: Int, predictedIssues: [String], text: String, updatedBy: String, updatedAt: Date) {
        self.version = version
        self.predictedIssues = predictedIssues
        self.text = text
        self.updatedBy = updatedBy
        self.updatedAt = updatedAt
    }
}

extension EventType {
    public static let incidentOpened = EventType("incident.opened")
    public static let incidentStateChanged = EventType("incident.state_changed")
    public static let incidentEscalated = EventType("incident.level_changed")
    public static let incidentComplaintLinked = EventType("incident.complaint_linked")
    public static let incidentComplaintUnlinked = EventType("incident.complaint_unlinked")
    public static let incidentRepresentativesSet = EventType("incident.representatives_set")
    public static let incidentPlanUpdated = EventType("incident.plan_updated")
    public static let incidentPlanApproved = EventType("incident.plan_approved")
    public static let taskCreated = EventType("task.created")
    public static let taskUpdated = EventType("task.updated")
    public static let taskOverdue = EventType("task.overdue")
    public static let liaisonLogged = EventType("liaison.logged")
    public static let mediaContactLogged = EventType("media_contact.logged")
    public static let statementLogged = EventType("statement.logged")
    public static let offerPublished = EventType("offer.published")
    public static let offerResponded = EventType("offer.response_recorded")
    public static let dailyReportCreated = EventType("daily_report.created")
}
