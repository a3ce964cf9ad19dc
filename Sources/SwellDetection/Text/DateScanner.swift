/// Finds calendar dates in normalised text: `2026-06-12`, `2026/6/12`, `2026年6月12日`,
/// `6月12日`, `6月12号`, `6/12`, `12/6/2026`, `12 june`, `june 12th`, `12th of june`, `12号`.
enum DateScanner {
    /// A month (0 when unknown) and day.
    struct MonthDay: Hashable {
        var month: Int
        var day: Int
    }

    static let monthNames: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
        "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    /// First letters of month names, to skip most words without building a string.
    static let monthInitials: Set<UInt32> = Set("jfmasond".unicodeScalars.map(\.value))

    static let yue: UInt32 = 0x6708  // 月
    static let ri: UInt32 = 0x65E5  // 日
    static let hao: UInt32 = 0x53F7  // 号
    static let nian: UInt32 = 0x5E74  // 年

    /// Characters after `N号` that make it a seat, room or coach number rather than a date.
    static let notADayAfterHao: Set<UInt32> = Set("车房楼线门座床位桌台厅口院航站码".unicodeScalars.map(\.value))
    /// Characters after `N日` that make it a length of time rather than a day of the month: 欧洲8日游 (an 8-day tour),
    /// 7日内退款 (within 7 days).
    static let durationAfterRi: Set<UInt32> = Set("游内".unicodeScalars.map(\.value))
    static let nights: Set<UInt32> = Set("晚夜".unicodeScalars.map(\.value))

    static func dates(in s: [UInt32]) -> [MonthDay] {
        var found: [MonthDay] = []
        var i = 0
        while i < s.count {
            let c = ScalarClass.of(s[i])
            if c == .digit, i == 0 || !isAlnum(s[i - 1]) {
                let (n, j) = number(s, i)
                if let (date, next) = numericDate(s, first: n, start: i, end: j) {
                    found.append(date)
                    i = next
                    continue
                }
                i = j
            } else if chineseDigits[s[i]] != nil || s[i] == shi, i == 0 || (chineseDigits[s[i - 1]] == nil && s[i - 1] != shi) {
                // 六月十二日, 十二月三号
                if let (month, j) = chineseNumber(s, i), j < s.count, s[j] == yue, let (day, k) = dayAfterYue(s, j + 1),
                    valid(month, day)
                {
                    found.append(MonthDay(month: month, day: day))
                    i = k
                    continue
                }
                i += 1
            } else if c == .letter, i == 0 || ScalarClass.of(s[i - 1]) != .letter {
                var j = i
                while j < s.count, ScalarClass.of(s[j]) == .letter { j += 1 }
                if j - i >= 3, j - i <= 9, monthInitials.contains(s[i]), let month = monthNames[s.string(i..<j)],
                    let (day, next) = dayAfterMonthName(s, j)
                {
                    if month == 5 && next == j { i = j; continue }  // "may" alone is a verb
                    found.append(MonthDay(month: month, day: day))
                    i = next
                    continue
                }
                i = j
            } else {
                i += 1
            }
        }
        return found
    }

    private static func numericDate(_ s: [UInt32], first n: Int, start: Int, end j: Int) -> (MonthDay, Int)? {
        let digits = j - start
        let at = { (k: Int) -> UInt32 in k < s.count ? s[k] : 0 }
        // 2026年6月12日 / 2026-06-12 / 2026/6/12 / 2026.6.12
        if digits == 4 {
            let sep = at(j)
            if sep == nian || sep == 0x2D || sep == 0x2F || sep == 0x2E, isDigit(at(j + 1)) {
                let (m, k) = number(s, j + 1)
                let sep2 = at(k)
                if (sep == nian && sep2 == yue) || (sep != nian && sep2 == sep), isDigit(at(k + 1)) {
                    let (d, l) = number(s, k + 1)
                    if valid(m, d) {
                        let after = (at(l) == ri || at(l) == hao) ? l + 1 : l
                        return (MonthDay(month: m, day: d), after)
                    }
                }
            }
            return nil
        }
        guard digits <= 2 else { return nil }
        // 6月12日 / 6月12号 / 6月12 / 6月十二日
        if at(j) == yue, let (d, l) = dayAfterYue(s, j + 1) {
            guard valid(n, d) else { return nil }
            return (MonthDay(month: n, day: d), l)
        }
        // 6/12, 6-12, 12/6/2026
        if at(j) == 0x2F || at(j) == 0x2D, isDigit(at(j + 1)) {
            let (second, k) = number(s, j + 1)
            guard k - (j + 1) <= 2 else { return nil }
            var next = k
            if at(k) == at(j), isDigit(at(k + 1)) {
                let (year, l) = number(s, k + 1)
                if l - (k + 1) == 4 || l - (k + 1) == 2 { _ = year; next = l } else { return nil }
            } else if isAlnum(at(k)) {
                return nil
            }
            if valid(n, second) { return (MonthDay(month: n, day: second), next) }
            if valid(second, n) { return (MonthDay(month: second, day: n), next) }
            return nil
        }
        // 6.12出发, 6.12的团: month.day only where a departure-like word follows (3.5小时 is no date)
        if at(j) == 0x2E, isDigit(at(j + 1)) {
            let (d, k) = number(s, j + 1)
            if k - (j + 1) <= 2, valid(n, d), dateFollowers.contains(at(k)) { return (MonthDay(month: n, day: d), k) }
        }
        // 12 june, 12th june, 12th of june
        var k = j
        if k + 1 < s.count, ScalarClass.of(s[k]) == .letter {
            let suffix = s.string(k..<(k + 2))
            if ["st", "nd", "rd", "th"].contains(suffix) { k += 2 }
        }
        if at(k) == 0x20 {
            var w = k + 1
            if s.count >= w + 3, s.string(w..<(w + 3)) == "of " { w += 3 }
            var e = w
            while e < s.count, ScalarClass.of(s[e]) == .letter { e += 1 }
            if e > w, let month = monthNames[s.string(w..<e)], valid(month, n) {
                return (MonthDay(month: month, day: n), e)
            }
        }
        // 12号 / 12日 on its own: a day of the month (not 8日游, 7日内, 8日7晚: lengths of time)
        if at(j) == hao || at(j) == ri, n >= 1, n <= 31, !notADayAfterHao.contains(at(j + 1)) {
            if start > 0, s[start - 1] == yue { return nil }
            if at(j) == ri, isDuration(s, after: j + 1) { return nil }
            return (MonthDay(month: 0, day: n), j + 1)
        }
        return nil
    }

    /// Whether what follows `N日` makes it a length of time: 游 or 内, or a count of nights (8日7晚, 5日四夜).
    static func isDuration(_ s: [UInt32], after index: Int) -> Bool {
        guard index < s.count else { return false }
        if durationAfterRi.contains(s[index]) { return true }
        var end = index
        if isDigit(s[index]) {
            end = number(s, index).1
        } else if let (_, next) = chineseNumber(s, index) {
            end = next
        }
        return end > index && end < s.count && nights.contains(s[end])
    }

    /// The day after 月, in digits or Chinese numerals, and the index after an optional 日/号.
    static func dayAfterYue(_ s: [UInt32], _ start: Int) -> (Int, Int)? {
        guard start < s.count else { return nil }
        var day = 0
        var end = start
        if isDigit(s[start]) {
            (day, end) = number(s, start)
        } else if let (value, next) = chineseNumber(s, start) {
            (day, end) = (value, next)
        } else {
            return nil
        }
        if end < s.count, s[end] == ri || s[end] == hao { end += 1 }
        return (day, end)
    }

    /// Characters that may follow a dotted month.day date: 出(发), 日, 号, 团, 那(天), 的, 当(天), 入(住), 回, 返, 到, 至, 起.
    static let dateFollowers: Set<UInt32> = Set("出日号团那的当入回返到至起".unicodeScalars.map(\.value))

    static let shi: UInt32 = 0x5341  // 十
    static let chineseDigits: [UInt32: Int] = [
        0x96F6: 0, 0x3007: 0, 0x4E00: 1, 0x4E8C: 2, 0x4E24: 2, 0x4E09: 3, 0x56DB: 4, 0x4E94: 5, 0x516D: 6, 0x4E03: 7,
        0x516B: 8, 0x4E5D: 9,
    ]

    /// A number from 1 to 39 in Chinese numerals (十二, 二十五, 三十一, 九), and the index after it.
    static func chineseNumber(_ s: [UInt32], _ start: Int) -> (Int, Int)? {
        var i = start
        var value = 0
        if i < s.count, let tens = chineseDigits[s[i]], i + 1 < s.count, s[i + 1] == shi {
            value = tens * 10
            i += 2
        } else if i < s.count, s[i] == shi {
            value = 10
            i += 1
        }
        if i < s.count, let units = chineseDigits[s[i]] {
            value += units
            i += 1
        }
        return i > start && value > 0 && value < 40 ? (value, i) : nil
    }

    private static func dayAfterMonthName(_ s: [UInt32], _ j: Int) -> (Int, Int)? {
        guard j + 1 < s.count, s[j] == 0x20, isDigit(s[j + 1]) else { return nil }
        let (d, k) = number(s, j + 1)
        guard k - (j + 1) <= 2, d >= 1, d <= 31 else { return nil }
        var end = k
        if k + 1 < s.count, ["st", "nd", "rd", "th"].contains(s.string(k..<(k + 2))) { end = k + 2 }
        if end < s.count, ScalarClass.of(s[end]) == .digit { return nil }
        return (d, end)
    }

    @inline(__always) static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }
    @inline(__always) static func isAlnum(_ v: UInt32) -> Bool { isDigit(v) || (v >= 0x61 && v <= 0x7A) }

    static func number(_ s: [UInt32], _ start: Int) -> (Int, Int) {
        var value = 0
        var k = start
        while k < s.count, isDigit(s[k]), k - start < 9 {
            value = value * 10 + Int(s[k] - 0x30)
            k += 1
        }
        while k < s.count, isDigit(s[k]) { k += 1 }
        return (value, k)
    }

    static func valid(_ month: Int, _ day: Int) -> Bool { month >= 1 && month <= 12 && day >= 1 && day <= 31 }
}
