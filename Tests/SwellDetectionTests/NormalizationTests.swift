import Testing
@testable import SwellDetection

@Suite("Normalisation")
struct NormalizationTests {
    @Test func fullWidthFoldsToHalfWidthAndLowerCase() {
        #expect(TextNormalizer.normalize("ＡＢＣ１２３ Ｈｏｔｅｌ").text == "abc123 hotel")
    }

    @Test func traditionalChineseBecomesSimplified() {
        #expect(TextNormalizer.normalize("這個導遊強迫購物，飛機延誤").text == "这个导游强迫购物,飞机延误")
    }

    @Test func punctuationAndWhitespaceFold() {
        #expect(TextNormalizer.normalize("酒店。。 很差！！\n\t  太差、").text == "酒店.. 很差!! 太差,")
        #expect(TextNormalizer.normalize("  spaced   out  ").text == "spaced out")
    }

    @Test func compatibilityCharactersAreMapped() {
        // Circled digits and the fi ligature need NFKC.
        #expect(TextNormalizer.normalize("①号 ﬁne").text == "1号 fine")
    }

    @Test func accentedCapitalsFold() {
        #expect(TextNormalizer.normalize("HÔTEL Été").text == "hôtel été")
    }

    @Test func stableHashIsTheSameInEveryProcess() {
        // FNV-1a 64 of "abc": a constant, unlike Swift's per-process seeded Hasher.
        #expect(StableHash.string("abc") == 0xe71f_a219_0541_574b)
    }
}
