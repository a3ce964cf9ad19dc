public import Foundation

/// Where notifications go: a webhook, a group robot of WeCom, DingTalk or Feishu, or e-mail.
public enum NotificationChannelKind: String, Sendable, Codable, CaseIterable {
    /// A JSON POST of the event envelope, signed with HMAC-SHA256 (`Swell-Signature`).
    case webhook
    /// A WeCom (企业微信) group robot.
    case wecom
    /// A DingTalk (钉钉) group robot, optionally with its signing secret.
    case dingtalk
    /// A Feishu / Lark (飞书) group robot, optionally with its signing secret.
    case feishu
    /// E-mail over SMTP.
    case email
}

/// How a channel reaches its peer. Secrets (`secret`, `password`) are stored, never returned after creation.
public struct NotificationChannelSettings: Sendable, Codable, Equatable {
    /// The webhook or robot URL (webhook, wecom, dingtalk, feishu).
    public var url: String?
    /// The signing secret: HMAC key of a webhook, the robot's secret of DingTalk (SEC…) and Feishu.
    public var secret: String?
    /// SMTP server (email).
    public var host: String?
    public var port: Int?
    /// `starttls`, `tls` (implicit) or `none` (only for a server on this machine).
    public var security: String?
    public var username: String?
    public var password: String?
    public var from: String?
    public var to: [String]?

    public init(
        url: String? = nil, secret: String? = nil, host: String? = nil, port: Int? = nil, security: String? = nil,
        username: String? = nil, password: String? = nil, from: String? = nil, to: [String]? = nil
    ) {
        self.url = url
        self.secret = secret
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.from = from
        self.to = to
    }
}

/// A notification channel as stored. Playbook rules name channels by `name`.
public struct NotificationChannel: Sendable, Codable, Equatable {
    public var id: ChannelID?
    public var name: String
    public var kind: NotificationChannelKind
    public var settings: NotificationChannelSettings
    /// Messages are written in this language: `zh` or `en`.
    public var language: String
    public var enabled: Bool
    public var createdAt: Date
    public var createdBy: String
    public var updatedAt: Date
    /// Deleted channels are kept (deliveries name them) but send nothing and free their name.
    public var deletedAt: Date?

    public init(
        id: ChannelID? = nil, name: String, kind: NotificationChannelKind, settings: NotificationChannelSettings,
        language: String = "zh", enabled: Bool = true, createdAt: Date, createdBy: String, updatedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.settings = settings
        self.language = language
        self.enabled = enabled
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.updatedAt = updatedAt ?? createdAt
    }
}
