/// Pulls named evidence out of a complaint: dates, product codes, flight numbers, vehicle
/// plates, venue names, amounts (text), and product/departure/supplier (structured fields).
public enum EntityExtractor {
    /// Province abbreviations that open a Chinese vehicle plate (京A12345).
    static let plateProvinces: Set<UInt32> = Set(
        "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼".unicodeScalars.map(\.value))
    static let currencyAfter: Set<String> = ["元", "块", "rmb", "yuan", "usd", "dollars", "dollar", "eur", "euros"]

    /// Entities of the complaint text and its structured fields, unique and sorted.
    public static func entities(
        text: NormalizedText, product: String?, departure: String?, supplier: String?
    ) -> [Entity] {
        extract(text: text, product: product, departure: departure, supplier: supplier).entities
    }

    /// Entities, and whether every date among them came from the departure field alone.
    static func extract(
        text: NormalizedText, product: String?, departure: String?, supplier: String?
    ) -> (entities: [Entity], datesOnlyFromDeparture: Bool) {
        var found: [Entity] = []
        let textDates = DateScanner.dates(in: text.scalars)
        for date in textDates { append(date, to: &found) }
        found += codes(in: text.scalars)
        found += VenueScanner.venues(in: text)
        if let product, !product.isEmpty {
            let folded = TextNormalizer.normalize(product).scalars.filter { $0 != 0x20 }
            if !folded.isEmpty { found.append(Entity(kind: .product, value: folded.string(0..<folded.count))) }
        }
        var departureDates = 0
        if let departure, !departure.isEmpty {
            for date in DateScanner.dates(in: TextNormalizer.normalize(departure).scalars) {
                append(date, to: &found)
                departureDates += 1
            }
        }
        if let supplier, !supplier.isEmpty {
            let folded = TextNormalizer.normalize(supplier).text
            if !folded.isEmpty { found.append(Entity(kind: .supplier, value: folded)) }
        }
        return (Array(Set(found)).sorted(), textDates.isEmpty && departureDates > 0)
    }

    private static func append(_ date: DateScanner.MonthDay, to found: inout [Entity]) {
        if date.month > 0 {
            found.append(Entity(kind: .date, value: pad(date.month) + "-" + pad(date.day)))
        }
        found.append(Entity(kind: .dayOfMonth, value: pad(date.day)))
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Product codes, flight numbers, plates and amounts: scanned token by token.
    static func codes(in s: [UInt32]) -> [Entity] {
        var found: [Entity] = []
        var i = 0
        while i < s.count {
            let v = s[i]
            if plateProvinces.contains(v), i + 1 < s.count, isLetter(s[i + 1]) {
                var j = i + 2
                if j < s.count, s[j] == 0x20 { j += 1 }
                let start = j
                while j < s.count, isAlnum(s[j]) { j += 1 }
                if j - start == 5 || j - start == 6 {
                    let plate = [v, s[i + 1]] + Array(s[start..<j])
                    found.append(Entity(kind: .vehiclePlate, value: plate.string(0..<plate.count)))
                    i = j
                    continue
                }
            }
            guard isAlnum(v), i == 0 || !isAlnum(s[i - 1]) else {
                i += 1
                continue
            }
            // A token of letters, digits and inner hyphens.
            var j = i
            var letters = 0, digits = 0, hyphens = 0
            while j < s.count {
                if isLetter(s[j]) { letters += 1 } else if DateScanner.isDigit(s[j]) { digits += 1 } else if s[j] == 0x2D,
                    j + 1 < s.count, isAlnum(s[j + 1]), letters + digits > 0
                {
                    hyphens += 1
                } else { break }
                j += 1
            }
            if hyphens > 0, letters > 0, digits > 0, j - i >= 5 {
                found.append(Entity(kind: .product, value: s.string(i..<j)))
            } else if hyphens == 0, letters > 0, letters <= 2, digits >= 3 || j - i == 2,
                let flight = flightNumber(Array(s[i..<j]), s, end: j)
            {
                found.append(Entity(kind: .flight, value: flight.value))
                j = flight.end
            } else if hyphens == 0, letters == 0, let amount = amount(s, start: i, end: j) {
                found.append(Entity(kind: .amount, value: amount))
            }
            i = max(j, i + 1)
        }
        return found
    }

    /// `ca1234`, `3u8888`, `ca 1234`: a two-character airline code and 3–4 digits.
    private static func flightNumber(_ token: [UInt32], _ s: [UInt32], end: Int) -> (value: String, end: Int)? {
        if token.count >= 5, token.count <= 6, isAlnum(token[0]), isAlnum(token[1]),
            isLetter(token[0]) || isLetter(token[1]), token[2...].allSatisfy(DateScanner.isDigit)
        {
            return (trimmedFlight(token), end)
        }
        if token.count == 2, token.allSatisfy(isLetter), end + 1 < s.count, s[end] == 0x20 {
            var k = end + 1
            while k < s.count, DateScanner.isDigit(s[k]) { k += 1 }
            let digits = k - (end + 1)
            if (digits == 3 || digits == 4), k >= s.count || !isAlnum(s[k]) {
                let word = token.string(0..<2)
                if ["on", "at", "in", "to", "of", "by", "or", "no", "is", "we", "us", "my", "it", "an", "as"].contains(word) {
                    return nil
                }
                return (trimmedFlight(token + Array(s[(end + 1)..<k])), k)
            }
        }
        return nil
    }

    private static func trimmedFlight(_ token: [UInt32]) -> String {
        var digits = Array(token[2...])
        while digits.count > 3, digits.first == 0x30 { digits.removeFirst() }
        let all = Array(token[0..<2]) + digits
        return all.string(0..<all.count)
    }

    /// `3000元`, `3,000 yuan`, `¥3000`, `$450`.
    private static func amount(_ s: [UInt32], start: Int, end: Int) -> String? {
        var j = end
        var value = DateScanner.number(s, start).0
        while value < 1_000_000_000, j + 3 < s.count, s[j] == 0x2C, s[(j + 1)..<(j + 4)].allSatisfy(DateScanner.isDigit),
            j + 4 >= s.count || !DateScanner.isDigit(s[j + 4])
        {
            value = value * 1000 + DateScanner.number(s, j + 1).0
            j += 4
        }
        guard value >= 10 else { return nil }
        let before = start > 0 ? s[start - 1] : 0
        var after = j
        if after < s.count, s[after] == 0x20 { after += 1 }
        var wordEnd = after
        while wordEnd < s.count, isLetter(s[wordEnd]) || ScalarClass.of(s[wordEnd]) == .han, wordEnd - after < 7 {
            wordEnd += 1
            if ScalarClass.of(s[wordEnd - 1]) == .han { break }
        }
        let word = s.string(after..<wordEnd)
        if before == 0xA5 || before == 0x24 || currencyAfter.contains(word) { return String(value) }
        return nil
    }

    @inline(__always) static func isLetter(_ v: UInt32) -> Bool { v >= 0x61 && v <= 0x7A }
    @inline(__always) static func isAlnum(_ v: UInt32) -> Bool { DateScanner.isAlnum(v) }
}
