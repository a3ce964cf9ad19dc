/// Writes one flat JSON object byte for byte as the payload encoder (`JSONEncoder` with sorted keys, without escaping
/// slashes) writes it, for the payloads written once per complaint: through `Codable` each cost more than storing the
/// complaint's row. The caller adds fields in the order of their keys; a test holds every such payload to
/// `JSONEncoder`'s own text.
public struct CompactJSONObject {
    private var text = "{"
    private var empty = true

    public init() {}

    /// The object's text.
    public var json: String { text + "}" }

    public mutating func add(_ key: StaticString, _ value: String) {
        start(key)
        Self.appendQuoted(value, to: &text)
    }

    /// Nothing for nil: the encoder leaves an absent optional out.
    public mutating func add(_ key: StaticString, _ value: String?) {
        if let value { add(key, value) }
    }

    public mutating func add(_ key: StaticString, _ value: some BinaryInteger) {
        start(key)
        text += String(value)
    }

    public mutating func add(_ key: StaticString, _ value: Bool) {
        start(key)
        text += value ? "true" : "false"
    }

    /// A finite number as the encoder writes it: Swift's shortest description without a trailing `.0` (`1`, `-0`,
    /// `0.853`, `1e+16`).
    public mutating func add(_ key: StaticString, _ value: Double) {
        start(key)
        let description = String(describing: value)
        text += description.hasSuffix(".0") ? String(description.dropLast(2)) : description
    }

    private mutating func start(_ key: StaticString) {
        if !empty { text += "," }
        empty = false
        text += "\""
        text += key.description
        text += "\":"
    }

    /// A JSON string: quote and backslash escaped, control characters as `\b \f \n \r \t` or `\u00XX`, the rest as is.
    static func appendQuoted(_ value: String, to text: inout String) {
        text += "\""
        guard value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            text += value
            text += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}

/// A payload written by hand with ``CompactJSONObject``, in the exact text `JSONEncoder` would give it: its fields in
/// the order of their keys, optionals left out when nil. `EventDraft.payload(_:)` picks that overload at compile time.
public protocol CompactPayload: Encodable {
    func write(to object: inout CompactJSONObject)
}
