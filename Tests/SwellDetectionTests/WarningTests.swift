import Foundation
import Testing
@testable import SwellDetection

@Suite("Warning policy and levels")
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
        #expect(placements.last?.warnings.isEmpty == false)
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
        let placements = placeAll(&detector, inputs)
        #expect(placements.flatMap(\.warnings).isEmpty)
    }

    @Test func aWarningNamesTheEntityItsComplaintsShare() throws {
        var detector = Detector()
        let placements = placeAll(&detector, incident(8, spacingHours: 2, people: { "p\($0)" }))
        let warning = try #require(placements.flatMap(\.warnings).first)
        #expect(warning.reasons.contains { $0.code.hasPrefix("entity.") })
    }

    @Test func aSlowIncidentFiresTheSustainedRule() throws {
        var detector = Detector()
        // A dozen over four days: never 8 within 48 h.
        let placements = placeAll(&detector, incident(12, spacingHours: 8.5, people: { "p\($0)" }))
        #expect(Set(placements.map(\.clusterId)).count == 1)
        let warning = try #require(placements.flatMap(\.warnings).first)
        #expect(warning.rule == "sustained")
        #expect(warning.triggeringComplaintId == 10)
    }

    @Test func escalationSignalsRaiseTheLevelWithReasons() throws {
        var detector = Detector()
        let signals = ["已经找了媒体记者。", "已经联系律师准备起诉。", "已经投诉到12315。", "有人食物中毒住院了。"]
        let placements = placeAll(&detector, incident(16, spacingHours: 1, people: { "p\($0)" }, extra: { signals[$0 % signals.count] }))
        let warnings = placements.flatMap(\.warnings)
        // With two signalled complaints the signalled rule fires before eight people.
        let raised = try #require(warnings.first)
        #expect(raised.kind == .raised)
        #expect(raised.rule == "signalled")
        #expect(raised.triggeringComplaintId < 8)
        let escalations = warnings.filter { $0.kind == .escalated }
        #expect(!escalations.isEmpty)
        for escalation in escalations {
            #expect(escalation.previousLevel.map { $0 < escalation.level } == true)
            #expect(escalation.rule == "escalation")
        }
        let codes = Set(warnings.flatMap(\.reasons).map(\.code))
        #expect(codes.contains("signal.media") && codes.contains("signal.legal") && codes.contains("signal.health"))
        #expect(warnings.last?.level == .red)
        #expect(detector.cluster(raised.clusterId)?.signals.contains(.health) == true)
    }

    /// The scan for signalled complaints goes past the point where enough people are counted, as far as the
    /// cluster still has signals to find: here the first of the two is the oldest member of a big cluster.
    @Test func anOldSignalledComplaintStillCountsInABigCluster() throws {
        var configuration = DetectorConfiguration.standard
        configuration.policy.rules = [
            WarningPolicy.Rule(name: "signalled", minimumComplainants: 3, window: 72 * 3600, minimumSignalledComplaints: 2)
        ]
        var detector = Detector(configuration: configuration)
        let media = "已经找了媒体记者。"
        let placements = placeAll(
            &detector, incident(40, spacingHours: 0.5, people: { "p\($0)" }, extra: { $0 == 0 || $0 == 39 ? media : "" }))
        #expect(Set(placements.map(\.clusterId)).count == 1)
        let warnings = placements.flatMap(\.warnings).filter { $0.kind == .raised }
        #expect(warnings.count == 1)
        #expect(warnings.first?.rule == "signalled")
        #expect(warnings.first?.triggeringComplaintId == 40, "fires only once the second signalled complaint arrives")
    }

    @Test func policyIsAValueWithItsOwnThresholds() throws {
        var configuration = DetectorConfiguration.standard
        configuration.policy.rules = [WarningPolicy.Rule(name: "tiny", minimumComplainants: 3, window: 3600)]
        var detector = Detector(configuration: configuration)
        let placements = placeAll(&detector, incident(3, spacingHours: 0.2, people: { "p\($0)" }))
        #expect(try #require(placements.last?.warnings.first).rule == "tiny")
        let encoded = try JSONEncoder().encode(configuration.policy)
        #expect(try JSONDecoder().decode(WarningPolicy.self, from: encoded) == configuration.policy)
    }
}

@Suite("Warning policy decoding")
struct WarningPolicyDecodingTests {
    @Test func aPartialPolicyTakesTheRestFromStandard() throws {
        let json = #"{"rules":[{"name":"quick","minimumComplainants":5,"window":7200}],"redPoints":9}"#
        let policy = try JSONDecoder().decode(WarningPolicy.self, from: Data(json.utf8))
        #expect(policy.rules.map(\.name) == ["quick"])
        #expect(policy.redPoints == 9)
        #expect(policy.sizeSteps == WarningPolicy.standard.sizeSteps)
        #expect(policy.minimumSharedEntityShare == WarningPolicy.standard.minimumSharedEntityShare)
    }
}
