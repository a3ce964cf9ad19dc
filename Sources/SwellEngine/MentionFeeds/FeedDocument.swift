import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SwellCore

/// A syndication document as Swell reads it: RSS 2.0, RSS 1.0 (RDF) or Atom 1.0. Only what a mention needs: the
/// feed's title and each item's link, title, text, author and date. Pure parsing of bytes; no I/O.
struct FeedDocument: Equatable {
    struct Item: Equatable {
        var link: String?
        var title: String?
        /// The summary or content, as plain text (HTML tags dropped, entities decoded).
        var text: String?
        var author: String?
        var published: Date?
    }

    var title: String?
    var items: [Item]

    enum ParseError: Error, Equatable, CustomStringConvertible {
        /// Not XML, or XML that is not a feed.
        case notAFeed(String)

        var description: String {
            switch self {
            case .notAFeed(let detail): "not an RSS or Atom feed: \(detail)"
            }
        }
    }

    /// Parses a feed; relative item links are resolved against `base` (the feed's URL).
    static func parse(_ data: Data, base: URL? = nil) throws(ParseError) -> FeedDocument {
        let reader = FeedReader(base: base)
        let parser = XMLParser(data: data)
        parser.delegate = reader
        parser.shouldProcessNamespaces = false
        guard parser.parse() else {
            throw .notAFeed(parser.parserError.map { "\($0.localizedDescription)" } ?? "unreadable XML")
        }
        guard let root = reader.root, ["rss", "feed", "rdf:RDF", "RDF"].contains(root) else {
            throw .notAFeed("the root element is \(reader.root ?? "missing"), not rss, feed or rdf:RDF")
        }
        return FeedDocument(title: reader.feedTitle.flatMap(FeedText.plain), items: reader.items)
    }
}

/// The SAX reader behind ``FeedDocument/parse(_:base:)``: tracks the element path, the item being read and its
/// text fields.
private final class FeedReader: NSObject, XMLParserDelegate {
    let base: URL?
    var root: String?
    var feedTitle: String?
    var items: [FeedDocument.Item] = []
    private var current: FeedDocument.Item?
    private var path: [String] = []
    private var text = ""
    private var summary: String?
    private var content: String?
    private var guid: String?
    private var atomLink: (href: String, preferred: Bool)?

    init(base: URL?) {
        self.base = base
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if root == nil { root = name }
        path.append(name)
        text = ""
        if name == "item" || name == "entry" {
            current = FeedDocument.Item()
            summary = nil
            content = nil
            guid = nil
            atomLink = nil
        }
        if name == "link", current != nil, let href = attributes["href"] {
            let rel = attributes["rel"] ?? "alternate"
            let preferred = rel == "alternate"
            if atomLink == nil || (preferred && atomLink?.preferred == false) { atomLink = (href, preferred) }
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, foundCDATA data: Data) { text += String(decoding: data, as: UTF8.self) }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        defer {
            path.removeLast()
            text = ""
        }
        let value = text.trimmingWhiteSpace()
        guard current != nil else {
            // The channel's or feed's own title (not an image's or an item's).
            if name == "title", feedTitle == nil, let parent = path.dropLast().last, ["channel", "feed"].contains(parent) {
                feedTitle = value
            }
            return
        }
        switch name {
        case "item", "entry":
            guard var item = current else { return }
            let link = item.link ?? atomLink?.href ?? guid.flatMap { $0.hasPrefix("http") ? $0 : nil }
            item.link = link.flatMap(resolve)
            item.text = (content ?? summary).flatMap(FeedText.plain)
            item.title = item.title.flatMap(FeedText.plain)
            items.append(item)
            current = nil
        case "title" where path.dropLast().last == "item" || path.dropLast().last == "entry":
            current?.title = value
        case "link" where !value.isEmpty:
            current?.link = value
        case "description", "summary":
            summary = value
        case "content:encoded", "content":
            content = value.isEmpty ? content : value
        case "guid", "id":
            guid = value
        case "author", "dc:creator", "name":
            if !value.isEmpty, current?.author == nil || name == "name" { current?.author = value }
        case "pubDate", "published", "dc:date", "updated":
            // Prefer the publication date; `updated` only when nothing else is given.
            if name != "updated" || current?.published == nil { current?.published = FeedText.date(value) ?? current?.published }
        default:
            break
        }
    }

    private func resolve(_ link: String) -> String? {
        let trimmed = link.trimmingWhiteSpace()
        guard !trimmed.isEmpty else { return nil }
        if let url = URL(string: trimmed, relativeTo: base) { return url.absoluteString }
        return trimmed
    }
}

/// Text and dates as feeds write them.
enum FeedText {
    /// Plain text from feed HTML: tags dropped (block ends become spaces), entities decoded, white space folded.
    static func plain(_ html: String) -> String? {
        var text = html.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        text = decodeEntities(text)
        text = text.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression).trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[amp...]
            guard let semicolon = after.prefix(12).firstIndex(of: ";") else {
                result += "&"
                rest = after.dropFirst()
                continue
            }
            let name = after[after.index(after: amp)..<semicolon]
            if let decoded = entity(String(name)) {
                result += decoded
            } else {
                result += after[amp...semicolon]
            }
            rest = after[after.index(after: semicolon)...]
        }
        return result + rest
    }

    private static func entity(_ name: String) -> String? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        case "hellip": return "…"
        case "mdash": return "—"
        case "ndash": return "–"
        default:
            let hex = name.hasPrefix("#x") || name.hasPrefix("#X")
            guard name.hasPrefix("#"), let value = UInt32(name.dropFirst(hex ? 2 : 1), radix: hex ? 16 : 10),
                let scalar = Unicode.Scalar(value)
            else { return nil }
            return String(Character(scalar))
        }
    }

    /// RFC 3339 (Atom, dc:date) or RFC 822 / 1123 (RSS `pubDate`, with or without the weekday and seconds, a
    /// numeric zone or GMT/UT/UTC/Z and the US zone names).
    static func date(_ text: String) -> Date? {
        let trimmed = text.trimmingWhiteSpace()
        if let date = RFC3339.parse(trimmed) { return date }
        var rfc822 = trimmed
        for (name, offset) in zoneNames where rfc822.hasSuffix(" " + name) {
            rfc822 = String(rfc822.dropLast(name.count)) + offset
            break
        }
        for format in rfc822Formats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = format
            if let date = formatter.date(from: rfc822) { return date }
        }
        return nil
    }

    private static let rfc822Formats = [
        "EEE, d MMM yyyy HH:mm:ss Z", "EEE, d MMM yyyy HH:mm Z", "d MMM yyyy HH:mm:ss Z", "d MMM yyyy HH:mm Z",
        "EEE, d MMM yy HH:mm:ss Z",
    ]

    private static let zoneNames: [(String, String)] = [
        ("GMT", "+0000"), ("UTC", "+0000"), ("UT", "+0000"), ("Z", "+0000"), ("EST", "-0500"), ("EDT", "-0400"),
        ("CST", "-0600"), ("CDT", "-0500"), ("MST", "-0700"), ("MDT", "-0600"), ("PST", "-0800"), ("PDT", "-0700"),
    ]
}
