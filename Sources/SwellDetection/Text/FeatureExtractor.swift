/// One text feature: a hashed token and where its text lies in the normalised scalars.
public struct Feature: Sendable, Equatable {
    /// Stable 32-bit hash of the token.
    public var hash: UInt32
    /// Scalar range of the token in ``NormalizedText/scalars`` (for showing shared terms).
    public var start: Int32
    public var end: Int32
}

/// Splits normalised text into hashed features: CJK character bigrams, Latin content words
/// (light stemming, stopwords dropped) and word bigrams, and numbers kept whole.
public enum FeatureExtractor {
    static let hanSeed: UInt64 = 0x1f3a_55c2_0d11_7e01
    static let wordSeed: UInt64 = 0x7b21_903d_aa04_c1e5
    static let wordPairSeed: UInt64 = 0x5c0e_61f7_2b89_d403

    /// Features of `text`, unique by hash and sorted by hash.
    public static func features(of text: NormalizedText) -> [Feature] {
        let s = text.scalars
        var out: [Feature] = []
        out.reserveCapacity(s.count)
        var previousWord: (hash: UInt64, start: Int)? = nil
        var concepts = Set<Int>()
        var i = 0
        while i < s.count {
            switch ScalarClass.of(s[i]) {
            case .han:
                var j = i
                while j < s.count, ScalarClass.of(s[j]) == .han { j += 1 }
                ConceptLexicon.chineseConcepts(s, i..<j, into: &concepts)
                if j - i >= 2 {
                    for k in i..<(j - 1) {
                        let h = StableHash.step(StableHash.step(hanSeed, s[k]), s[k + 1])
                        out.append(Feature(hash: fold(h), start: Int32(k), end: Int32(k + 2)))
                    }
                }
                previousWord = nil
                i = j
            case .letter, .digit:
                var j = i
                var hasLetter = false
                var hasDigit = false
                while j < s.count {
                    let c = ScalarClass.of(s[j])
                    if c == .letter { hasLetter = true } else if c == .digit { hasDigit = true } else { break }
                    j += 1
                }
                var token = Array(s[i..<j])
                if hasLetter && !hasDigit {
                    if token.count < 2 || Stopwords.english.contains(StableHash.fnv1a(token)) {
                        i = j
                        continue
                    }
                    token = Stemmer.stem(token)
                    if let concept = ConceptLexicon.englishForms[StableHash.fnv1a(token)] { concepts.insert(concept) }
                }
                let h = StableHash.fnv1a(token, seed: wordSeed)
                out.append(Feature(hash: fold(h), start: Int32(i), end: Int32(j)))
                if hasLetter, let previous = previousWord {
                    let pair = StableHash.mix(previous.hash ^ (h &* 31)) ^ wordPairSeed
                    out.append(Feature(hash: fold(pair), start: Int32(previous.start), end: Int32(j)))
                }
                previousWord = hasLetter ? (h, i) : nil
                i = j
            case .separator:
                if s[i] != 0x20 { previousWord = nil }  // punctuation ends a phrase
                i += 1
            }
        }
        for concept in concepts { out.append(Feature(hash: ConceptLexicon.feature(concept), start: 0, end: 0)) }
        out.sort { $0.hash < $1.hash }
        var unique: [Feature] = []
        unique.reserveCapacity(out.count)
        for feature in out where unique.last?.hash != feature.hash { unique.append(feature) }
        return unique
    }

    @inline(__always)
    static func fold(_ h: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: h ^ (h >> 32)) }
}

/// A light English suffix stripper: enough to make "delayed", "delays" and "delay" meet.
enum Stemmer {
    static func stem(_ word: [UInt32]) -> [UInt32] {
        let n = word.count
        func ends(_ suffix: String) -> Bool {
            let tail = Array(suffix.unicodeScalars.map(\.value))
            return n > tail.count && Array(word[(n - tail.count)...]) == tail
        }
        if n > 4 && ends("ies") { return Array(word[..<(n - 3)]) + [0x79] }
        if n > 5 && ends("ing") { return Array(word[..<(n - 3)]) }
        if n > 4 && ends("ed") { return Array(word[..<(n - 2)]) }
        if n > 4 && ends("ly") { return Array(word[..<(n - 2)]) }
        if n > 4 && (ends("ses") || ends("xes") || ends("ches") || ends("shes")) { return Array(word[..<(n - 2)]) }
        if n > 3 && ends("s") && !ends("ss") { return Array(word[..<(n - 1)]) }
        return word
    }
}

/// English function words that carry no evidence, kept as stable hashes.
enum Stopwords {
    static let english: Set<UInt64> = Set(
        """
        the a an and or but of to in on at for with was were is are be been being it its this that these those
        we our us i my me you your they them their he she his her had have has not no so very just from by as
        all also there which who what when then than too into about after before again only even did do does
        can could would will should up out any some such how because while if were am get got here where why
        """
        .split(whereSeparator: { $0 == " " || $0 == "\n" })
        .map { StableHash.fnv1a($0.unicodeScalars.map(\.value)) })
}
