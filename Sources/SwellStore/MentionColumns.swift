import Foundation
import SwellCore

/// The mention table's columns in select order (the same on both back ends), and how their values become a
/// `Mention`.
enum MentionColumns {
    static let list = """
        id, storedAt, tone, toneScore, toneCorrectedBy, storyId, clusterId, matchScore, matchReasons, linkDecidedBy, record
        """

    /// One row's values, as either back end reads them.
    struct Values {
        var id: Int64
        var storedAt: Int64
        var tone: String
        var toneScore: Double
        var toneCorrectedBy: String?
        var storyId: Int64?
        var clusterId: Int64?
        var matchScore: Double?
        var matchReasons: String?
        var linkDecidedBy: String?
        var record: String
    }

    static func decode(_ values: Values) throws -> Mention {
        guard let tone = MediaTone(rawValue: values.tone) else {
            throw StoreError.corruptRow(table: "mention", detail: "unknown tone \(values.tone)")
        }
        let content = try StoredJSON.decode(MentionContent.self, from: values.record, table: "mention")
        let link = try values.clusterId.map { cluster in
            MentionLink(
                clusterId: ClusterID(cluster), score: values.matchScore,
                reasons: try values.matchReasons.map { try StoredJSON.decode([String].self, from: $0, table: "mention") } ?? [])
        }
        return Mention(
            id: MentionID(values.id), storedAt: Date(millisecondsSince1970: values.storedAt), content: content,
            tone: ToneReading(tone: tone, score: values.toneScore, correctedBy: values.toneCorrectedBy),
            storyId: values.storyId.map { MentionID($0) }, link: link, linkDecidedBy: values.linkDecidedBy)
    }

    /// The reasons column's text for a link.
    static func reasons(_ link: MentionLink?) throws -> String? {
        try link.map { try StoredJSON.encode($0.reasons) }
    }
}

extension MentionContent {
    /// The content as reading it back gives it: instants at millisecond precision.
    var asStored: MentionContent {
        var stored = self
        stored.publishedAt = Date(millisecondsSince1970: publishedAt.millisecondsSince1970)
        return stored
    }
}
