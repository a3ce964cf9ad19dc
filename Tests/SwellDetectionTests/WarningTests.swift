import Foundation
import SwellCore
import Testing
@testable import SwellDetection

@Suite("Warnings and levels in the detector")
struct WarningTests {
    /// Identical-enough tellings so every complaint joins one cluster.
    func incident(_ count: Int, firstId: Int64 = 1, spacingHours: Double, people: (Int) -> String?, extra: (Int) -> String = { _ in "" })
        -> [DetectionInput]
    {
        (0..<count).map { i in
            DetectionInput(
                complaintId: firstId + Int64(i), receivedAt: origin.addingTimeInterval(Double(i) * spacingHours * 3600),
                text: "AU-8D-0612团6月12日出发，海景大酒店降级成快捷酒店，房间又脏又旧，要求退差价。" + extra(i),
                product: "AU-8D-0612", departure: "2026-06-12", complainantKey: people(i))
        }
    }

    @Test func everyKeywordThatStartsWithALatinCharacterIsAWholeWord() {
        // The scanner skips Latin starts inside a word without looking them up: that holds only for whole words.
        for keyword in EscalationSignalScanner.keywords where (keyword.scalars.first ?? 0) < 0x80 {
            #expect(keyword.wholeWord, "\(keyword.scalars)")
        }
        #expect(EscalationSignalScanner.scan(Array("this issue was reported to the regulator".unicodeScalars.map(\.value))) == EscalationSignal.regulatorReferral.bit)
        #expect(EscalationSignalScanner.scan(Array("a tissue; we will sue".unicodeScalars.map(\.value))) == EscalationSignal.legalThreat.bit)
        #expect(EscalationSignalScanner.scan(Array("pursue it".unicodeScalars.map(\.value))) == 0)
    }

    @Test func levelsAreOrderedBlueToRed() {
        #expect(WarningLevel.allCases.sorted() == [.blue, .yellow, .orange, .red])
    }

    @Test func eightPeopleWithin48HoursRaiseABurstWarning() throws {
        var detector = Detector()
        let placements = placeAll(&detector, incident(8, spacingHours: 2, people: { "p\($0)" }))
        #expect(Set(placements.map(\.clusterId)).count == 1)
        let warnings = placements.flatMap(\.warnings)
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.kind == .raised)
        #expect(warning.rule == "burst")
        #expect(warning.triggeringComplaintId == 8)
        #expect(warning.distinctComplainants == 8)
        #expect(warning.level == .blue)
        #expect(warning.reasons.first?.code == "rule.burst")
        #expect(detector.cluster(warning.clusterId)?.level == .blue)
    }

    @Test func onePersonComplainingManyTimesCountsOnce() {
        var detector = Detector()
        let placements = placeAll(&detector, incident(12, spacingHours: 1, people: { $0 < 6 ? "same-person" : "p\($0)" }))
        #expect(placements.flatMap(\.warnings).isEmpty)
        let more = detector.place(incident(1, firstId: 13, spacingHours: 0, people: { _ in "p13" })[0])
        #expect(more.warnings.isEmpty)  // 8 complaints would, but only 7 distinct people
    }

    @Test func lookAlikeComplaintsWithoutACommonEntityDoNotWarn() {
        var detector = Detector()
        let hotels = ["金陵", "皇冠", "锦江", "凯悦", "君澜", "华美", "东方", "银河", "翠湖", "明珠"]
        let inputs = hotels.enumerated().map { i, hotel in
            complaint(Int64(i + 1), "房间很脏，空调坏了，服务员态度很差，早餐也一般，\(hotel)的服务需要改进", hours: Double(i))
        }
        #expect(placeAll(&detector, inputs).flatMap(\.warnings).isEmpty)
    }

    /// Ten people telling the same generic hotel gripe, naming no departure, product, flight or hotel: one cluster
    /// that the shared-entity guard keeps from warning, and that warns once the playbook turns the guard off.
    @Test func theEntityGuardDecidesWhetherALookAlikeClusterWarns() {
        let inputs = (0..<10).map { i in
            complaint(Int64(i + 1), "房间很脏，空调坏了，服务员态度很差，早餐也一般，服务需要改进", hours: Double(i), person: "p\(i)")
        }
        var guarded = Detector()
        let kept = placeAll(&guarded, inputs)
        #expect(Set(kept.map(\.clusterId)).count == 1, "one cluster, so the guard is what decides")
        #expect(kept.flatMap(\.warnings).isEmpty)

        var configuration = DetectorConfiguration.standard
        configuration.rules.minSharedEntityShare = 0
        var unguarded = Detector(configuration: configuration)
        #expect(placeAll(&unguarded, inputs).flatMap(\.warnings).first?.rule == "burst")
    }

    @Test func aWarningNamesTheEntityItsComplaintsShare() throws {
        var detector = Detector()
        let placements = placeAll(&detector, incident(8, spacingHours: 2, people: { "p\($0)" }))
        let warning = try #require(placements.flatMap(\.warnings).first)
        #expect(warning.reasons.contains { $0.code.hasPrefix("entity.") })
    }

    @Test func aSlowIncidentFiresTheSlowWindow() throws {
        var detector = Detector()
        // A dozen over four days: never 8 within 48 h.
        let placements = placeAll(&detector, incident(12, spacingHours: 8.5, people: { "p\($0)" }))
        #expect(Set(placements.map(\.clusterId)).count == 1)
        let warning = try #require(placements.flatMap(\.warnings).first)
        #expect(warning.rule == "slow-4d")
        #expect(warning.triggeringComplaintId == 12)
    }

    @Test func threeRegulatorReferralsAmongEightMakeItOrange() throws {
        var detector = Detector()
        let placements = placeAll(&detector, incident(8, spacingHours: 1, people: { "p\($0)" }, extra: { $0 % 3 == 0 ? "我已经投诉到12315了。" : "" }))
        let warning = try #require(placements.flatMap(\.warnings).first)
        #expect(warning.level == .orange)
        #expect(warning.reasons.contains { $0.code == "signal.regulator_referral" })
    }

    @Test func fifteenComplainantsMakeItYellowAndGatheringMakesItRed() throws {
        var detector = Detector()
        var placements = placeAll(&detector, incident(15, spacingHours: 2, people: { "p\($0)" }))
        let warnings = placements.flatMap(\.warnings)
        #expect(warnings.first?.level == .blue)
        #expect(warnings.last?.level == .yellow)
        #expect(warnings.last?.kind == .escalated)
        #expect(warnings.last?.reasons.first?.code == "level.yellow.complaints")
        placements = placeAll(&detector, incident(1, firstId: 16, spacingHours: 0, people: { _ in "p16" }, extra: { _ in "今天大家在门店门口拉横幅讨说法。" }))
        let red = try #require(placements.last?.warnings.first)
        #expect(red.level == .red && red.previousLevel == .yellow)
        #expect(red.reasons.first?.code == "signal.gathering")
    }

    @Test func signalsAreReadInTraditionalChineseAndEnglishToo() throws {
        let cases: [(String, EscalationSignal)] = [
            ("我們已經向消費者協會投訴", .regulatorReferral), ("記者已經聯繫我們", .mediaAttention),
            ("我會請律師起訴", .legalThreat), ("有人食物中毒送醫院", .safety), ("大家在門店拉橫幅", .gathering),
            ("We reported it to the consumer council", .regulatorReferral), ("a reporter called us", .mediaAttention),
            ("we will take legal action", .legalThreat), ("two of us were hospitalised", .safety),
            ("we staged a protest at their office", .gathering), ("I posted it on Weibo", .socialMedia),
            ("the whole group signed a joint complaint", .collectiveAction),
        ]
        for (text, signal) in cases {
            let found = EscalationSignal.decode(EscalationSignalScanner.scan(TextNormalizer.normalize(text).scalars))
            #expect(found.contains(signal), "\(text)")
        }
    }

    @Test func everydayWordsAreNotSignals() {
        let plain = [
            "我们集体到达酒店时已经很晚", "酒店无法上网", "我在网上预订的", "we gathered at the lobby at 8am", "I booked online",
            "the television in the room was broken", "the guide issued tickets late", "我要投诉到底",
        ]
        for text in plain {
            #expect(EscalationSignalScanner.scan(TextNormalizer.normalize(text).scalars) == 0, "\(text)")
        }
    }

    @Test func escalationsOnlyRiseAndNameTheirReasons() throws {
        var detector = Detector()
        let signals = ["已经找了媒体记者。", "已经联系律师准备起诉。", "已经投诉到12315。", "有人食物中毒住院了。"]
        let placements = placeAll(&detector, incident(16, spacingHours: 1, people: { "p\($0)" }, extra: { signals[$0 % signals.count] }))
        let warnings = placements.flatMap(\.warnings)
        let raised = try #require(warnings.first)
        // Two signalled complainants among five: the signalled window fires before eight people.
        #expect(raised.kind == .raised && raised.rule == "signalled-48h")
        #expect(raised.triggeringComplaintId == 5)
        #expect(raised.level == .red)  // safety is red once the cluster warns
        #expect(warnings.filter { $0.kind == .escalated }.isEmpty)
        let codes = Set(raised.reasons.map(\.code))
        #expect(codes.contains("signal.safety"))
        #expect(detector.cluster(raised.clusterId)?.signals.contains(.safety) == true)
    }

    /// A signal carried only by the oldest member of a big cluster still counts: the walk goes on as long as
    /// members with signals are left to find.
    @Test func anOldSignalStillCountsInABigCluster() throws {
        var detector = Detector()
        let media = "已经找了媒体记者。"
        let placements = placeAll(
            &detector, incident(25, spacingHours: 0.5, people: { "p\($0)" }, extra: { $0 == 0 || $0 == 24 ? media : "" }))
        #expect(Set(placements.map(\.clusterId)).count == 1)
        let orange = placements.flatMap(\.warnings).first { $0.level == .orange }
        #expect(orange?.triggeringComplaintId == 25, "orange once the second complainant names the media")
        #expect(orange?.reasons.first?.code == "signal.media_attention")
    }

    @Test func personalDataIsNeverAClusterTerm() throws {
        var detector = Detector()
        let placements = placeAll(&detector, incident(
            6, spacingHours: 1, people: { "p\($0)" }, extra: { _ in "我的身份证110101199003074578，电话13812345678，邮箱zhang@example.com" }))
        let terms = try #require(detector.cluster(placements[0].clusterId)).topTerms
        #expect(!terms.isEmpty)
        for term in terms {
            #expect(!Detector.mayBePersonalData(term), "\(term)")
            #expect(!"110101199003074578 13812345678 zhang@example.com".contains(term) || term.count < 4, "\(term) of \(terms)")
        }
        #expect(Detector.mayBePersonalData("199003") && Detector.mayBePersonalData("a@b.cn") && !Detector.mayBePersonalData("12315"))
    }

    @Test func rulesAreAValueWithTheirOwnThresholds() throws {
        var configuration = DetectorConfiguration.standard
        configuration.rules = WarningRules(countRules: [.init(name: "tiny", complaints: 3, window: 3600)])
        var detector = Detector(configuration: configuration)
        let placements = placeAll(&detector, incident(3, spacingHours: 0.2, people: { "p\($0)" }))
        #expect(try #require(placements.last?.warnings.first).rule == "tiny")
    }
}
