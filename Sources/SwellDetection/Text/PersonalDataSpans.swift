/// Where personal data stands in normalised text: e-mail addresses and runs of seven or more digits (phones,
/// ID-card and passport numbers, with spaces or dashes inside). A feature whose text overlaps one is never
/// kept as a cluster's term, so terms (shown to every role, frozen into incident titles, sent in notifications)
/// never carry a complainant's number or address.
enum PersonalDataSpans {
    static func ranges(in s: [UInt32]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var i = 0
        while i < s.count {
            if isDigit(s[i]) {
                var j = i
                var digits = 0
                while j < s.count, isDigit(s[j]) || (s[j] == 0x20 || s[j] == 0x2D) && j + 1 < s.count && isDigit(s[j + 1]) {
                    if isDigit(s[j]) { digits += 1 }
                    j += 1
                }
                if digits >= 7 { ranges.append(i..<j) }
                i = j
            } else if s[i] == 0x40 {  // "@": the local part before it and the domain after it
                var start = i
                while start > 0, isAddressCharacter(s[start - 1]) { start -= 1 }
                var end = i + 1
                while end < s.count, isAddressCharacter(s[end]) { end += 1 }
                if start < i, end > i + 1 { ranges.append(start..<end) }
                i = end
            } else {
                i += 1
            }
        }
        return ranges
    }

    static func overlaps(_ span: Range<Int>, _ ranges: [Range<Int>]) -> Bool {
        ranges.contains { $0.overlaps(span) }
    }

    private static func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }

    private static func isAddressCharacter(_ c: UInt32) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || isDigit(c) || c == 0x2E || c == 0x5F || c == 0x2D || c == 0x2B
    }
}
