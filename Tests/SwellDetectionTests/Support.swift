import Foundation
import SwellDetection

/// A fixed event-time origin for tests: 2026-06-01T00:00:00Z.
let origin = Date(timeIntervalSince1970: 1_780_272_000)

/// A complaint `hours` after the origin.
func complaint(
    _ id: Int64, _ text: String, hours: Double = 0, person: String? = nil, product: String? = nil, departure: String? = nil
) -> DetectionInput {
    DetectionInput(
        complaintId: id, receivedAt: origin.addingTimeInterval(hours * 3600), text: text, product: product,
        departure: departure, complainantKey: person ?? "person-\(id)")
}

/// Places every input and returns the placements.
func placeAll(_ detector: inout Detector, _ inputs: [DetectionInput]) -> [Placement] {
    inputs.map { detector.place($0) }
}

/// Varied tellings of one hotel downgrade on the 12 June departure of AU-8D-0612.
func hotelDowngradeTellings(count: Int, firstId: Int64, startHour: Double = 0, spacingHours: Double = 1) -> [DetectionInput] {
    let tellings = [
        "6月12日出发的澳洲团，说好的海景大酒店临时换成了偏远的小旅馆，要求退差价",
        "我们6/12出发，入住的海景酒店根本不是合同写的五星，房间又脏又旧",
        "投诉！6月12号澳洲8天团，海景大酒店被降级，和宣传完全不符",
        "AU-8D-0612团 海景酒店降级了，旅行社擅自换酒店，太气人了",
        "澳洲团6月12日出发，海景大酒店变成了快捷酒店，要求赔偿",
        "說好的海景大酒店臨時換成了小旅館，6月12日出發的團，要求退款",
        "We left on 12 June (AU-8D-0612); the hotel was downgraded, 海景酒店 was a run-down motel",
        "6月12日出发，海景酒店房间又脏又旧，和合同约定的五星差太远了",
    ]
    return (0..<count).map { i in
        complaint(firstId + Int64(i), tellings[i % tellings.count], hours: startHour + Double(i) * spacingHours)
    }
}
