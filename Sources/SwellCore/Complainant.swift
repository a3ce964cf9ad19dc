/// The person behind a complaint. Personal data: only roles that may see it get it.
public struct Complainant: Sendable, Codable, Equatable {
    public var name: String?
    public var phone: String?
    public var email: String?

    public init(name: String? = nil, phone: String? = nil, email: String? = nil) {
        self.name = name
        self.phone = phone
        self.email = email
    }

    public var isEmpty: Bool { name == nil && phone == nil && email == nil }

    /// A key that identifies the same person across complaints (phone digits, else e-mail lower-cased),
    /// so one person complaining twice counts once. Nil when neither is known.
    public var identityKey: String? {
        if let phone {
            let digits = phone.filter(\.isNumber)
            if digits.count >= 5 { return "tel:" + String(digits.suffix(11)) }
        }
        if let email, email.contains("@") { return "mail:" + email.lowercased() }
        return nil
    }
}
