/// Turns the bytes a server sends into complete ``SMTPReply`` values, however they are split across reads.
///
/// A reply line is `ddd-text` (more lines follow) or `ddd text` / `ddd` (the last line). Every line of one
/// reply must carry the same code. Lines end in CRLF; a bare LF is tolerated. Pure: no I/O.
struct SMTPReplyParser {
    /// Longest line accepted; RFC 5321 allows 512 octets, real servers sometimes send more.
    static let maximumLineLength = 4096
    /// Most lines accepted in one reply (an EHLO answer has a dozen).
    static let maximumLines = 256

    private var pending: [UInt8] = []
    private var code: Int?
    private var lines: [String] = []

    /// True while bytes have arrived that do not yet form a complete reply.
    var hasBufferedInput: Bool { !pending.isEmpty || code != nil }

    /// Adds bytes and returns every reply they complete, in order.
    mutating func feed(_ bytes: some Sequence<UInt8>) throws(SMTPError) -> [SMTPReply] {
        var replies: [SMTPReply] = []
        for byte in bytes {
            guard byte == UInt8(ascii: "\n") else {
                pending.append(byte)
                guard pending.count <= Self.maximumLineLength else {
                    throw .protocolViolation("reply line longer than \(Self.maximumLineLength) bytes")
                }
                continue
            }
            if pending.last == UInt8(ascii: "\r") { pending.removeLast() }
            let line = pending
            pending.removeAll(keepingCapacity: true)
            if let reply = try take(line: line) { replies.append(reply) }
        }
        return replies
    }

    private mutating func take(line: [UInt8]) throws(SMTPError) -> SMTPReply? {
        guard line.count >= 3, let lineCode = Self.code(line[0..<3]), (200..<600).contains(lineCode) else {
            throw .protocolViolation("malformed reply line \"\(String(decoding: line.prefix(80), as: UTF8.self))\"")
        }
        if let code, code != lineCode {
            throw .protocolViolation("reply changed its code from \(code) to \(lineCode) mid-reply")
        }
        let separator = line.count > 3 ? line[3] : UInt8(ascii: " ")
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else {
            throw .protocolViolation("malformed reply line \"\(String(decoding: line.prefix(80), as: UTF8.self))\"")
        }
        code = lineCode
        lines.append(String(decoding: line.dropFirst(4), as: UTF8.self))
        guard lines.count <= Self.maximumLines else { throw .protocolViolation("reply longer than \(Self.maximumLines) lines") }
        guard separator == UInt8(ascii: " ") else { return nil }
        let reply = SMTPReply(code: lineCode, lines: lines)
        code = nil
        lines = []
        return reply
    }

    private static func code(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }
}
