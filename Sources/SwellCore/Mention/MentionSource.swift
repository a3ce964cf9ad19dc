/// Where a public mention of the company appeared.
public enum MentionSource: String, Sendable, Codable, CaseIterable {
    /// News sites, newspapers, news apps.
    case news
    case weibo
    /// WeChat official accounts and Channels.
    case wechat
    case douyin
    case xiaohongshu
    /// Forums and communities (Tieba, Zhihu, Mafengwo, TripAdvisor forums, …).
    case forum
    /// 黑猫投诉, the public complaint platform.
    case blackcat
    case tv
    case other
}
