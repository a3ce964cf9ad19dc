import Testing
@testable import SwellDetection

@Suite("Features")
struct FeatureTests {
    func hashes(_ text: String) -> Set<UInt32> { Set(FeatureExtractor.features(of: TextNormalizer.normalize(text)).map(\.hash)) }

    @Test func chineseRunsGiveCharacterBigrams() {
        let features = FeatureExtractor.features(of: TextNormalizer.normalize("酒店降级"))
        let text = TextNormalizer.normalize("酒店降级").scalars
        let grams = Set(features.filter { $0.end > 0 }.map { text.string(Int($0.start)..<Int($0.end)) })
        #expect(grams == ["酒店", "店降", "降级"])
    }

    @Test func traditionalAndSimplifiedShareFeatures() {
        #expect(hashes("導遊強迫購物") == hashes("导游强迫购物"))
    }

    @Test func englishStopwordsDropAndStemsMeet() {
        #expect(hashes("the flights were delayed") == hashes("flight delays"))
        #expect(hashes("the of and").isEmpty)
    }

    @Test func numbersAreKept() {
        #expect(!hashes("12315").isEmpty)
        #expect(hashes("ca1234") != hashes("ca1235"))
    }

    @Test func conceptsBridgeLanguages() {
        let chinese = hashes("航班延误")
        let english = hashes("flight delayed")
        #expect(!chinese.intersection(english).isEmpty)
    }

    @Test func featuresAreSortedAndUnique() {
        let features = FeatureExtractor.features(of: TextNormalizer.normalize("酒店酒店酒店 hotel hotel"))
        #expect(features.map(\.hash) == features.map(\.hash).sorted())
        #expect(Set(features.map(\.hash)).count == features.count)
    }
}
