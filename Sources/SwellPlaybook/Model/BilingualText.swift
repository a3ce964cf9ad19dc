/// A text written in Chinese and English, as playbook titles are: `{zh: 通知领导, en: Notify leadership}`.
public struct BilingualText: Sendable, Hashable, Codable {
    /// Simplified Chinese.
    public let zh: String
    /// English.
    public let en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }
}
