import SwellCore

/// A mention as the API returns it. Mentions are public text, but phone numbers, e-mail addresses and ID numbers
/// inside the title and text are masked for every role.
struct MentionView: Encodable, Sendable {
    var id: MentionID
    var url: String
    var source: MentionSource
    var outlet: String?
    var author: String?
    var title: String?
    var text: String
    var publishedAt: String
    var storedAt: String
    var reach: Int64?
    var engagement: Int64?
    var language: MentionLanguage
    var tone: MediaTone
    var toneScore: Double
    /// Who set the tone by hand, when someone did.
    var toneCorrectedBy: String?
    /// The first mention of its story; nil until the detector has read it.
    var storyId: MentionID?
    /// How many mentions its story holds (this one included).
    var storyCopies: Int?
    var clusterId: ClusterID?
    /// The incident of its cluster (the newest), when there is one.
    var incidentId: IncidentID?
    var match: Match?
    /// Who linked or unlinked it by hand, when someone did.
    var linkDecidedBy: String?

    struct Match: Encodable, Sendable {
        var score: Double?
        var reasons: [String]
    }

    init(_ mention: Mention, storyCopies: Int?, incidentId: IncidentID?) {
        let content = mention.content
        id = mention.id
        url = content.url
        source = content.source
        outlet = content.outlet
        author = content.author
        title = content.title.map(PersonalDataMasking.mask)
        text = PersonalDataMasking.mask(content.text)
        publishedAt = RFC3339.format(content.publishedAt)
        storedAt = RFC3339.format(mention.storedAt)
        reach = content.reach
        engagement = content.engagement
        language = content.language
        tone = mention.tone.tone
        toneScore = mention.tone.score
        toneCorrectedBy = mention.tone.correctedBy
        storyId = mention.storyId
        self.storyCopies = storyCopies
        clusterId = mention.link?.clusterId
        self.incidentId = incidentId
        match = mention.link.map { Match(score: $0.score, reasons: $0.reasons) }
        linkDecidedBy = mention.linkDecidedBy
    }
}

struct MentionList: Encodable, Sendable {
    var items: [MentionView]
    var nextCursor: String?
}
