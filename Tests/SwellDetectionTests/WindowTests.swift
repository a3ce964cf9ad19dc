import Foundation
import Testing
@testable import SwellDetection

@Suite("Event-time window")
struct WindowTests {
    @Test func complaintsOlderThanTheWindowLeave() {
        var detector = Detector()
        let old = detector.place(complaint(1, "航班CA1234延误了8个小时"))
        _ = detector.place(complaint(2, "退款一直没到账", hours: 24 * 29))
        #expect(detector.complaintsInWindow == 2)
        _ = detector.place(complaint(3, "大巴车抛锚", hours: 24 * 31))
        #expect(detector.complaintsInWindow == 2)
        #expect(detector.cluster(old.clusterId) == nil)
        #expect(detector.clusterId(ofComplaint: 1) == nil)
    }

    @Test func windowIsConfigurable() {
        var configuration = DetectorConfiguration.standard
        configuration.window = 3600
        var detector = Detector(configuration: configuration)
        _ = detector.place(complaint(1, "酒店降级"))
        _ = detector.place(complaint(2, "酒店降级了", hours: 2))
        #expect(detector.complaintsInWindow == 1)
    }

    @Test func indexesShrinkWithTheWindow() {
        var configuration = DetectorConfiguration.standard
        configuration.window = 24 * 3600
        var detector = Detector(configuration: configuration)
        for i in 0..<5000 {
            _ = detector.place(complaint(Int64(i + 1), "第\(i % 97)号房间的空调坏了，编号\(i)", hours: Double(i) * 0.05))
        }
        // 24 h at one complaint per 3 minutes: 480 in the window.
        #expect(detector.complaintsInWindow <= 481)
        #expect(detector.documentFrequency.count < 3000)
        #expect(detector.bandHeads.count <= 481 * configuration.lshBands)
        #expect(detector.clusters.count <= 481)
    }

    @Test func lateComplaintsNeverMoveTimeBack() {
        var detector = Detector()
        _ = detector.place(complaint(1, "酒店降级", hours: 100))
        _ = detector.place(complaint(2, "酒店降级了", hours: 1))
        #expect(detector.newestTime == origin.addingTimeInterval(100 * 3600).timeIntervalSinceReferenceDate)
    }
}
