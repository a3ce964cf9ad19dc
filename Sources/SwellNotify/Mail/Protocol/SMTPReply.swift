/// One complete server reply: a three-digit code and one or more lines of text (RFC 5321 §4.2).
/// A multi-line reply such as `250-first` … `250 last` becomes one value with every line's text.
public struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    /// The reply code, 200…599.
    public let code: Int
    /// The text of each line, after the code and its separator.
    public let lines: [String]

    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// All lines joined with a space, as one might log them.
    public var text: String { lines.joined(separator: " ") }

    /// 2xx or 3xx: the command was accepted (3xx asks for more, as after DATA or AUTH LOGIN).
    public var isPositive: Bool { (200..<400).contains(code) }
    /// 4xx: a temporary refusal; the same command may succeed later.
    public var isTransientNegative: Bool { (400..<500).contains(code) }
    /// 5xx: a permanent refusal; repeating the command will not help.
    public var isPermanentNegative: Bool { (500..<600).contains(code) }

    public var description: String { "\(code) \(text)" }
}
