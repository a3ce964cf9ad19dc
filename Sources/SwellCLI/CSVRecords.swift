import Foundation
import SwellCore

/// RFC 4180 CSV on top of a `LineReader`: quoted fields may hold commas, doubled quotes and line breaks.
struct CSVRecords {
    private var lines: LineReader

    init(lines: LineReader) { self.lines = lines }

    var bytesConsumed: Int64 { lines.bytesConsumed }

    /// The next record's fields, the line it starts on, and whether its bytes were valid UTF-8 (an invalid record's
    /// fields hold replacement characters: reject it); nil at the end.
    mutating func next() throws -> (fields: [String], line: Int, valid: Bool)? {
        guard var data = try lines.next() else { return nil }
        let startLine = lines.lineNumber
        while Self.hasOpenQuote(data), let more = try lines.next() {
            data.append(0x0A)
            data.append(more)
        }
        let valid = String(validating: data, as: UTF8.self) != nil
        return (Self.split(String(decoding: data, as: UTF8.self)), startLine, valid)
    }

    func close() { lines.close() }

    /// Whether the text ends inside a quoted field, read as RFC 4180 does: a quote opens a quoted field only at
    /// the start of a field; inside one, a doubled quote is a quote and a single one closes it. A quote inside an
    /// unquoted field (`he said "no`) is a literal character, so it never swallows the lines after it.
    static func hasOpenQuote(_ data: Data) -> Bool {
        var quoted = false
        var atFieldStart = true
        var index = data.startIndex
        while index < data.endIndex {
            let byte = data[index]
            if quoted {
                if byte == 0x22 {
                    let next = data.index(after: index)
                    if next < data.endIndex, data[next] == 0x22 { index = next } else { quoted = false }
                }
            } else if byte == 0x22 && atFieldStart {
                quoted = true
                atFieldStart = false
            } else {
                atFieldStart = byte == 0x2C
            }
            index = data.index(after: index)
        }
        return quoted
    }

    /// One record written back as RFC 4180 CSV: a field holding a comma, a quote or a line break is quoted, its
    /// quotes doubled (so a rejects file can be fixed and imported again).
    static func join(_ fields: [String]) -> String {
        fields.map { field in
            guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",")
    }

    static func split(_ record: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var iterator = record.makeIterator()
        while let character = iterator.next() {
            if quoted {
                if character == "\"" {
                    if let following = iterator.next() {
                        if following == "\"" { field.append("\"") } else {
                            quoted = false
                            if following == "," { fields.append(field); field = "" } else { field.append(following) }
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" && field.isEmpty {
                quoted = true
            } else if character == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }
}

/// Maps a CSV header (the contract's field names; `complainant.name` or just `name`) to submissions.
struct CSVComplaintMapping {
    private let index: [String: Int]

    init(header: [String]) throws {
        var index: [String: Int] = [:]
        for (position, raw) in header.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{FEFF}", with: "")
            index[name.hasPrefix("complainant.") ? String(name.dropFirst("complainant.".count)) : name] = position
        }
        let missing = ["externalId", "receivedAt", "channel", "text"].filter { index[$0] == nil }
        guard missing.isEmpty else { throw ImportError.missingColumns(missing) }
        self.index = index
    }

    func submission(_ fields: [String]) -> ComplaintSubmission {
        func value(_ name: String) -> String? {
            guard let position = index[name], position < fields.count, !fields[position].isEmpty else { return nil }
            return fields[position]
        }
        let complainant = ComplainantSubmission(name: value("name"), phone: value("phone"), email: value("email"))
        return ComplaintSubmission(
            externalId: value("externalId"), receivedAt: value("receivedAt"), channel: value("channel"),
            text: value("text"), complainant: complainant, product: value("product"), departure: value("departure"),
            supplier: value("supplier"), demand: value("demand"))
    }
}

/// Maps a CSV header (the mention fields: `url`, `source`, `publishedAt`, `text` or `title`, and optionally
/// `outlet`, `author`, `reach`, `engagement`, `language`) to submissions. Numbers may carry thousands separators.
struct CSVMentionMapping {
    private let index: [String: Int]

    init(header: [String]) throws {
        var index: [String: Int] = [:]
        for (position, raw) in header.enumerated() {
            index[raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{FEFF}", with: "")] = position
        }
        var missing = ["url", "source", "publishedAt"].filter { index[$0] == nil }
        if index["text"] == nil, index["title"] == nil { missing.append("text") }
        guard missing.isEmpty else { throw ImportError.missingColumns(missing) }
        self.index = index
    }

    func submission(_ fields: [String]) -> MentionSubmission {
        func value(_ name: String) -> String? {
            guard let position = index[name], position < fields.count, !fields[position].isEmpty else { return nil }
            return fields[position]
        }
        func number(_ name: String) -> Int64? {
            value(name).flatMap { Int64($0.replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces)) }
        }
        return MentionSubmission(
            url: value("url"), source: value("source"), outlet: value("outlet"), author: value("author"), title: value("title"),
            text: value("text"), publishedAt: value("publishedAt"), reach: number("reach"), engagement: number("engagement"),
            language: value("language"))
    }
}
