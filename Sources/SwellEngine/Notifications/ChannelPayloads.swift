import Crypto
import Foundation
import SwellCore

/// One HTTP POST a channel asks for.
struct OutboundRequest: Sendable {
    var url: String
    var headers: [(String, String)]
    var body: String
}

/// The exact requests each kind of channel takes, from a message or an event. Pure: time comes in as a value.
enum ChannelPayloads {
    /// A webhook: the event envelope (the feed's shape) as the body, signed as Stripe and Slack sign theirs:
    /// `Swell-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the channel's secret>`.
    /// `Idempotency-Key` is the same on every attempt of one delivery, so the receiver can drop repeats.
    static func webhook(_ event: Event, url: String, secret: String?, delivery: DeliveryID, now: Date) -> OutboundRequest {
        let body = EventEnvelope.json(event)
        let timestamp = Int(now.timeIntervalSince1970)
        var headers = [
            ("Content-Type", "application/json"), ("Idempotency-Key", "swell-delivery-\(delivery)"),
            ("Swell-Event-Type", event.type.rawValue), ("Swell-Delivery", "\(delivery)"),
        ]
        if let secret {
            headers.append(("Swell-Signature", "t=\(timestamp),v1=\(hexHMAC(key: secret, message: "\(timestamp).\(body)"))"))
        }
        return OutboundRequest(url: url, headers: headers, body: body)
    }

    /// WeCom (企业微信) group robot: a markdown message; its colours are `warning` (orange-red), `info` (green)
    /// and `comment` (grey).
    static func wecom(_ message: NotificationMessage, url: String) -> OutboundRequest {
        let colour = message.level.map { $0 >= .yellow ? "warning" : "info" } ?? "comment"
        var content = "<font color=\"\(colour)\">**\(message.title)**</font>\n"
        for line in message.lines { content += "> \(line)\n" }
        if let link = message.link { content += "[查看 / Open](\(link))" }
        return json(url: url, ["msgtype": "markdown", "markdown": ["content": String(content.utf8.prefix(4000)) ?? content]])
    }

    /// DingTalk (钉钉) group robot: a markdown message. With a secret, the URL carries `timestamp` (milliseconds)
    /// and `sign`: Base64 of HMAC-SHA256 over "<timestamp>\n<secret>" keyed with the secret, URL-encoded.
    static func dingtalk(_ message: NotificationMessage, url: String, secret: String?, now: Date) -> OutboundRequest {
        var target = url
        if let secret {
            let timestamp = Int64(now.timeIntervalSince1970 * 1000)
            let sign = base64HMAC(key: Data(secret.utf8), message: Data("\(timestamp)\n\(secret)".utf8))
            target += (url.contains("?") ? "&" : "?") + "timestamp=\(timestamp)&sign=\(formEncoded(sign))"
        }
        return json(url: target, ["msgtype": "markdown", "markdown": ["title": message.title, "text": message.markdown]])
    }

    /// Feishu / Lark (飞书) group robot: an interactive card with a coloured header. With a secret, the body
    /// carries `timestamp` (seconds) and `sign`: Base64 of HMAC-SHA256 keyed with "<timestamp>\n<secret>" over
    /// an empty message.
    static func feishu(_ message: NotificationMessage, url: String, secret: String?, now: Date) -> OutboundRequest {
        let template: String = switch message.level {
        case .red: "red"
        case .orange: "orange"
        case .yellow: "yellow"
        case .blue: "blue"
        case nil: "grey"
        }
        var body: [String: Any] = [
            "msg_type": "interactive",
            "card": [
                "header": ["title": ["tag": "plain_text", "content": message.title], "template": template],
                "elements": [["tag": "markdown", "content": (message.lines + (message.link.map { ["[查看 / Open](\($0))"] } ?? [])).joined(separator: "\n")]],
            ] as [String: Any],
        ]
        if let secret {
            let timestamp = Int64(now.timeIntervalSince1970)
            body["timestamp"] = "\(timestamp)"
            body["sign"] = base64HMAC(key: Data("\(timestamp)\n\(secret)".utf8), message: Data())
        }
        return json(url: url, body)
    }

    static func json(url: String, _ object: [String: Any]) -> OutboundRequest {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return OutboundRequest(url: url, headers: [("Content-Type", "application/json; charset=utf-8")], body: String(decoding: data, as: UTF8.self))
    }

    static func hexHMAC(key: String, message: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: SymmetricKey(data: Data(key.utf8)))
            .map { String(format: "%02x", $0) }.joined()
    }

    static func base64HMAC(key: Data, message: Data) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key))).base64EncodedString()
    }

    /// Percent-encoding for a query value (`+`, `/` and `=` of Base64 included).
    static func formEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
