/// A mailbox: an address such as `duty@swell.example` and an optional display name such as "值班经理".
///
/// Checked when made, so a malformed or header-injecting address never reaches a server: exactly one
/// local part and domain, no spaces, controls, angle brackets or line breaks. An address with non-ASCII
/// characters is allowed but ``requiresSMTPUTF8``; the client refuses it when the server lacks SMTPUTF8.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    /// `local@domain`, as used in `MAIL FROM` / `RCPT TO`.
    public let address: String
    /// Shown to the reader; encoded per RFC 2047 in headers when it is not plain ASCII.
    public let displayName: String?

    public init(_ address: String, displayName: String? = nil) throws(SMTPError) {
        try Self.check(address)
        if let displayName, displayName.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw .badAddress("display name of \(address) contains a control character")
        }
        self.address = address
        self.displayName = displayName?.isEmpty == true ? nil : displayName
    }

    /// The part after the last "@".
    public var domain: String { String(address[address.index(after: address.lastIndex(of: "@")!)...]) }

    /// True when the address itself (not the display name) is not ASCII.
    public var requiresSMTPUTF8: Bool { !address.utf8.allSatisfy { $0 < 0x80 } }

    public var description: String { displayName.map { "\($0) <\(address)>" } ?? address }

    private static func check(_ address: String) throws(SMTPError) {
        guard let at = address.lastIndex(of: "@") else { throw .badAddress("\"\(address)\" has no @") }
        let local = address[..<at], domain = address[address.index(after: at)...]
        guard !local.isEmpty, local.utf8.count <= 64 else { throw .badAddress("\"\(address)\": local part must be 1…64 bytes") }
        guard !domain.isEmpty, domain.utf8.count <= 255 else { throw .badAddress("\"\(address)\": domain must be 1…255 bytes") }
        let forbidden: Set<Character> = [" ", "\t", "<", ">", "(", ")", ",", ";", ":", "\\", "\"", "[", "]", "@"]
        for character in local where forbidden.contains(character) || character.isControl {
            throw .badAddress("\"\(address)\": \(character.isControl ? "a control character" : "\"\(character)\"") in the local part")
        }
        guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else {
            throw .badAddress("\"\(address)\": misplaced dot in the local part")
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        for label in labels {
            guard !label.isEmpty, label.utf8.count <= 63, !label.hasPrefix("-"), !label.hasSuffix("-"),
                label.allSatisfy({ $0 == "-" || $0.isLetter || $0.isNumber })
            else { throw .badAddress("\"\(address)\": \"\(domain)\" is not a domain name") }
        }
    }
}

extension Character {
    fileprivate var isControl: Bool { unicodeScalars.contains { $0.properties.generalCategory == .control } }
}
