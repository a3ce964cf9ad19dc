import Foundation
import Testing
@testable import SwellDetection
import SwellEvaluation

@Suite("Online clustering")
struct ClusteringTests {
    @Test func tellingsOfOneIncidentJoinOneCluster() {
        var detector = Detector()
        let placements = placeAll(&detector, hotelDowngradeTellings(count: 8, firstId: 1))
        let clusters = Set(placements.map(\.clusterId))
        let main = placements[0].clusterId
        #expect(placements.filter { $0.clusterId == main }.count >= 6, "clusters: \(placements.map(\.clusterId))")
        #expect(clusters.count <= 2)
        #expect(placements[0].createdCluster)
        for placement in placements.dropFirst() where placement.clusterId == main {
            #expect(placement.similarity > 0 && placement.similarity <= 1)
            #expect(!placement.createdCluster)
        }
    }

    @Test func theSameFailureOnAnotherDepartureIsAnotherIncident() {
        var detector = Detector()
        let june12 = placeAll(&detector, [
            complaint(1, "6月12日出发的团，海景酒店降级了，房间又脏又旧"),
            complaint(2, "6月12日出发，说好的海景酒店被降级，房间又脏又旧", hours: 1),
        ])
        let june19 = detector.place(complaint(3, "6月19日出发的团，海景酒店降级了，房间又脏又旧", hours: 2))
        #expect(june12[0].clusterId == june12[1].clusterId)
        #expect(june19.clusterId != june12[0].clusterId)
    }

    @Test func anotherFlightNumberArguesAgainstJoining() {
        var detector = Detector()
        let first = detector.place(complaint(1, "航班CA1234延误了8个小时，旅行社没有任何安排"))
        let same = detector.place(complaint(2, "CA1234航班延误8小时，旅行社没有任何安排", hours: 1))
        let other = detector.place(complaint(3, "航班MU5678延误了8个小时，旅行社没有任何安排", hours: 2))
        #expect(same.clusterId == first.clusterId)
        #expect(other.clusterId != first.clusterId)
        let breakdown = detector.explain(complaint(4, "航班MU5678延误了8个小时", hours: 3), against: first.clusterId)
        #expect((breakdown?.entityConflict ?? 0) > 0)
    }

    @Test func aLongerNameOfTheSameHotelIsNoConflict() {
        var detector = Detector()
        let first = detector.place(complaint(1, "万豪酒店的房间被降级了，和合同不符"))
        let breakdown = detector.explain(complaint(2, "亚龙湾万豪度假酒店房间被降级，和合同不符", hours: 1), against: first.clusterId)
        #expect(breakdown?.entityConflict == 0)
        let other = detector.explain(complaint(3, "金陵酒店的房间被降级了，和合同不符", hours: 1), against: first.clusterId)
        #expect((other?.entityConflict ?? 0) > 0)
    }

    @Test func aClusterQuietForDaysDoesNotAbsorbAFreshBurst() {
        var detector = Detector()
        let old = detector.place(complaint(1, "导游强迫购物，不买东西就不让上车，还骂人"))
        _ = detector.place(complaint(2, "导游强迫购物，不买东西就甩脸色不让上车", hours: 1))
        let fresh = detector.place(complaint(3, "导游强迫购物，不买东西就不让上车", hours: 24 * 9))
        #expect(fresh.clusterId != old.clusterId)
        let breakdown = detector.explain(complaint(4, "导游强迫购物，不买东西就不让上车", hours: 24 * 9), against: old.clusterId)
        #expect((breakdown?.timePenalty ?? 0) > 0.2)
    }

    @Test func unrelatedComplaintsStayApart() {
        var detector = Detector()
        let a = detector.place(complaint(1, "退款申请提交一个月了还没到账"))
        let b = detector.place(complaint(2, "大巴车空调坏了，车上特别热", hours: 1))
        let c = detector.place(complaint(3, "The guide was rude to elderly passengers", hours: 2))
        #expect(Set([a.clusterId, b.clusterId, c.clusterId]).count == 3)
    }

    @Test func summaryExplainsTheGrouping() throws {
        var detector = Detector()
        // Some unrelated traffic first, so document frequencies mean something.
        let background = ["退款一直没到账", "发票开错了", "大巴车空调坏了", "导游讲解很专业", "客服电话打不通", "早餐种类太少"]
        for (i, text) in background.enumerated() { _ = detector.place(complaint(Int64(100 + i), text, hours: -Double(i + 1))) }
        let placements = placeAll(&detector, hotelDowngradeTellings(count: 6, firstId: 1))
        let summary = try #require(detector.cluster(placements[0].clusterId))
        #expect(summary.memberCount >= 4)
        #expect(summary.topTerms.contains { $0.contains("海景") || $0.contains("酒店") }, "\(summary.topTerms)")
        #expect(summary.entities.contains { $0.entity == Entity(kind: .date, value: "06-12") })
        #expect(summary.memberIds.contains(summary.representativeComplaintId))
        #expect(!summary.representativeText.isEmpty)
        #expect(summary.firstAt <= summary.lastAt)
    }

    @Test func repeatedIdsChangeNothing() {
        var detector = Detector()
        let first = detector.place(complaint(1, "酒店降级"))
        let again = detector.place(complaint(1, "酒店降级"))
        #expect(again.clusterId == first.clusterId)
        #expect(detector.complaintsInWindow == 1)
    }

    @Test func sameInputsGiveSameOutputs() {
        let inputs = hotelDowngradeTellings(count: 12, firstId: 1) + [
            complaint(100, "航班CA1234延误", hours: 3), complaint(101, "CA1234 delayed 5 hours", hours: 4),
        ]
        var a = Detector()
        var b = Detector()
        #expect(placeAll(&a, inputs) == placeAll(&b, inputs))
    }

    @Test func aComplaintBridgingTwoClustersMergesThem() {
        var detector = Detector()
        // Two fragments of one incident: the same product and flight, told in two languages.
        let chinese = placeAll(&detector, [
            complaint(1, "TH-6D-0705团 航班FM1234延误了8个小时，旅行社没有任何安排"),
            complaint(2, "TH-6D-0705团，FM1234航班延误8小时，旅行社不管", hours: 1),
        ])
        let english = placeAll(&detector, [
            complaint(3, "Flight FM1234 was delayed for hours, tour TH-6D-0705, and nobody arranged meals", hours: 2),
            complaint(4, "Flight FM1234 was delayed for hours, tour TH-6D-0705, nobody arranged meals or hotel", hours: 3),
        ])
        let bridge = detector.place(complaint(
            5, "TH-6D-0705 flight FM1234 was delayed for hours, 航班FM1234延误了8个小时，旅行社没有任何安排 nobody arranged meals",
            hours: 4))
        if chinese[0].clusterId != english[0].clusterId {
            #expect(bridge.merges.count == 1)
            #expect(Set(bridge.merges.flatMap { [$0.absorbed, $0.surviving] }) == [chinese[0].clusterId, english[0].clusterId])
        }
        #expect(detector.clusterId(ofComplaint: 1) == detector.clusterId(ofComplaint: 3))
    }
}

@Suite("Robustness")
struct RobustnessTests {
    @Test func arbitraryTextNeverTraps() {
        var random = SeededRandom(seed: 99)
        let pieces: [String] = [
            "6月", "12日", "/", "-", "2026", "号", "酒店", "大", "号邮轮", "CA", "1234", " ", "粤B", "·", "12345", "元", "¥", "$", ",000",
            "June", "12th", "of", "Hotel", "Grand", "！", "。", "①", "ﬁ", "😀", "\u{0}", "\n", "12315", "sue", "AU-8D-", "999999999999",
            "0", "a", "Ｚ", "這", "", "1,000,000,000,000,000,000,000",
        ]
        var detector = Detector()
        for id in 0..<1500 {
            let text = (0..<Int(random.next() % 14)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let input = DetectionInput(
                complaintId: Int64(id), receivedAt: origin.addingTimeInterval(Double(random.next() % 5_000_000)), text: text,
                product: random.next() % 3 == 0 ? text : nil, departure: random.next() % 3 == 0 ? text : nil,
                supplier: random.next() % 5 == 0 ? text : nil,
                complainantKey: random.next() % 4 == 0 ? nil : "p\(random.next() % 50)")
            let placement = detector.place(input)
            #expect(placement.similarity >= 0 && placement.similarity <= 1)
        }
        #expect(detector.complaintsInWindow <= 1500)
    }
}
