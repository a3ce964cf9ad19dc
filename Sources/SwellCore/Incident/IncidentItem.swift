public import Foundation

/// A record that belongs to one incident: a task, a contact, an offer, a response or a daily report.
/// The store keeps each as a JSON document with its kind, an optional key unique within the incident
/// and kind (a task's key, a report's day, an offer's version), and an instant to order by.
public struct IncidentItem: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case task, liaison, media, statement, offer
        case offerResponse = "offer_response"
        case dailyReport = "daily_report"
    }

    public enum Body: Sendable, Codable, Equatable {
        case task(IncidentTask)
        case liaison(LiaisonContact)
        case media(MediaContact)
        case statement(PublicStatement)
        case offer(PublishedOffer)
        case offerResponse(OfferResponse)
        case dailyReport(StoredDailyReport)
    }

    /// Assigned by the store.
    public var id: Int64?
    public var incidentId: IncidentID
    /// Unique within the incident and kind when set.
    public var key: String?
    public var at: Date
    public var body: Body

    public init(id: Int64? = nil, incidentId: IncidentID, key: String? = nil, at: Date, body: Body) {
        self.id = id
        self.incidentId = incidentId
        self.key = key
        self.at = at
        self.body = body
    }

    public var kind: Kind {
        switch body {
        case .task: .task
        case .liaison: .liaison
        case .media: .media
        case .statement: .statement
        case .offer: .offer
        case .offerResponse: .offerResponse
        case .dailyReport: .dailyReport
        }
    }
}

/// One concrete task of an incident, made from a playbook task template.
public struct IncidentTask: Sendable, Codable, Equatable {
    /// `notify_leadership`, or `daily_report#3` for the third occurrence of a recurring task.
    public var key: String
    public var templateId: String
    public var phaseId: String
    public var titleZh: String
    public var titleEn: String
    /// The role that owns it.
    public var ownerRole: Role
    public var assignee: String?
    public var opensAt: Date
    public var dueAt: Date
    public var status: IncidentTaskStatus
    public var occurrence: Int?
    /// When `task.overdue` was written for it (once per task).
    public var overdueAt: Date?
    public var completedAt: Date?
    public var completedBy: String?
    public var note: String?
    /// Where the task comes from; nil for a playbook task (and for tasks stored before kinds were kept).
    public var kind: IncidentTaskKind?
    /// For a contact's deadline: the liaison or media contact (incident item) that set it.
    public var contactId: Int64?

    public init(
        key: String, templateId: String, phaseId: String, titleZh: String, titleEn: String, ownerRole: Role,
        opensAt: Date, dueAt: Date, occurrence: Int?
    ) {
        self.key = key
        self.templateId = templateId
        self.phaseId = phaseId
        self.titleZh = titleZh
        self.titleEn = titleEn
        self.ownerRole = ownerRole
        self.opensAt = opensAt
        self.dueAt = dueAt
        self.status = .open
        self.occurrence = occurrence
    }
}

/// Where a task of an incident comes from.
public enum IncidentTaskKind: String, Sendable, Codable, CaseIterable {
    /// A task template of the playbook.
    case playbook
    /// A liaison or media contact's `followUpDue`.
    case followUp = "follow_up"
    /// An authority's response deadline on a liaison contact (`responseDue`).
    case authorityResponse = "authority_response"
    /// A corrective action of the post-incident review; it may be worked after the incident closed.
    case correctiveAction = "corrective_action"
}

/// The tone of a media contact or of coverage.
public enum MediaTone: String, Sendable, Codable, CaseIterable {
    case positive, neutral, negative
}

/// Who an authority or organisation is, for the liaison log.
public enum LiaisonBodyKind: String, Sendable, Codable, CaseIterable {
    /// Supervising or regulating authority (文旅局, 市场监管局, 12315/12345/12301).
    case regulator
    /// Other government bodies.
    case government
    case consumerAssociation = "consumer_association"
    case other
}

/// One contact with an authority or organisation (联络记录). No complainant's personal data.
public struct LiaisonContact: Sendable, Codable, Equatable {
    public var at: Date
    public var loggedBy: String
    public var body: String
    public var bodyKind: LiaisonBodyKind
    public var person: String?
    public var channel: String
    /// What was sent (a report, materials), if anything.
    public var sent: String?
    public var summary: String
    /// When we follow this contact up: a `follow_up` task of the incident, owned by the role that logged it.
    public var followUpDue: Date?
    /// The authority's reference number for the case (受理编号, 文号), if it gave one.
    public var referenceNo: String?
    /// The answer the authority asked for is due then: an `authority_response` task of the incident.
    public var responseDue: Date?
    /// The role of whoever logged it (owner of the follow-up); absent on contacts logged before it was kept.
    public var loggedByRole: Role?

    public init(
        at: Date, loggedBy: String, body: String, bodyKind: LiaisonBodyKind, person: String?, channel: String, sent: String?,
        summary: String, followUpDue: Date?, referenceNo: String? = nil, responseDue: Date? = nil, loggedByRole: Role? = nil
    ) {
        self.at = at
        self.loggedBy = loggedBy
        self.body = body
        self.bodyKind = bodyKind
        self.person = person
        self.channel = channel
        self.sent = sent
        self.summary = summary
        self.followUpDue = followUpDue
        self.referenceNo = referenceNo
        self.responseDue = responseDue
        self.loggedByRole = loggedByRole
    }
}

/// One contact with the media, logged by PR.
public struct MediaContact: Sendable, Codable, Equatable {
    public var at: Date
    public var loggedBy: String
    public var outlet: String
    public var journalist: String?
    public var channel: String
    public var inquiry: String
    public var said: String?
    public var tone: MediaTone
    /// When we follow this contact up: a `follow_up` task of the incident, owned by the role that logged it.
    public var followUpDue: Date?
    /// The role of whoever logged it (owner of the follow-up); absent on contacts logged before it was kept.
    public var loggedByRole: Role?

    public init(
        at: Date, loggedBy: String, outlet: String, journalist: String?, channel: String, inquiry: String, said: String?,
        tone: MediaTone, followUpDue: Date?, loggedByRole: Role? = nil
    ) {
        self.at = at
        self.loggedBy = loggedBy
        self.outlet = outlet
        self.journalist = journalist
        self.channel = channel
        self.inquiry = inquiry
        self.said = said
        self.tone = tone
        self.followUpDue = followUpDue
        self.loggedByRole = loggedByRole
    }
}

/// A public statement issued, or a decision about a press conference.
public struct PublicStatement: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case statement
        case pressConference = "press_conference"
        /// A decision (e.g. no press conference for now), with its reasons.
        case decision
    }

    public var at: Date
    public var loggedBy: String
    public var kind: Kind
    public var title: String
    public var text: String
    public var channels: [String]

    public init(at: Date, loggedBy: String, kind: Kind, title: String, text: String, channels: [String]) {
        self.at = at
        self.loggedBy = loggedBy
        self.kind = kind
        self.title = title
        self.text = text
        self.channels = channels
    }
}
