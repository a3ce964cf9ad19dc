/// A mention as a client sends it (`POST /v1/mentions`, a batch line, an import row), before validation.
public struct MentionSubmission: Sendable, Codable, Equatable {
    public var url: String?
    public var source: String?
    public var outlet: String?
    public var author: String?
    public var title: String?
    public var text: String?
    public var publishedAt: String?
    public var reach: Int64?
    public var engagement: Int64?
    public var language: String?

    public init(
        url: String? = nil, source: String? = nil, outlet: String? = nil, author: String? = nil, title: String? = nil,
        text: String? = nil, publishedAt: String? = nil, reach: Int64? = nil, engagement: Int64? = nil,
        language: String? = nil
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
}
