import Foundation
import Testing

@testable import SwellDetection

/// A cluster's terms read as the words people wrote, not as fragments of character pairs.
@Suite struct TermPhraseTests {
    @Test func overlappingBigramsBecomeTheWordTheyCameFrom() {
        let weighted: [(text: String, weight: Double)] = [
            ("星酒", 9), ("四星", 8), ("酒店", 7), ("汽车", 6), ("车旅", 6), ("旅馆", 5), ("合同", 4), ("refund", 3), ("不符", 2),
        ]
        let merged = TermPhrases.merge(weighted, in: ["合同约定四星酒店，实际入住汽车旅馆，与合同不符", "说好的四星酒店变成了汽车旅馆"])
        #expect(merged.map(\.text) == ["四星酒店", "汽车旅馆", "合同", "refund", "不符"])
        #expect(merged.first?.weight == 9, "a phrase weighs as much as its strongest pair")
    }

    @Test func withoutAMemberTextTheTermsStayAsTheyAre() {
        let weighted: [(text: String, weight: Double)] = [("星酒", 2), ("hotel", 1)]
        #expect(TermPhrases.merge(weighted, in: []).map(\.text) == ["星酒", "hotel"])
        #expect(TermPhrases.merge([("hotel", 1)], in: ["hotel downgrade"]).map(\.text) == ["hotel"])
    }

    @Test func theDetectorShowsWholeWordsForAGroupComplaint() throws {
        var detector = Detector()
        let texts = [
            "6月12日出发的澳洲8日游团，合同约定四星酒店，实际入住汽车旅馆，要求退还差价",
            "澳洲8日游6月12日团，合同写四星酒店却住汽车旅馆，要求退还住宿差价",
            "澳洲8日游6月12日出发团，四星酒店被换成汽车旅馆，与合同不符，要求退还差价",
            "6月12日澳洲8日游合同约定的四星酒店变成汽车旅馆，要求旅行社退还差价",
        ]
        let placements = placeAll(&detector, texts.enumerated().map { n, text in
            complaint(Int64(n + 1), text, hours: Double(n) * 0.2, product: "AU-8D-0612")
        })
        let cluster = try #require(placements.last?.clusterId)
        #expect(Set(placements.map(\.clusterId)).count == 1)
        let terms = try #require(detector.cluster(cluster)).topTerms
        #expect(terms.contains("四星酒店") || terms.contains("汽车旅馆"), "\(terms)")
        #expect(!terms.contains("星酒") && !terms.contains("车旅"), "\(terms)")
    }
}
