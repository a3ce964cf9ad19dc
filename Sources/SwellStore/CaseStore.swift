import Foundation
import SwellCore

/// The durable case store: complaints, the event log (the spine), tokens and follower checkpoints.
/// Every state change is written in the same transaction as its event. Implemented on SQLite and PostgreSQL;
/// the server and the CLI only see this protocol.
public protocol CaseStore: Sendable {
    /// Stores complaints in one transaction, each with a `complaint.received` event. A complaint whose
    /// `externalId` is already stored (or repeated earlier in the same batch) is not stored again: its outcome
    /// is `.duplicate` with the stored complaint, and no event is written for it.
    func ingest(_ complaints: [NewComplaint], at: Date) async throws -> [IngestOutcome]

    func complaint(_ id: ComplaintID) async throws -> Complaint?
    func complaints(_ query: ComplaintQuery) async throws -> ComplaintPage
    /// Complaints by id, in no particular order; ids not found are left out.
    func complaints(ids: [ComplaintID]) async throws -> [Complaint]

    /// Events with `seq > after`, in order, at most `limit`.
    func events(after seq: Int64, limit: Int) async throws -> [Event]
    /// The sequence number of the last event, 0 for an empty log.
    func lastEventSeq() async throws -> Int64

    /// Applies a follower's changes and moves its checkpoint in one transaction, returning the appended events.
    func apply(_ changes: [StoreChange], checkpoint: FollowerCheckpoint?) async throws -> [Event]
    /// The last sequence number a follower has handled, 0 if it never ran.
    func checkpoint(of follower: String) async throws -> Int64

    /// Clusters, most recently growing first; merged clusters are left out unless asked for.
    func clusters(limit: Int, includeMerged: Bool) async throws -> [ClusterSnapshot]
    func cluster(_ id: ClusterID) async throws -> ClusterSnapshot?
    /// How many of a cluster's complaints were received on each UTC day, oldest first.
    func clusterDailyCounts(_ id: ClusterID) async throws -> [DailyCount]
    /// Complaints per UTC hour by `receivedAt`, over the `hours` hours ending with the hour of the newest
    /// complaint (event time, not the wall clock): oldest first, empty hours as 0. Empty when nothing is stored.
    func hourlyComplaintCounts(hours: Int) async throws -> [HourlyCount]
    /// Live (not merged) clusters standing at a warning level, counted by the state of each one's newest warning
    /// record: `[.open: 2]` means two clusters wait for a person. States no cluster is in are left out.
    func warnedClusterCounts() async throws -> [WarningState: Int]
    /// Warnings with their handling, newest first, optionally of one cluster and only in one state.
    func warnings(limit: Int, clusterId: ClusterID?, state: WarningState?) async throws -> [WarningRecord]
    func warning(_ id: WarningID) async throws -> WarningRecord?
    /// Pairs of clusters a person separated (split or move), which the detector must never merge again.
    func clusterSeparations() async throws -> [(ClusterID, ClusterID)]
    /// Placed complaints received at or after `receivedFrom`, by ascending id after `afterId`: the detector's rebuild.
    func placedComplaints(receivedFrom: Date, afterId: ComplaintID, limit: Int) async throws -> [Complaint]
    /// The highest cluster id ever stored, so new clusters never reuse one.
    func lastClusterId() async throws -> ClusterID?
    /// The newest `receivedAt` among placed complaints: where the detector's window ended.
    func latestPlacedReceivedAt() async throws -> Date?

    /// One incident, if it exists.
    func incident(_ id: IncidentID) async throws -> IncidentRecord?
    /// Incidents, newest first: only those not closed when `activeOnly`, only one cluster's when given.
    func incidents(activeOnly: Bool, clusterId: ClusterID?) async throws -> [IncidentRecord]
    /// An incident's items of one kind, oldest `at` first (then by id).
    func incidentItems(_ incident: IncidentID, kind: IncidentItem.Kind) async throws -> [IncidentItem]
    /// One incident item by its id, if it exists.
    func incidentItem(_ id: Int64) async throws -> IncidentItem?

    // MARK: Cases

    /// The stored case of a complaint; nil when nothing happened to it yet (it is then `received`).
    func complaintCase(_ id: ComplaintID) async throws -> ComplaintCase?
    /// Stored cases of these complaints, in no particular order; complaints without one are left out.
    func complaintCases(ids: [ComplaintID]) async throws -> [ComplaintCase]
    /// Stored cases assigned to one person, by complaint id.
    func complaintCases(assignee: String) async throws -> [ComplaintCase]

    // MARK: Mentions

    /// Stores mentions in one transaction, each with a `mention.received` event. A mention whose normalised URL is
    /// already stored (or repeated earlier in the same batch) is not stored again: its outcome is `.duplicate` with
    /// the stored mention, and no event is written for it.
    func ingestMentions(_ mentions: [NewMention], at: Date) async throws -> [MentionOutcome]
    func mention(_ id: MentionID) async throws -> Mention?
    /// Mentions by id, in no particular order; ids not found are left out.
    func mentions(ids: [MentionID]) async throws -> [Mention]
    /// Mentions newest published first (then by id), filtered, paged.
    func mentions(_ query: MentionQuery) async throws -> MentionPage
    /// Mentions published at or after `publishedFrom`, by ascending id after `afterId`: the detector's rebuild.
    func mentions(publishedFrom: Date, afterId: MentionID, limit: Int) async throws -> [Mention]
    /// How many mentions each of these stories holds; stories without any are left out.
    func storySizes(_ stories: [MentionID]) async throws -> [MentionID: Int]
    /// Registered RSS/Atom feeds, oldest first; deleted ones only when asked for.
    func mentionFeeds(includeDeleted: Bool) async throws -> [MentionFeed]
    func mentionFeed(_ id: MentionFeedID) async throws -> MentionFeed?

    // MARK: Playbooks

    /// Every playbook version that ran on this store, oldest first.
    func playbookVersions() async throws -> [PlaybookVersion]
    func playbookVersion(name: String, version: String) async throws -> PlaybookVersion?

    // MARK: Retention

    /// Complaints whose personal data is still kept and is due for erasure: their case closed before `closedBefore`,
    /// or they have no case (nobody acted on them) and were received before `receivedBefore`. By id, at most `limit`.
    func complaintsPastRetention(closedBefore: Date, receivedBefore: Date, limit: Int) async throws -> [ComplaintID]

    // MARK: Notifications

    /// Channels, oldest first; deleted ones only when asked for.
    func notificationChannels(includeDeleted: Bool) async throws -> [NotificationChannel]
    func notificationChannel(_ id: ChannelID) async throws -> NotificationChannel?
    /// Deliveries, newest first, optionally of one state and one channel, with ids below `before`.
    func deliveries(state: DeliveryState?, channel: ChannelID?, before: DeliveryID?, limit: Int) async throws -> [Delivery]
    /// Pending and failed deliveries whose next attempt is due at `now`, soonest first.
    func dueDeliveries(at now: Date, limit: Int) async throws -> [Delivery]
    /// The soonest next attempt among pending and failed deliveries.
    func nextDeliveryAttempt() async throws -> Date?

    // MARK: Idempotency keys

    /// The answer first given to a request with this scope (token and `Idempotency-Key`), if one was kept.
    func idempotentResponse(scope: String) async throws -> StoredResponse?
    /// Keeps the first answer of a scope (a second one for the same scope is ignored) and forgets answers kept
    /// before `expiredBefore`.
    func keepIdempotentResponse(_ response: StoredResponse, expiredBefore: Date) async throws

    func createToken(name: String, role: Role, tokenHash: String, at: Date) async throws -> TokenID
    /// Revokes the live token with that name; false when there is none.
    func revokeToken(named name: String, at: Date) async throws -> Bool
    func caller(forTokenHash tokenHash: String) async throws -> Caller?
    func tokens() async throws -> [TokenInfo]

    /// Runs `body` while this process holds the exclusive role `name` among every process sharing the store
    /// (the detector and the scheduler run in one instance only). Waits until the role is free; if the role is
    /// lost (the holder's connection to the store broke), `body` is cancelled and this throws.
    func withExclusiveRole(_ name: String, _ body: @escaping @Sendable () async throws -> Void) async throws

    /// Fails when the store cannot be reached.
    func ping() async throws
    /// Flushes and closes the store; no call may follow.
    func close() async throws
    /// Woken after each commit that appended events (in this process, and from others where the backend can).
    var signal: EventSignal { get }
}

public enum IngestOutcome: Sendable, Equatable {
    case created(Complaint)
    case duplicate(Complaint)

    public var complaint: Complaint {
        switch self {
        case .created(let complaint), .duplicate(let complaint): complaint
        }
    }

    public var isCreated: Bool {
        if case .created = self { true } else { false }
    }
}

/// One state change a follower asks the store to make, alongside the events it appends.
public enum StoreChange: Sendable, Equatable {
    case appendEvent(EventDraft)
    case assignCluster(ComplaintID, ClusterID?)
    /// Moves every complaint (and every linked mention) of one cluster to another (a merge).
    case reassignCluster(from: ClusterID, to: ClusterID)
    /// Inserts or replaces a cluster's snapshot.
    case saveCluster(ClusterSnapshot)
    /// Stores a warning (open) and appends its `warning.raised`/`warning.escalated` event carrying the new id.
    case raiseWarning(WarningRecord, at: Date)
    /// A person's action on a warning (acknowledge, dismiss): moves that record and the earlier records of its
    /// cluster that allow it (`WarningThread`) and appends the action's event. When the warning is unknown or does
    /// not allow the action, the whole transaction is refused with `WarningHandlingError`.
    case handleWarning(WarningID, WarningAction)
    /// Links every warning of the cluster not yet linked to an incident to `incident` and appends `warning.linked`
    /// (nothing when none moves). `incident` nil names the incident stored by the `openIncident` change before it
    /// in the same call.
    case linkWarnings(ClusterID, incident: IncidentID?, at: Date)
    /// Records that a person separated two clusters.
    case separateClusters(ClusterID, ClusterID)
    /// Stores a new incident and appends `event` with the new id as its `incidentId` and as `id` in its payload.
    /// At most one incident that is not closed may exist per cluster.
    case openIncident(IncidentRecord, event: EventDraft)
    /// Replaces a stored incident (document and state).
    case saveIncident(IncidentRecord)
    /// Stores a new incident item; `event`, when given, is appended with the new id as `id` in its payload.
    /// A key already stored for the same incident and kind is refused (the transaction fails).
    case addIncidentItem(IncidentItem, event: EventDraft?)
    /// Replaces a stored incident item's document.
    case saveIncidentItem(IncidentItem)
    /// Stores a complaint's case with the events of the change. `case.version` is the new version: 1 stores a
    /// first case, n replaces version n − 1. Any other stored version refuses the whole transaction with
    /// `StoreError.caseMoved` (someone else changed the case since it was read). Boxed (`indirect`): with the large
    /// payload stored inline, a debug build of Swift 6 read other cases' payloads wrongly in one test (a crash in
    /// `PostgresCaseStoreTests.copyingFromSQLiteKeepsWarningHandling`); boxed, the enum stays small.
    indirect case saveCase(ComplaintCase, at: Date, events: [EventDraft])
    /// The detector's reading of a mention: its story, and its link to a cluster unless a person decided the link
    /// (then the link is left as the person set it). Boxed, as `saveCase` is: large payloads inline make the enum
    /// large, and a debug build of Swift 6 then reads other cases' payloads wrongly (see `saveCase`).
    indirect case matchMention(MentionID, story: MentionID, link: MentionLink?)
    /// A person's correction of a mention: its tone, its link, or both (nil leaves that part as it is). A link
    /// change records `by` as the one who decided it, so the detector leaves it alone from then on. Boxed.
    indirect case correctMention(MentionID, tone: ToneReading?, link: MentionLinkChange?, by: String)
    /// Stores a new mention feed and appends `event` with the new id as `id` in its payload. Boxed.
    indirect case addMentionFeed(MentionFeed, event: EventDraft)
    /// Replaces a stored mention feed (a person's change: its deletion, a poll asked for). Boxed.
    indirect case saveMentionFeed(MentionFeed)
    /// The poller's record of a poll: replaces the feed only while it is not deleted, so a feed deleted during a
    /// poll stays deleted. Boxed.
    indirect case recordMentionFeedPoll(MentionFeed)
    /// Keeps a playbook version for good and appends its `playbook.recorded` event; a name and version already
    /// kept are left as they are (the caller compares hashes first). Boxed.
    indirect case recordPlaybook(PlaybookVersion)
    /// Erases the personal data of these complaints for good: the complainant's name, phone and e-mail, and in the
    /// text and demand every phone number, e-mail address, ID number and the complainant's own name (see
    /// `PersonalDataMasking.erase`); the search index follows. Marks them erased. Boxed.
    indirect case erasePersonalData([ComplaintID], at: Date)
    /// Stores a new notification channel and appends `event` with the new id as `id` in its payload. A live
    /// channel with the same name is refused (`StoreError.channelNameTaken`).
    case addChannel(NotificationChannel, event: EventDraft)
    /// Replaces a stored channel (its settings, enabled flag, or its deletion).
    case saveChannel(NotificationChannel)
    /// Stores a new delivery, unless one exists for the same event and channel (then nothing happens).
    case addDelivery(Delivery)
    /// Replaces a stored delivery (an attempt's outcome).
    case saveDelivery(Delivery)
}

extension CaseStore {
    /// The cluster that holds `cluster`'s complaints (and mentions) now: itself, or the one it was merged into,
    /// followed through later merges.
    public func liveCluster(_ cluster: ClusterID) async throws -> ClusterID {
        var current = cluster
        for _ in 0..<32 {
            guard let next = try await self.cluster(current)?.mergedInto else { return current }
            current = next
        }
        return current
    }

    /// Warnings in every state, newest first, optionally of one cluster.
    public func warnings(limit: Int, clusterId: ClusterID?) async throws -> [WarningRecord] {
        try await warnings(limit: limit, clusterId: clusterId, state: nil)
    }
}

/// How a person changes a mention's link.
public enum MentionLinkChange: Sendable, Equatable {
    case link(MentionLink)
    case unlink
}

/// Where a follower's checkpoint moves with its changes. With `from`, the move is compare-and-set: it happens only
/// when the stored checkpoint is still `from` (what the follower read), else the whole transaction is refused
/// (`StoreError.checkpointMoved`), so a holder that lost its role and still writes cannot apply anything twice.
public struct FollowerCheckpoint: Sendable, Equatable {
    public var follower: String
    public var seq: Int64
    /// The checkpoint the follower started from; nil moves it unconditionally (tools and tests that rewind).
    public var from: Int64?

    public init(follower: String, seq: Int64, from: Int64? = nil) {
        self.follower = follower
        self.seq = seq
        self.from = from
    }
}

public struct TokenInfo: Sendable, Equatable {
    public var id: TokenID
    public var name: String
    public var role: Role
    public var createdAt: Date
    public var revokedAt: Date?
}

public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A token with that name is already live.
    case tokenNameTaken(String)
    /// A notification channel with that name exists (and is not deleted).
    case channelNameTaken(String)
    /// A follower's checkpoint is no longer where the follower read it: another instance moved it.
    case checkpointMoved(follower: String, expected: Int64, found: Int64)
    /// A complaint's case changed since it was read (another request or instance wrote it first).
    case caseMoved(ComplaintID)
    /// A stored value could not be read back (a corrupt or foreign database).
    case corruptRow(table: String, detail: String)
    /// The store URL or path is not usable.
    case badLocation(String)
    /// The store was closed (shutting down).
    case closed
    /// The database cannot be reached or is overloaded right now (connection refused or lost, no pooled
    /// connection in time, disk full, locked too long). Nothing was changed by the failed call, or (when the
    /// connection broke during a commit) possibly it was: intake is idempotent, so retrying is always safe.
    case unavailable(String)

    public var description: String {
        switch self {
        case .tokenNameTaken(let name): "a live token named \(name) already exists"
        case .channelNameTaken(let name): "a notification channel named \(name) already exists"
        case .checkpointMoved(let follower, let expected, let found):
            "the \(follower) checkpoint is at \(found), not \(expected): another instance moved it"
        case .caseMoved(let id): "the case of complaint \(id) changed since it was read"
        case .corruptRow(let table, let detail): "unreadable row in \(table): \(detail)"
        case .badLocation(let detail): detail
        case .closed: "the case store is closed"
        case .unavailable(let detail): "the case store is unavailable: \(detail)"
        }
    }
}

/// A request's first answer, kept for its `Idempotency-Key`.
public struct StoredResponse: Sendable, Equatable {
    /// The token and the key (hashed), so one caller's key never answers another's request.
    public var scope: String
    /// SHA-256 of the method, path and body: the same key with another request is refused.
    public var fingerprint: String
    public var status: Int
    public var contentType: String?
    public var body: String
    public var createdAt: Date

    public init(scope: String, fingerprint: String, status: Int, contentType: String?, body: String, createdAt: Date) {
        self.scope = scope
        self.fingerprint = fingerprint
        self.status = status
        self.contentType = contentType
        self.body = body
        self.createdAt = createdAt
    }
}
