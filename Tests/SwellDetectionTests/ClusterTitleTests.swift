import Foundation
import SwellCore
import Testing

@testable import SwellDetection

/// Cluster titles a person can read: the problem, the trip and the strongest entity, from what most members share.
@Suite struct ClusterTitleTests {
    @Test func aGroupComplaintIsTitledByProblemTripAndDate() {
        var detector = Detector()
        let start = Date(timeIntervalSince1970: 1_780_272_000)
        let texts = [
            "6月12日出发的澳洲团，酒店降级，与合同不符，要求退款",
            "AU-8D-0612团队，入住的酒店与宣传不符，标准降级",
            "6月12日出团，酒店星级达不到合同标准",
            "The hotel on our 12 June departure was downgraded, not the standard we were promised",
        ]
        var cluster: Int64 = 0
        for (n, text) in texts.enumerated() {
            cluster = detector.place(DetectionInput(
                complaintId: Int64(n + 1), receivedAt: start.addingTimeInterval(Double(n) * 600), text: text,
                product: n < 2 ? "AU-8D-0612" : nil, departure: n < 2 ? "2026-06-12" : nil, complainantKey: "p\(n)")).clusterId
        }
        let summary = try! #require(detector.cluster(cluster))
        try! #require(summary.memberCount == 4, "the four tellings are one cluster")
        #expect(summary.title == "酒店降级不符 · AU-8D-0612 · 6月12日")
    }

    @Test func withoutConceptsTheTopTermStandsForTheProblem() {
        let tallies = [EntityTally(entity: Entity(kind: .lodging, value: "金沙湾"), count: 3)]
        #expect(ClusterTitle.make(conceptShares: [], entities: tallies, members: 3, fallback: "门票") == "门票 · 金沙湾")
        #expect(ClusterTitle.make(conceptShares: [], entities: [], members: 3, fallback: nil) == nil)
        // A demand alone names the problem only when nothing else does
        #expect(ClusterTitle.make(conceptShares: [(17, 1), (6, 0.5)], entities: [], members: 2, fallback: nil) == "导游")
        #expect(ClusterTitle.make(conceptShares: [(17, 1)], entities: [], members: 2, fallback: nil) == "退款")
    }
}
