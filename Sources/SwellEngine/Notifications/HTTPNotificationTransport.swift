import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import SwellCore

/// The live transport: webhooks and the WeCom, DingTalk and Feishu robots over HTTP (AsyncHTTPClient), e-mail
/// through `mail` (nil: e-mail channels fail with a clear error). Every request has a 10-second deadline.
public struct LiveNotificationTransport: NotificationTransport {
    let http: HTTPClient
    let mail: (any MailTransport)?
    let timeout: TimeAmount

    public init(http: HTTPClient = notificationHTTPClient, mail: (any MailTransport)?, timeout: TimeAmount = .seconds(10)) {
        self.http = http
        self.mail = mail
        self.timeout = timeout
    }

    public func send(
        _ event: Event, message: NotificationMessage, channel: NotificationChannel, delivery: DeliveryID, now: Date
    ) async -> DeliveryOutcome {
        let settings = channel.settings
        if channel.kind == .email {
            guard let mail else { return .rejected(error: "this server has no e-mail transport") }
            return await mail.send(message: message, settings: settings, delivery: delivery)
        }
        guard let url = settings.url else { return .rejected(error: "the channel has no url") }
        let request: OutboundRequest = switch channel.kind {
        case .webhook: ChannelPayloads.webhook(event, url: url, secret: settings.secret, delivery: delivery, now: now)
        case .wecom: ChannelPayloads.wecom(message, url: url)
        case .dingtalk: ChannelPayloads.dingtalk(message, url: url, secret: settings.secret, now: now)
        case .feishu: ChannelPayloads.feishu(message, url: url, secret: settings.secret, now: now)
        case .email: OutboundRequest(url: url, headers: [], body: "")
        }
        return await post(request, robot: channel.kind == .webhook ? nil : channel.kind, now: now)
    }

    func post(_ outbound: OutboundRequest, robot: NotificationChannelKind?, now: Date) async -> DeliveryOutcome {
        var request = HTTPClientRequest(url: outbound.url)
        request.method = .POST
        for (name, value) in outbound.headers { request.headers.add(name: name, value: value) }
        request.headers.add(name: "User-Agent", value: "Swell")
        request.body = .bytes(ByteBuffer(string: outbound.body))
        do {
            let response = try await http.execute(request, timeout: timeout)
            let status = Int(response.status.code)
            let body = try await response.body.collect(upTo: 64 * 1024)
            let text = String(buffer: body)
            switch status {
            case 200..<300:
                if let robot, let failure = RobotReply.failure(text, kind: robot) {
                    return .failed(status: status, error: failure, retryAfter: nil)
                }
                return .sent(status: status)
            default:
                let retryAfter = response.headers.first(name: "Retry-After").flatMap { RetryAfter.seconds($0, now: now) }
                return .failed(status: status, error: "HTTP \(status): \(text.prefix(200))", retryAfter: retryAfter)
            }
        } catch {
            return .failed(status: nil, error: "\(error)", retryAfter: nil)
        }
    }
}

/// Sends e-mail for a channel (the SMTP client lives in its own module).
public protocol MailTransport: Sendable {
    func send(message: NotificationMessage, settings: NotificationChannelSettings, delivery: DeliveryID) async -> DeliveryOutcome
}

/// The group robots answer 200 with an error code in the body when they refuse (bad key, bad signature, too many
/// messages a minute).
enum RobotReply {
    static func failure(_ body: String, kind: NotificationChannelKind) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] else { return nil }
        let code = (object["errcode"] ?? object["code"] ?? object["StatusCode"]) as? Int
        guard let code, code != 0 else { return nil }
        let detail = (object["errmsg"] ?? object["msg"] ?? object["StatusMessage"]) as? String ?? ""
        return "\(kind.rawValue) refused: \(code) \(detail)"
    }
}

/// `Retry-After`: delay-seconds or an HTTP date.
enum RetryAfter {
    static func seconds(_ value: String, now: Date) -> TimeInterval? {
        if let seconds = TimeInterval(value.trimmingCharacters(in: .whitespaces)) { return max(0, seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value).map { max(0, $0.timeIntervalSince(now)) }
    }
}

/// The notifier's HTTP client: the shared settings, except that a connection that cannot be made fails at once.
/// The notifier retries a failed delivery itself, with backoff and a dead end; the client's own retrying of
/// connection attempts only made a refused connection look like a 10-second timeout (a channel test hung that long).
/// Global, like `HTTPClient.shared`, so it lives as long as the process and is never shut down.
public let notificationHTTPClient: HTTPClient = {
    var configuration = HTTPClient.Configuration.singletonConfiguration
    configuration.connectionPool.retryConnectionEstablishment = false
    return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
}()
