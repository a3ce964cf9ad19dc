/// What a server announced in its EHLO reply (RFC 5321 §4.1.1.1): one keyword per line after the first.
public struct SMTPCapabilities: Sendable, Equatable {
    /// STARTTLS (RFC 3207).
    public var startTLS = false
    /// The SASL mechanisms after AUTH, upper-cased (e.g. `PLAIN`, `LOGIN`).
    public var authMechanisms: [String] = []
    /// SIZE (RFC 1870): nil when not announced, 0 when announced without a limit.
    public var maximumSize: Int?
    /// 8BITMIME (RFC 6152).
    public var eightBitMIME = false
    /// SMTPUTF8 (RFC 6531): addresses and headers may be UTF-8.
    public var smtpUTF8 = false
    /// PIPELINING (RFC 2920); announced for information, this client does not pipeline.
    public var pipelining = false

    /// No extensions, as after a server that only speaks HELO.
    public init() {}

    /// Reads the keywords of a positive EHLO reply. Unknown keywords are ignored.
    public init(ehlo reply: SMTPReply) {
        for line in reply.lines.dropFirst() {
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            guard let first = words.first else { continue }
            // Some old servers write `AUTH=LOGIN PLAIN`.
            let keywordAndValue = first.uppercased().split(separator: "=", maxSplits: 1)
            let keyword = keywordAndValue.first.map(String.init) ?? ""
            let parameters = (keywordAndValue.count > 1 ? [keywordAndValue[1]] : []) + words.dropFirst().map { Substring($0.uppercased()) }
            switch keyword {
            case "STARTTLS": startTLS = true
            case "AUTH":
                for mechanism in parameters.map(String.init) where !authMechanisms.contains(mechanism) {
                    authMechanisms.append(mechanism)
                }
            case "SIZE": maximumSize = parameters.first.flatMap { Int($0) } ?? 0
            case "8BITMIME": eightBitMIME = true
            case "SMTPUTF8": smtpUTF8 = true
            case "PIPELINING": pipelining = true
            default: continue
            }
        }
    }
}
