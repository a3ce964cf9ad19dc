public import Foundation

extension NotificationChannel {
    /// What is wrong with a channel's name, kind-specific settings and language, field by field.
    public func problems() -> [FieldError] {
        var errors: [FieldError] = []
        if name.range(of: #"^[a-z0-9][a-z0-9_-]{0,63}$"#, options: .regularExpression) == nil {
            errors.append(FieldError(field: "name", code: "invalid", message: "must be 1–64 lower-case letters, digits, - or _"))
        }
        if !["zh", "en"].contains(language) {
            errors.append(FieldError(field: "language", code: "invalid", message: "must be zh or en"))
        }
        switch kind {
        case .webhook, .wecom, .dingtalk, .feishu:
            if let url = settings.url, let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil {
                break
            }
            errors.append(FieldError(field: "settings.url", code: settings.url == nil ? "missing" : "invalid", message: "must be an http or https URL"))
        case .email:
            if settings.host?.isEmpty ?? true { errors.append(FieldError(field: "settings.host", code: "missing", message: "is required")) }
            if let port = settings.port, !(1...65_535).contains(port) {
                errors.append(FieldError(field: "settings.port", code: "invalid", message: "must be from 1 to 65535"))
            }
            let security = settings.security ?? "starttls"
            if !["starttls", "tls", "none"].contains(security) {
                errors.append(FieldError(field: "settings.security", code: "invalid", message: "must be starttls, tls or none"))
            } else if security == "none", !["localhost", "127.0.0.1", "::1"].contains(settings.host ?? "") {
                errors.append(FieldError(
                    field: "settings.security", code: "invalid", message: "none (no TLS) is only allowed for a server on this machine"))
            }
            if !Self.isAddress(settings.from) { errors.append(FieldError(field: "settings.from", code: "invalid", message: "must be an e-mail address")) }
            let to = settings.to ?? []
            if to.isEmpty || !to.allSatisfy(Self.isAddress) {
                errors.append(FieldError(field: "settings.to", code: "invalid", message: "must be a non-empty list of e-mail addresses"))
            }
        }
        return errors
    }

    static func isAddress(_ text: String?) -> Bool {
        guard let text else { return false }
        return text.range(of: #"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$"#, options: .regularExpression) != nil
    }

    /// The channel as shown after creation: secrets replaced by whether they are set.
    public var redacted: NotificationChannel {
        var copy = self
        copy.settings.secret = settings.secret == nil ? nil : "********"
        copy.settings.password = settings.password == nil ? nil : "********"
        return copy
    }
}
