/// Finds names of hotels, restaurants, ships, airlines, coach companies and agencies by
/// general patterns — a short run of CJK characters ending in a category word (酒店, 餐厅,
/// 号, 航空, 客运, 旅行社…) or capitalised Latin words before "Hotel", "Airlines"… —
/// never by a list of known names.
enum VenueScanner {
    struct Suffix {
        var scalars: [UInt32]
        var kind: EntityKind
    }

    static let cjkSuffixes: [Suffix] = [
        ("酒店", EntityKind.lodging), ("宾馆", .lodging), ("饭店", .lodging), ("旅馆", .lodging), ("客栈", .lodging),
        ("民宿", .lodging), ("度假村", .lodging), ("山庄", .lodging), ("餐厅", .dining), ("酒家", .dining),
        ("饭馆", .dining), ("餐馆", .dining), ("酒楼", .dining), ("食府", .dining), ("号", .ship), ("邮轮", .ship),
        ("游轮", .ship), ("航空", .airline), ("客运", .coach), ("巴士", .coach), ("车队", .coach),
        ("汽车公司", .coach), ("旅行社", .agency), ("旅游公司", .agency), ("国旅", .agency),
    ].map { Suffix(scalars: $0.0.unicodeScalars.map(\.value), kind: $0.1) }

    /// Suffix candidates keyed by their last scalar, for a quick test at each position.
    static let byLastScalar: [UInt32: [Suffix]] = Dictionary(grouping: cjkSuffixes, by: { $0.scalars.last ?? 0 })
    static let lastScalars = ScalarFilter(byLastScalar.keys)

    /// Characters that cannot be part of a name: grammar words and pronouns.
    static let stopScalars: Set<UInt32> = Set(
        "的了在是住到入和与及或被把给从让叫坐乘订去带我们你他她它该此这那个家间一有没说就都也很太还又再但而因所为对向往于着过里外前后不好这些那些啥什么哪就是安排入住换成变成改成当地原定说好合同上写的所谓居然竟然结果整个全团导游领队旅行社星级"
            .unicodeScalars.map(\.value))
    /// Kinds of place rather than names (汽车旅馆 is a motel, not a hotel called 汽车).
    static let genericNames: Set<String> = [
        "汽车", "快捷", "经济", "经济型", "商务", "豪华", "普通", "一般", "破旧", "廉价", "简陋", "连锁", "农家", "路边", "附近",
        "当地", "小型", "大型", "高档", "低档", "特色", "自助",
    ]
    /// Qualifiers between a name and its category word (度假酒店, 国际大酒店, 精品酒店).
    static let trailingQualifiers: [[UInt32]] = ["度假", "国际", "商务", "精品", "主题", "温泉", "连锁", "花园"]
        .map { $0.unicodeScalars.map(\.value) }

    static func hasSuffix(_ s: [UInt32], _ range: Range<Int>, _ suffix: [UInt32]) -> Bool {
        range.count >= suffix.count && Array(s[(range.upperBound - suffix.count)..<range.upperBound]) == suffix
    }

    /// Words that stand before 号 in a date or an ordinal, not in a ship's name.
    static let notShipBeforeHao: Set<UInt32> = Set("几这那哪个多同月日当编型".unicodeScalars.map(\.value))

    static let latinSuffixes: [String: EntityKind] = [
        "hotel": .lodging, "resort": .lodging, "inn": .lodging, "hostel": .lodging, "lodge": .lodging,
        "suites": .lodging, "restaurant": .dining, "cafe": .dining, "bistro": .dining, "airlines": .airline,
        "airways": .airline, "air": .airline, "cruises": .ship, "cruise": .ship, "coach": .coach, "coaches": .coach,
        "bus": .coach, "transport": .coach, "travel": .agency, "tours": .agency,
    ]

    static func venues(in text: NormalizedText) -> [Entity] {
        let s = text.scalars
        var found: [Entity] = []
        var i = 0
        while i < s.count {
            if lastScalars.mayContain(s[i]), let candidates = byLastScalar[s[i]] {
                for suffix in candidates {
                    let n = suffix.scalars.count
                    let start = i - n + 1
                    guard start >= 1, Array(s[start...i]) == suffix.scalars else { continue }
                    if let name = cjkName(s, before: start, kind: suffix.kind) {
                        found.append(Entity(kind: suffix.kind, value: name))
                        break
                    }
                }
            }
            i += 1
        }
        found += latinVenues(text)
        return found
    }

    private static func cjkName(_ s: [UInt32], before end: Int, kind: EntityKind) -> String? {
        var k = end - 1
        if s[k] == 0x5927 { k -= 1 }  // 大酒店 → the name without 大
        if kind == .ship, k >= 0, notShipBeforeHao.contains(s[k]) || s[k] == 0x53F7 { return nil }  // 号邮轮: 号 names it
        var start = k + 1
        while start - 1 >= 0, k - (start - 1) < 4, ScalarClass.of(s[start - 1]) == .han,
            !stopScalars.contains(s[start - 1])
        {
            start -= 1
        }
        var end = k + 1
        // 万豪度假酒店 and 万豪酒店 are one hotel: drop trailing qualifiers.
        while end - start > 2, let qualifier = trailingQualifiers.first(where: { hasSuffix(s, start..<end, $0) }) {
            end -= qualifier.count
        }
        guard end - start >= 2 else { return nil }
        let name = s.string(start..<end)
        return genericNames.contains(name) ? nil : name
    }

    private static func latinVenues(_ text: NormalizedText) -> [Entity] {
        guard text.wasUppercase.contains(true) else { return [] }  // names are capitalised
        let s = text.scalars
        var words: [(range: Range<Int>, capitalised: Bool)] = []
        var i = 0
        while i < s.count {
            if ScalarClass.of(s[i]) == .letter, s[i] < 0x80 {
                var j = i
                while j < s.count, s[j] >= 0x61, s[j] <= 0x7A { j += 1 }
                words.append((i..<j, text.wasUppercase[i]))
                i = j
            } else {
                if s[i] != 0x20, !words.isEmpty { words.append((i..<i, false)) }  // punctuation breaks a name
                i += 1
            }
        }
        var found: [Entity] = []
        for (index, word) in words.enumerated() where word.range.count >= 3 && word.range.count <= 10 {
            guard index > 0, words[index - 1].capitalised, let kind = latinSuffixes[s.string(word.range)] else { continue }
            var first = index
            while first - 1 >= 0, index - (first - 1) <= 3, words[first - 1].capitalised, !words[first - 1].range.isEmpty {
                first -= 1
            }
            guard first < index else { continue }
            let name = (first..<index).map { s.string(words[$0].range) }.joined(separator: " ")
            if name == "the" || name == "our" { continue }
            found.append(Entity(kind: kind, value: name))
        }
        return found
    }
}
