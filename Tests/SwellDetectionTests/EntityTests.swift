import SwellCore
import Testing
@testable import SwellDetection

@Suite("Entities")
struct EntityTests {
    func entities(_ text: String, product: String? = nil, departure: String? = nil) -> [Entity] {
        EntityExtractor.entities(text: TextNormalizer.normalize(text), product: product, departure: departure, supplier: nil)
    }

    func values(_ kind: EntityKind, in text: String) -> [String] {
        entities(text).filter { $0.kind == kind }.map(\.value)
    }

    @Test(arguments: [
        "6月12日出发", "6月12号出发", "6/12出发", "2026-06-12出发", "2026年6月12日出发", "2026/6/12", "12 June departure",
        "June 12th departure", "jun 12", "12th of June", "６月１２日出發", "六月十二日出发", "6月十二号", "六月十二", "6.12出发", "6.12的团",
    ])
    func datesInManyFormats(_ text: String) {
        #expect(values(.date, in: text) == ["06-12"])
        #expect(values(.dayOfMonth, in: text) == ["12"])
    }

    @Test func chineseNumeralDatesAcrossTheMonth() {
        #expect(values(.date, in: "十二月三十一日") == ["12-31"])
        #expect(values(.date, in: "三月二十号回来") == ["03-20"])
        #expect(values(.date, in: "十月一日国庆") == ["10-01"])
        #expect(values(.date, in: "一个月十二天").isEmpty)
        #expect(values(.date, in: "等了3.5小时").isEmpty)
    }

    @Test func dayOnlyDatesAndNotRoomNumbers() {
        #expect(values(.dayOfMonth, in: "12号那天出发") == ["12"])
        #expect(values(.date, in: "12号那天出发").isEmpty)
        #expect(values(.dayOfMonth, in: "住在3号楼").isEmpty)
    }

    @Test func lengthsOfTimeAreNoDays() {
        // A tour's length, a refund deadline, days and nights: no day of the month, so no conflict with the real date
        #expect(values(.dayOfMonth, in: "参加了云南6日游").isEmpty)
        #expect(values(.dayOfMonth, in: "參加了歐洲8日遊").isEmpty)
        #expect(values(.dayOfMonth, in: "说好7日内退款").isEmpty)
        #expect(values(.dayOfMonth, in: "泰国6日5晚").isEmpty)
        #expect(values(.dayOfMonth, in: "海南5日四夜").isEmpty)
        // The date beside it is still read
        #expect(values(.dayOfMonth, in: "6月24日的欧洲8日游") == ["24"])
        #expect(values(.dayOfMonth, in: "12日出发的云南6日游") == ["12"])
        #expect(values(.dayOfMonth, in: "12日晚上到的酒店") == ["12"])
    }

    @Test func flightNumbersWithOrWithoutSpace() {
        #expect(values(.flight, in: "航班CA1234延误") == ["ca1234"])
        #expect(values(.flight, in: "flight MU 5101 was cancelled") == ["mu5101"])
        #expect(values(.flight, in: "3U8888晚点") == ["3u8888"])
    }

    @Test func vehiclePlates() {
        #expect(values(.vehiclePlate, in: "大巴车粤B·12345抛锚") == ["粤b12345"])
        #expect(values(.vehiclePlate, in: "粤B12345") == ["粤b12345"])
    }

    @Test func productCodesFromTextAndField() {
        #expect(values(.product, in: "团号AU-8D-0612") == ["au-8d-0612"])
        #expect(entities("", product: "AU-8D-0612").map(\.value) == ["au-8d-0612"])
    }

    @Test func venueNamesByGeneralPatterns() {
        #expect(values(.lodging, in: "入住的海景大酒店很差") == ["海景"])
        #expect(values(.lodging, in: "说好的金陵宾馆") == ["金陵"])
        #expect(values(.dining, in: "在白云海鲜酒楼吃饭") == ["白云海鲜"])
        #expect(values(.ship, in: "海洋量子号邮轮") == ["海洋量子"])
        #expect(values(.lodging, in: "We stayed at the Grand Lotus Hotel") == ["grand lotus"])
        #expect(values(.airline, in: "Pacific Blue Airlines lost our bags") == ["pacific blue"])
        #expect(values(.lodging, in: "换成了汽车旅馆").isEmpty)
        #expect(values(.lodging, in: "住的万豪度假酒店") == ["万豪"])
        #expect(values(.lodging, in: "金陵国际大酒店") == ["金陵"])
    }

    @Test func amounts() {
        #expect(values(.amount, in: "多收了3,000元") == ["3000"])
        #expect(values(.amount, in: "paid ¥450 extra") == ["450"])
        #expect(values(.amount, in: "等了3个小时").isEmpty)
    }

    @Test func departureFieldDates() {
        let found = entities("酒店很差", departure: "2026-06-19")
        #expect(found.contains(Entity(kind: .date, value: "06-19")))
    }

    @Test func escalationSignalsInBothLanguagesAndScripts() {
        func signals(_ text: String) -> [EscalationSignal] {
            EscalationSignal.decode(EscalationSignalScanner.scan(TextNormalizer.normalize(text).scalars))
        }
        #expect(signals("已经投诉到12315了") == [.regulatorReferral])
        #expect(signals("我們準備找媒體曝光") == [.mediaAttention])
        #expect(signals("We have contacted a lawyer") == [.legalThreat])
        #expect(signals("many were hospitalized with food poisoning") == [.safety])
        #expect(signals("this is a real issue").isEmpty)  // "sue" inside "issue" is not a lawsuit
        #expect(signals("全团集体维权") == [.collectiveAction])
    }
}
