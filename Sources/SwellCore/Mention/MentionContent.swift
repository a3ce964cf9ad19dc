public import Foundation

public enum MentionTag {}
/// A mention's id. A story is named by the id of its first mention.
public typealias MentionID = Identifier<MentionTag>

/// A public item about the company, as received: validated, with its URL normalised (the idempotency key).
/// Public text, but phone numbers, e-mail addresses and ID numbers in it are masked whenever it is shown.
public struct MentionContent: Sendable, Codable, Equatable {
    /// Normalised (see ``MentionURL``): the same article or post posted twice is stored once.
    public var url: String
    public var source: MentionSource
    /// The newspaper, site, account or programme.
    public var outlet: String?
    public var author: String?
    public var title: String?
    public var text: String
    public var publishedAt: Date
    /// Followers, readers or views, when known.
    public var reach: Int64?
    /// Reposts, comments and likes together, when known.
    public var engagement: Int64?
    /// `zh`, `en` or `other`; worked out from the text when not given.
    public var language: MentionLanguage

    public init(
        url: String, source: MentionSource, outlet: String? = nil, author: String? = nil, title: String? = nil,
        text: String, publishedAt: Date, reach: Int64? = nil, engagement: Int64? = nil, language: MentionLanguage
    ) {
        self.url = url
        self.source = source
        self.outlet = outlet
        self.author = author
        self.title = title
        self.text = text
        self.publishedAt = publishedAt
        self.reach = reach
        self.engagement = engagement
        self.language = language
    }

    /// Title and text as one passage, for tone, stories and matching.
    public var fullText: String {
        guard let title, !title.isEmpty, title != text else { return text }
        return title + "\n" + text
    }
}

/// The language of a mention.
public enum MentionLanguage: String, Sendable, Codable, CaseIterable {
    case zh, en, other

    /// Chinese when at least a fifth of the letters are Han characters, English when the letters are mostly Latin.
    public static func detect(_ text: String) -> MentionLanguage {
        var han = 0
        var latin = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF: han += 1
            case 0x41...0x5A, 0x61...0x7A: latin += 1
            default: continue
            }
        }
        // A Chinese character carries about a word; Latin letters about a fifth of one.
        if han > 0, Double(han) * 5 >= Double(latin) { return .zh }
        if latin > 0 { return .en }
        return han > 0 ? .zh : .other
    }
}
