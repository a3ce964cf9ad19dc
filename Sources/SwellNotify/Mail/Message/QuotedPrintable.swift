/// Quoted-printable (RFC 2045 §6.7) for body parts: printable ASCII stays as it is, every other byte and "="
/// becomes `=XX`, a space or tab before a line break becomes `=20` / `=09`, and lines longer than 76
/// characters get soft breaks (`=` CRLF). Line breaks in the text become CRLF hard breaks. Pure.
enum QuotedPrintable {
    static func encode(_ text: String) -> String {
        MIMEText.lines(text).map(encodeLine).joined(separator: "\r\n")
    }

    private static func encodeLine(_ line: Substring) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        let bytes = Array(line.utf8)
        var out: [UInt8] = []
        var column = 0
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                || ((byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")) && !isLast)
            let token: [UInt8] = literal ? [byte] : [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            // Keep room for the "=" of a soft break, unless this token ends the line.
            let limit = isLast ? 76 : 75
            if column + token.count > limit {
                out += Array("=\r\n".utf8)
                column = 0
            }
            out += token
            column += token.count
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Line handling shared by the body encoders.
enum MIMEText {
    /// The lines of a text, whatever its line breaks (CRLF, LF or CR).
    static func lines(_ text: String) -> [Substring] {
        text.replacingCRLF.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The text with every line break as CRLF, as the canonical form of a `text/*` part requires.
    static func canonical(_ text: String) -> String {
        lines(text).joined(separator: "\r\n")
    }
}

extension String {
    /// CRLF and lone CR turned into LF. (Swift treats "\r\n" as one Character, so this walks scalars.)
    fileprivate var replacingCRLF: String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in unicodeScalars {
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            out.append(scalar == "\r" ? "\n" : scalar)
        }
        return String(out)
    }
}
