import Foundation
import SwellCore
import Testing
@testable import SwellDetection

/// The detector counts incrementally and stops early; the playbook's evaluator reads a plain observation of the
/// cluster. On generated clusters, after every complaint, the detector's level must be what the evaluator gives
/// the cluster's complaints so far (from the first moment a rule fires, the highest level it has granted).
@Suite("The detector's level is the evaluator's")
struct WarningEvaluatorPropertyTests {
    static let extras = ["", "", "", "我已经投诉到12315了。", "已经找了媒体记者。", "有人食物中毒住院了。", "大家在门店拉横幅。", "已经联系律师准备起诉。", "发到微博上了。"]

    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test(arguments: 1...40)
    func detectorAndEvaluatorAgree(seed: Int) throws {
        var random = Generator(state: UInt64(seed) &* 2_654_435_761)
        let rules = WarningRules.standard
        var detector = Detector()
        let people = 4 + random.next(40)
        let count = 6 + random.next(60)
        let meanGapHours = [0.5, 2.0, 6.0, 12.0][random.next(4)]
        var time = origin
        var observed: [WarningRules.ObservedComplaint<String>] = []
        var expected: WarningLevel?
        for i in 0..<count {
            time = time.addingTimeInterval(Double(random.next(Int(meanGapHours * 2 * 60) + 1)) * 60)
            let person = "p\(random.next(people))"
            let extra = Self.extras[random.next(Self.extras.count)]
            let input = DetectionInput(
                complaintId: Int64(i + 1), receivedAt: time,
                text: "AU-8D-0612团6月12日出发，海景大酒店降级成快捷酒店，房间又脏又旧，要求退差价。" + extra,
                product: "AU-8D-0612", departure: "2026-06-12", complainantKey: person)
            let placement = detector.place(input)
            #expect(placement.clusterId == 1, "seed \(seed): one cluster")
            let signals = Set(EscalationSignal.decode(EscalationSignalScanner.scan(TextNormalizer.normalize(input.text).scalars)))
            observed.append(.init(complainant: person, receivedAt: time, signals: signals))
            let observation = rules.observe(observed, at: time)
            if expected != nil || rules.trigger(observation) != nil {
                expected = max(expected ?? .blue, rules.level(observation).level)
            }
            #expect(detector.cluster(1)?.level == expected, "seed \(seed), complaint \(i + 1)")
        }
    }
}
