import Foundation
import SwellCore
import SwellNotify

/// E-mail for a channel through `SMTPClient`: the channel's settings name the server, its security and login,
/// the sender and the recipients. A 4xx reply, a timeout or a lost connection is worth retrying; a 5xx reply
/// (a refused recipient, a wrong password) is the server's final word, so the delivery is dead at once.
public struct SMTPMailTransport: MailTransport {
    public init() {}

    public func send(message: NotificationMessage, settings: NotificationChannelSettings, delivery: DeliveryID) async -> DeliveryOutcome {
        do throws(SMTPError) {
            let security: SMTPConfiguration.Security = switch settings.security ?? "starttls" {
            case "tls": .implicitTLS
            case "none": .none
            default: .startTLS
            }
            let credentials = settings.username.map { SMTPConfiguration.Credentials(username: $0, password: settings.password ?? "") }
            let configuration = SMTPConfiguration(
                host: settings.host ?? "", port: settings.port, security: security, credentials: credentials,
                from: try MailAddress(settings.from ?? "", displayName: "Swell"), heloName: "swell",
                connectTimeout: .seconds(10), commandTimeout: .seconds(30))
            let recipients = try (settings.to ?? []).map { address throws(SMTPError) in try MailAddress(address) }
            let mail = MailMessage(
                to: recipients, subject: message.title, text: message.plainText, html: Self.html(message),
                headers: ["Swell-Delivery-Id": "\(delivery)"])
            _ = try await SMTPClient(configuration: configuration).send(mail)
            return .sent(status: 250)
        } catch {
            return error.isTransient ? .failed(status: nil, error: error.description, retryAfter: nil) : .rejected(error: error.description)
        }
    }

    /// The HTML body: the title in the level's colour, the lines, the link.
    static func html(_ message: NotificationMessage) -> String {
        let colour = switch message.level {
        case .red: "#dc2626"
        case .orange: "#ea580c"
        case .yellow: "#ca8a04"
        case .blue: "#2563eb"
        case nil: "#374151"
        }
        var html = "<!doctype html><html><body style=\"font-family:sans-serif\">"
        html += "<h2 style=\"color:\(colour)\">\(escaped(message.title))</h2><ul>"
        for line in message.lines { html += "<li>\(escaped(line))</li>" }
        html += "</ul>"
        if let link = message.link { html += "<p><a href=\"\(escaped(link))\">Swell</a></p>" }
        return html + "</body></html>"
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
