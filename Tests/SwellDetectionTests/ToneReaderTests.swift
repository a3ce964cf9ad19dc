import SwellCore
import Testing

@testable import SwellDetection

/// The tone reader on simplified and traditional Chinese and English: polar words, negation, intensifiers and
/// contrast, and texts with no tone.
@Suite struct ToneReaderTests {
    @Test(arguments: [
        "旅行社太坑人了，酒店又脏又破，导游强制购物，非常失望",
        "旅行社太坑人了，酒店又髒又破，導遊強制購物，非常失望",  // traditional
        "The tour was a nightmare: the hotel was filthy and the guide was rude.",
        "游客投诉：说好的五星酒店变成快捷酒店，维权难",
        "Regulators fined the agency after tourists complained of forced shopping.",
    ])
    func criticismReadsNegative(_ text: String) {
        #expect(ToneReader.read(text).tone == .negative, "\(ToneReader.read(text))")
    }

    @Test(arguments: [
        "导游非常热情，酒店干净舒适，强烈推荐这家旅行社",
        "導遊非常熱情，酒店乾淨舒適，強烈推薦",  // traditional
        "Wonderful trip, friendly guide and a spotless hotel. Highly recommend!",
        "旅行社及时道歉并全额退款，处理得很妥当",
    ])
    func praiseReadsPositive(_ text: String) {
        #expect(ToneReader.read(text).tone == .positive, "\(ToneReader.read(text))")
    }

    @Test(arguments: ["旅行团于6月12日从上海出发，前往澳大利亚", "The group departs from Shanghai on 12 June.", "", "12345"])
    func plainFactsReadNeutral(_ text: String) {
        let reading = ToneReader.read(text)
        #expect(reading.tone == .neutral)
        #expect(reading.score == 0)
    }

    @Test func negationFlipsAWord() {
        #expect(ToneReader.read("酒店好").tone == .positive)
        #expect(ToneReader.read("酒店不好").tone == .negative)
        #expect(ToneReader.read("The hotel was good").tone == .positive)
        #expect(ToneReader.read("The hotel was not good").tone == .negative)
        #expect(ToneReader.read("The hotel wasn't good").tone == .negative)
        #expect(ToneReader.read("没有任何问题").tone == .positive, "a negated complaint word is praise")
        #expect(ToneReader.read("不错").tone == .positive, "a longer entry wins over its parts")
    }

    @Test func negationStopsAtTheClause() {
        // "not" reaches into its own clause only
        #expect(ToneReader.read("We did not go to the museum, the guide was great").tone == .positive)
    }

    @Test func intensifiersStrengthen() {
        #expect(ToneReader.read("非常差").score < ToneReader.read("差").score)
        #expect(ToneReader.read("very bad").score < ToneReader.read("bad").score)
    }

    @Test func whatFollowsButDecides() {
        #expect(ToneReader.read("酒店很好，但是导游态度差").tone == .negative)
        #expect(ToneReader.read("The room was small, but the staff were lovely").tone == .positive)
        #expect(ToneReader.read("风景很美，但是酒店太差，导游态度恶劣").tone == .negative)
        #expect(ToneReader.read("The flight was delayed, but the staff were wonderful and helpful").tone == .positive)
    }

    @Test func scoresStayWithinMinusOneAndOne() {
        let long = String(repeating: "垃圾，恶劣，欺诈。", count: 200)
        let reading = ToneReader.read(long)
        #expect(reading.score >= -1 && reading.score < -0.9)
        #expect(ToneReader.read(String(repeating: "excellent ", count: 300)).score <= 1)
    }
}
