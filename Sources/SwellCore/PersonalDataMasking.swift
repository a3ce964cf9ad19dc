import Foundation

/// Masks personal data that complainants often write into free text: ID-card numbers, phone numbers and
/// e-mail addresses. Used for roles that may not see personal data. Keeps a few characters so a reader can
/// still tell two masked numbers apart (`138****5678`).
public enum PersonalDataMasking {
    public static func mask(_ text: String) -> String {
        guard text.contains(where: { $0.isNumber || $0 == "@" }) else { return text }
        var result = text
        result = replace(idCard, in: result) { keepEnds($0, head: 4, tail: 2) }
        result = replace(email, in: result) { match in
            guard let at = match.firstIndex(of: "@") else { return "***" }
            return String(match[match.startIndex]) + "***" + match[at...]
        }
        result = replace(phone, in: result) { match in
            let digits = match.filter(\.isNumber)
            return digits.count >= 7 ? keepEnds(String(digits), head: 3, tail: 4) : "****"
        }
        return result
    }

    /// Erases personal data from a text for good (retention): ID-card numbers, e-mail addresses, phone numbers and
    /// the complainant's own names become `***`, with nothing of them kept.
    public static func erase(_ text: String, names: [String] = []) -> String {
        var result = text
        for name in names where name.count >= 2 { result = result.replacingOccurrences(of: name, with: "***") }
        guard result.contains(where: { $0.isNumber || $0 == "@" }) else { return result }
        result = replace(idCard, in: result) { _ in "***" }
        result = replace(email, in: result) { _ in "***" }
        result = replace(phone, in: result) { _ in "***" }
        return result
    }

    // Mainland ID cards: 18 characters (17 digits + digit or X) or the old 15 digits; not inside a longer number.
    private static let idCard = try! NSRegularExpression(
        pattern: #"(?<![0-9])([1-9][0-9]{16}[0-9Xx]|[1-9][0-9]{14})(?![0-9Xx])"#)
    private static let email = try! NSRegularExpression(
        pattern: #"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"#)
    // Mobile numbers (optionally +86), landlines with area code, and long digit runs with separators.
    private static let phone = try! NSRegularExpression(
        pattern: #"(?<![0-9])(?:\+?86[ \-]?)?(?:1[3-9][0-9](?:[ \-]?[0-9]){8}|0[0-9]{2,3}[ \-]?[0-9]{7,8}|\+[0-9](?:[ \-]?[0-9]){7,14})(?![0-9])"#)

    private static func keepEnds(_ text: String, head: Int, tail: Int) -> String {
        guard text.count > head + tail else { return String(repeating: "*", count: text.count) }
        return text.prefix(head) + String(repeating: "*", count: text.count - head - tail) + text.suffix(tail)
    }

    private static func replace(
        _ expression: NSRegularExpression, in text: String, with transform: (String) -> String
    ) -> String {
        let ns = text as NSString
        let matches = expression.matches(in: text, range: NSRange(location: 0, length: ns.length))
        guard !matches.isEmpty else { return text }
        var output = ""
        var cursor = 0
        for match in matches {
            output += ns.substring(with: NSRange(location: cursor, length: match.range.location - cursor))
            output += transform(ns.substring(with: match.range))
            cursor = match.range.location + match.range.length
        }
        output += ns.substring(from: cursor)
        return output
    }
}
