import Testing
@testable import SwellDetection

@Suite("Restore after restart")
struct RestoreTests {
    @Test func restoredClustersKeepTheirIdsLevelsAndCounter() throws {
        var original = Detector()
        let inputs = hotelDowngradeTellings(count: 10, firstId: 1)
        let placements = placeAll(&original, inputs)
        let cluster = placements[0].clusterId

        var restored = Detector()
        restored.restoreWarningLevel(cluster: 40, level: .orange)  // before its complaints: waits for them
        for (input, placement) in zip(inputs, placements) { restored.restore(input, cluster: placement.clusterId == cluster ? 40 : placement.clusterId) }
        #expect(restored.complaintsInWindow == 10)
        #expect(restored.cluster(40)?.level == .orange)
        #expect(restored.cluster(40)?.memberCount == placements.filter { $0.clusterId == cluster }.count)

        let next = restored.place(complaint(11, "6月12日出发的澳洲团，海景大酒店降级了，要求退差价", hours: 11))
        #expect(next.clusterId == 40)
        #expect(next.warnings.allSatisfy { $0.kind == .escalated })  // never raised twice
        let fresh = restored.place(complaint(12, "退款申请提交一个月了还没到账", hours: 12))
        #expect(fresh.createdCluster)
        #expect(fresh.clusterId > 40)
    }

    @Test func restoreSeparationKeepsASplitApart() throws {
        var detector = Detector()
        let inputs = hotelDowngradeTellings(count: 6, firstId: 1)
        for (index, input) in inputs.enumerated() { detector.restore(input, cluster: index < 3 ? 1 : 2) }
        detector.restoreSeparation(1, 2)
        let placement = detector.place(complaint(7, "6月12日出发的澳洲团，说好的海景大酒店临时换成了偏远的小旅馆", hours: 7))
        #expect(placement.merges.isEmpty)
    }
}
