/// Prepares a rendered message for the DATA phase (RFC 5321 §4.5.2): every line break becomes CRLF, a line
/// that starts with "." gets a second one (dot-stuffing, so a lone "." line cannot end the message early),
/// and the terminating `CRLF . CRLF` is appended. Pure.
enum SMTPDataEncoding {
    static func encode(_ message: some Collection<UInt8>) -> [UInt8] {
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n"), dot = UInt8(ascii: ".")
        var out: [UInt8] = []
        out.reserveCapacity(message.count + message.count / 64 + 5)
        var atLineStart = true
        var previousWasCR = false
        for byte in message {
            if byte == lf && previousWasCR {  // the LF of a CRLF already written
                previousWasCR = false
                continue
            }
            previousWasCR = byte == cr
            if byte == cr || byte == lf {
                out += [cr, lf]
                atLineStart = true
                continue
            }
            if atLineStart && byte == dot { out.append(dot) }
            out.append(byte)
            atLineStart = false
        }
        if !atLineStart { out += [cr, lf] }
        out += [dot, cr, lf]
        return out
    }
}
