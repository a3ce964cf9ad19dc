import Foundation
import Testing

@testable import SwellDetection

/// One person's second complaint is about the same trip far more often than not, whatever words it uses.
@Suite struct ComplainantEvidenceTests {
    static let followUps = [
        "上次投诉的事情到现在还没有结果，旅行社一直拖着不给答复，房间的问题必须给个说法",
        "我已经投诉过了，酒店的问题旅行社到现在不处理，要求尽快退差价",
        "Still no answer from the agency about the hotel, I want the price difference refunded",
    ]

    @Test(arguments: followUps)
    func aComplainantsFollowUpJoinsTheirEarlierComplaintsClusterWhereAStrangersDoesNot(_ text: String) {
        var detector = Detector()
        let placed = placeAll(&detector, hotelDowngradeTellings(count: 6, firstId: 1))
        let cluster = placed[2].clusterId  // complaint 3, from "person-3"
        var same = detector
        let followUp = same.place(complaint(100, text, hours: 8, person: "person-3"))
        let fromStranger = detector.place(complaint(100, text, hours: 8, person: "someone-else"))
        #expect(followUp.clusterId == cluster)
        #expect(fromStranger.clusterId != cluster)
        // The explanation names the evidence, and does not count the complaint as its own earlier one.
        let followUpInput = complaint(100, text, hours: 8, person: "person-3")
        #expect(same.explain(followUpInput, against: cluster)?.complainantAgreement == Detector.complainantAgreementWeight)
        #expect(detector.explain(complaint(100, text, hours: 8, person: "someone-else"), against: cluster)?.complainantAgreement == 0)
        #expect(same.explain(complaint(1, "", person: "person-1"), against: placed[0].clusterId)?.complainantAgreement == 0)
    }

    @Test func aComplainantsComplaintAboutSomethingElseStaysApart() {
        var detector = Detector()
        let placed = placeAll(&detector, hotelDowngradeTellings(count: 6, firstId: 1))
        let other = detector.place(complaint(100, "丽江的导游强迫我们购物，不买就不让上车", hours: 8, person: "person-3"))
        #expect(other.clusterId != placed[2].clusterId)
    }

    @Test func theComplainantIndexFollowsTheWindow() {
        var detector = Detector()
        _ = placeAll(&detector, hotelDowngradeTellings(count: 6, firstId: 1))
        #expect(detector.latestByComplainant.count == 6)
        _ = detector.place(complaint(100, "航班CA1234延误了8个小时", hours: 31 * 24, person: "later"))
        #expect(detector.latestByComplainant.count == 1)
        _ = detector.place(complaint(101, "航班CA1234延误了8个小时，没人管", hours: 31 * 24 + 1))  // a key of its own
        #expect(detector.latestByComplainant.count == 2)
    }
}
