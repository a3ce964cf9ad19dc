import Foundation
public import SwellCore

/// Reads the tone of a public text (news, posts, reviews) in Chinese (simplified or traditional) and English:
/// a lexicon of polar words with negation, intensifiers and contrast, pure and deterministic.
///
/// The text is normalised as for detection (NFKC, simplified Chinese, lower case). Chinese runs are read by
/// longest match against ``ToneLexicon``, English runs word by word. A polar word adds its weight; a negator
/// within the next few characters or words flips it (and weakens it: "not good" is milder than "bad"); an
/// intensifier strengthens it; a contrast (但是, but) halves what came before it in the sentence and weighs what
/// follows by half as much again, since what follows it decides. A comma ends a negation's reach, a full stop the
/// sentence. The sum becomes a score in −1…1 by `s / √(s² + 4)`; a score of at least 0.2 either way
/// gives a tone, so one clear word is enough, and a balanced or empty text is neutral.
public enum ToneReader {
    /// Score needed, either way, for a tone other than neutral.
    public static let threshold = 0.2

    public static func read(_ text: String) -> ToneReading {
        let total = sum(of: TextNormalizer.normalize(text).scalars)
        let score = total / (total * total + 4).squareRoot()
        let rounded = (score * 1000).rounded() / 1000
        let tone: MediaTone = score >= threshold ? .positive : score <= -threshold ? .negative : .neutral
        return ToneReading(tone: tone, score: rounded)
    }

    /// Characters (Chinese) or words (English) a negator or an intensifier reaches.
    static let reach = 4

    static func sum(of scalars: [UInt32]) -> Double {
        var state = SentenceState()
        var total = 0.0
        var index = 0
        while index < scalars.count {
            let value = scalars[index]
            if isLatinLetter(value) {
                var end = index
                var word = String.UnicodeScalarView()
                while end < scalars.count, isLatinLetter(scalars[end]) || isApostrophe(scalars[end]) {
                    if isLatinLetter(scalars[end]), let scalar = Unicode.Scalar(scalars[end]) { word.append(scalar) }
                    end += 1
                }
                // Two-word entries ("on time", "highly recommend") first, then the word.
                let next = nextWord(in: scalars, from: end)
                if let next, let role = ToneLexicon.entries[String(word) + " " + next.word] {
                    state.take(role, width: 1)
                    index = next.end
                } else {
                    if let role = ToneLexicon.entries[String(word)] { state.take(role, width: 1) } else { state.pass(1) }
                    index = end
                }
            } else if isHan(value) {
                if let (role, length) = longestHanEntry(in: scalars, at: index) {
                    state.take(role, width: length)
                    index += length
                } else {
                    state.pass(1)
                    index += 1
                }
            } else {
                if isSentenceEnd(value) {
                    total += state.close()
                } else if value == 0x2C {
                    state.endClause()
                }
                index += 1
            }
        }
        return total + state.close()
    }

    /// What one sentence has added so far, and the negation or intensifier still reaching forward.
    struct SentenceState {
        var sum = 0.0
        var negationLeft = 0
        var intensity = 1.0
        var intensityLeft = 0
        /// After a contrast (但是, but), what follows weighs more.
        var turned = false

        mutating func take(_ role: ToneLexicon.Role, width: Int) {
            switch role {
            case .polar(let weight):
                guard weight != 0 else {
                    pass(width)
                    return
                }
                var value = weight * (intensityLeft > 0 ? intensity : 1) * (turned ? 1.5 : 1)
                if negationLeft > 0 { value = -value * 0.7 }
                sum += value
                negationLeft = 0
                intensityLeft = 0
            case .negator:
                negationLeft = negationLeft > 0 ? 0 : ToneReader.reach + 1  // a double negative cancels
                pass(width - 1)
            case .intensifier(let factor):
                intensity = factor
                intensityLeft = ToneReader.reach + 1
                pass(width - 1)
            case .contrast:
                sum *= 0.5
                turned = true
                negationLeft = 0
                intensityLeft = 0
            }
        }

        /// Moves past `width` characters or words that carry no tone.
        mutating func pass(_ width: Int) {
            negationLeft = max(0, negationLeft - width)
            intensityLeft = max(0, intensityLeft - width)
        }

        /// Ends a clause (a comma): negation and intensity stop there; the sentence's sum goes on, so a contrast
        /// after the comma still weighs what came before.
        mutating func endClause() {
            negationLeft = 0
            intensityLeft = 0
        }

        /// Ends the sentence: returns what it added and starts afresh.
        mutating func close() -> Double {
            defer { self = SentenceState() }
            return sum
        }
    }

    static let longestEntry = ToneLexicon.entries.keys.map(\.unicodeScalars.count).max() ?? 1

    static func longestHanEntry(in scalars: [UInt32], at start: Int) -> (ToneLexicon.Role, Int)? {
        var length = min(longestEntry, scalars.count - start)
        while length > 0 {
            var view = String.UnicodeScalarView()
            for value in scalars[start..<(start + length)] {
                guard isHan(value), let scalar = Unicode.Scalar(value) else { break }
                view.append(scalar)
            }
            if view.count == length, let role = ToneLexicon.entries[String(view)] { return (role, length) }
            length -= 1
        }
        return nil
    }

    static func nextWord(in scalars: [UInt32], from start: Int) -> (word: String, end: Int)? {
        guard start < scalars.count, scalars[start] == 0x20 else { return nil }
        var end = start + 1
        var word = String.UnicodeScalarView()
        while end < scalars.count, isLatinLetter(scalars[end]) {
            if let scalar = Unicode.Scalar(scalars[end]) { word.append(scalar) }
            end += 1
        }
        return word.isEmpty ? nil : (String(word), end)
    }

    static func isLatinLetter(_ value: UInt32) -> Bool { (0x61...0x7A).contains(value) || value == 0x2D }
    static func isApostrophe(_ value: UInt32) -> Bool { value == 0x27 || value == 0x2019 }
    static func isHan(_ value: UInt32) -> Bool { (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) }
    /// Full stops, exclamation and question marks, semicolons and line ends (the normaliser folds Chinese
    /// punctuation to these ASCII marks). A comma ends a clause only.
    static func isSentenceEnd(_ value: UInt32) -> Bool { [0x2E, 0x21, 0x3F, 0x3B, 0x0A].contains(value) }
}
