import Foundation
import SwellCore
import Testing

@Suite struct SearchFoldingTests {
    @Test func foldsScriptCaseWidthAndPunctuation() {
        #expect(SearchFolding.fold("酒店降級") == SearchFolding.fold("酒店降级"))
        #expect(SearchFolding.fold("我們的導遊") == "我们的导游")
        #expect(SearchFolding.fold("The HOTEL, downgraded!") == "the hotel downgraded")
        #expect(SearchFolding.fold("ＨＯＴＥＬ１２３") == "hotel123")
        #expect(SearchFolding.fold("酒店，降级。。。退款") == "酒店 降级 退款")
        #expect(SearchFolding.fold("  Café  Ü ") == "café ü")
        #expect(SearchFolding.fold("！？…") == "")
    }

    @Test func aSearchNeedsALetterOrDigitAndSplitsIntoDistinctTerms() throws {
        #expect(ComplaintSearch("!!! ？") == nil)
        let search = try #require(ComplaintSearch("酒店降級 hotel 酒店降级 退款"))
        #expect(search.terms == ["酒店降级", "hotel", "退款"])
        #expect(search.indexedTerms == ["酒店降级", "hotel"])
        #expect(search.shortTerms == ["退款"])
        #expect(search.matches("旅行社把酒店降级了，Hotel 很差，要求退款"))
        #expect(!search.matches("酒店降级，要求退款"))
    }

    @Test func cursorTokensCarryTheScoreExactly() throws {
        let newest = ComplaintCursor(receivedAtMilliseconds: 1_782_000_000_000, id: ComplaintID(42))
        #expect(ComplaintCursor(token: newest.token) == newest)
        let ranked = ComplaintCursor(receivedAtMilliseconds: 5, id: ComplaintID(7), score: 0.1 + 0.2)
        let read = try #require(ComplaintCursor(token: ranked.token))
        #expect(read == ranked)
        #expect(read.score?.bitPattern == (0.1 + 0.2).bitPattern)
        #expect(ComplaintCursor(token: "bm90IGEgY3Vyc29y") == nil)
    }
}
