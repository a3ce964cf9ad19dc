/// Header text that survives any mail system: RFC 2047 encoded words for anything that is not plain ASCII,
/// and folding so that no line is longer than 76 characters where it can be helped (RFC 5322 §2.2.3). Pure.
enum HeaderEncoding {
    /// Most UTF-8 bytes in one encoded word: 39 bytes are 52 base64 characters, 64 with `=?UTF-8?B?` and `?=`,
    /// so that even `Subject: ` and one word stay within the 76 characters RFC 2047 allows per line.
    static let bytesPerEncodedWord = 39

    /// The words of an unstructured value (Subject, extra headers): the value's own space-separated words
    /// when it is short printable ASCII, else encoded words that split only between characters.
    static func unstructuredWords(_ value: String) -> [String] {
        let words = value.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let plain = value.utf8.allSatisfy { $0 >= 32 && $0 < 127 } && !value.contains("=?")
            && words.allSatisfy { $0.utf8.count <= 70 } && !value.hasPrefix(" ") && !value.hasSuffix(" ")
        return plain ? words : encodedWords(value)
    }

    /// `=?UTF-8?B?…?=` words, each holding whole characters (a character is never split between words).
    static func encodedWords(_ value: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        func flush() {
            if !chunk.isEmpty { words.append("=?UTF-8?B?" + Base64.encode(chunk) + "?=") }
            chunk = []
        }
        for character in value {
            let bytes = Array(String(character).utf8)
            if bytes.count > bytesPerEncodedWord {
                // A very long grapheme (an emoji sequence): split between its scalars instead.
                for scalar in character.unicodeScalars {
                    let scalarBytes = Array(String(scalar).utf8)
                    if chunk.count + scalarBytes.count > bytesPerEncodedWord { flush() }
                    chunk += scalarBytes
                }
                continue
            }
            if chunk.count + bytes.count > bytesPerEncodedWord { flush() }
            chunk += bytes
        }
        flush()
        return words
    }

    /// A mailbox as header words: `addr`, `Name <addr>`, `"Quoted, Name" <addr>` or encoded words and `<addr>`.
    static func mailboxWords(_ mailbox: MailAddress) -> [String] {
        guard let name = mailbox.displayName else { return [mailbox.address] }
        let atext = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-/=?^_`{|}~ ".utf8)
        let nameWords: [String]
        if name.utf8.allSatisfy({ atext.contains($0) }) && !name.contains("=?") && !name.hasPrefix(" ") && !name.hasSuffix(" ") {
            nameWords = name.split(separator: " ").map(String.init)
        } else if name.utf8.allSatisfy({ $0 >= 32 && $0 < 127 }) && name.utf8.count <= 60 {
            nameWords = ["\"" + name.map { $0 == "\\" || $0 == "\"" ? "\\\($0)" : "\($0)" }.joined() + "\""]
        } else {
            nameWords = encodedWords(name)
        }
        return nameWords + ["<\(mailbox.address)>"]
    }

    /// An address list (To, Cc) as header words, a comma after each mailbox but the last.
    static func mailboxListWords(_ mailboxes: [MailAddress]) -> [String] {
        var words: [String] = []
        for (index, mailbox) in mailboxes.enumerated() {
            var these = mailboxWords(mailbox)
            if index < mailboxes.count - 1 { these[these.count - 1] += "," }
            words += these
        }
        return words
    }

    /// `Name: word word` folded before a word whenever the line would pass 76 characters; lines joined by CRLF.
    static func field(_ name: String, _ words: [String]) -> String {
        var lines: [String] = []
        var line = name + ":"
        var wordsOnLine = 0
        for word in words {
            if wordsOnLine > 0 && !word.isEmpty && line.utf8.count + 1 + word.utf8.count > 76 {
                lines.append(line)
                line = ""
                wordsOnLine = 0
            }
            line += " " + word
            wordsOnLine += 1
        }
        lines.append(line)
        return lines.joined(separator: "\r\n")
    }
}
