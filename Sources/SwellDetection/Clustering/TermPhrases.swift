/// Turns a cluster's strongest character bigrams back into the words people wrote: runs of overlapping bigrams in a
/// member's text become one phrase (星酒 + 四星 + 酒店 read in "四星酒店" give 四星酒店), so a warning reads
/// "四星酒店 · 汽车旅馆" rather than "星酒 · 车旅". Terms that are not CJK bigrams (Latin words, numbers) pass through.
/// Runs on every cluster summary, so it works on scalar codes and builds a string only for a phrase it found.
enum TermPhrases {
    /// `weighted` is strongest first; `texts` are normalised member texts to read runs in. The result keeps the order
    /// of strength: a phrase weighs as much as its strongest bigram, and the bigrams it covers are left out.
    static func merge(_ weighted: [(text: String, weight: Double)], in texts: [String]) -> [(text: String, weight: Double)] {
        var weight: [UInt64: Double] = [:]
        for term in weighted {
            if let key = hanBigramKey(term.text) { weight[key] = max(weight[key] ?? 0, term.weight) }
        }
        guard !weight.isEmpty else { return weighted }
        var phrases: [String: Double] = [:]
        var covered = Set<UInt64>()
        for text in texts {
            let scalars = Array(text.unicodeScalars)
            var start = 0
            while start + 1 < scalars.count {
                var end = start
                var strongest = 0.0
                while end + 1 < scalars.count, let pair = weight[pack(scalars[end], scalars[end + 1])] {
                    strongest = max(strongest, pair)
                    end += 1
                }
                if end > start + 1 {
                    for index in start..<end { covered.insert(pack(scalars[index], scalars[index + 1])) }
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: scalars[start...end])
                    let phrase = String(view)
                    phrases[phrase] = max(phrases[phrase] ?? 0, strongest)
                }
                start = max(end, start + 1)
            }
        }
        guard !phrases.isEmpty else { return weighted }
        // A phrase inside a longer one found elsewhere (四星酒 inside 四星酒店) gives way to it.
        let kept = phrases.filter { candidate in !phrases.keys.contains { $0 != candidate.key && $0.contains(candidate.key) } }
        let merged = weighted.filter { term in hanBigramKey(term.text).map { !covered.contains($0) } ?? true }
            + kept.map { (text: $0.key, weight: $0.value) }
        return merged.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : ($0.text.count, $0.text) > ($1.text.count, $1.text) }
    }

    /// The two Han characters of a CJK bigram feature as one key; nil for any other term.
    static func hanBigramKey(_ text: String) -> UInt64? {
        var iterator = text.unicodeScalars.makeIterator()
        guard let first = iterator.next(), let second = iterator.next(), iterator.next() == nil,
            first.properties.isIdeographic, second.properties.isIdeographic
        else { return nil }
        return pack(first, second)
    }

    static func pack(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 { UInt64(a.value) << 32 | UInt64(b.value) }
}
