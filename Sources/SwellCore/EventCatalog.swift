/// Every kind of event the log can hold, in one list, so a subscriber's choice of types (`warning.*`) can be
/// checked against what exists instead of silently matching nothing. A test reads the sources and fails when a
/// new `EventType` is declared without being listed here.
extension EventType {
    /// A notification was delivered, or gave up (`dead`) after its retries.
    public static let notificationSent = EventType("notification.sent")
    public static let notificationDead = EventType("notification.dead")
    public static let channelCreated = EventType("notification_channel.created")
    public static let channelUpdated = EventType("notification_channel.updated")
    public static let channelDeleted = EventType("notification_channel.deleted")
    /// A retention run erased complainants' personal data (counts only).
    public static let retentionApplied = EventType("retention.applied")

    public static let catalog: [EventType] = [
        .complaintReceived,
        .caseAssigned, .caseContactLogged, .caseReferred, .caseStateChanged,
        .clusterCreated, .clusterUpdated, .clusterMerged, .clusterSplit, .complaintMoved,
        .warningRaised, .warningEscalated, .warningAcknowledged, .warningDismissed, .warningLinked,
        .incidentOpened, .incidentStateChanged, .incidentEscalated, .incidentComplaintLinked, .incidentComplaintUnlinked,
        .incidentPlanUpdated, .incidentPlanApproved, .incidentRepresentativesSet, .incidentReviewUpdated,
        .taskCreated, .taskUpdated, .taskOverdue,
        .offerPublished, .offerResponded,
        .liaisonLogged, .mediaContactLogged, .statementLogged, .dailyReportCreated,
        .mentionReceived, .mentionMatched, .mentionCorrected, .mentionsSpike,
        .mentionFeedCreated, .mentionFeedDeleted, .mentionFeedPollRequested, .mentionFeedPolled,
        .notificationSent, .notificationDead, .channelCreated, .channelUpdated, .channelDeleted,
        .retentionApplied, .playbookRecorded,
        .tokenCreated, .tokenRevoked,
    ]
}
