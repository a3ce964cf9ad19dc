import Foundation
import SwellCore
import Testing

@testable import SwellDetection

/// The second stage (off by default, measured in BENCHMARKS.md): two clusters compared as wholes join when they
/// share a trip and their wording is close, never across another departure date or a person's separation.
@Suite struct ConsolidationTests {
    static let start = Date(timeIntervalSince1970: 1_780_272_000)

    static func input(_ id: Int64, _ text: String, hours: Double, departure: String? = nil) -> DetectionInput {
        DetectionInput(complaintId: id, receivedAt: start.addingTimeInterval(hours * 3600), text: text, departure: departure, complainantKey: "p\(id)")
    }

    /// Two groups of the same failure held in clusters 1 and 2 (as a restart restores them).
    static func detector(departureOfSecond: String, join: Bool = true) -> Detector {
        var configuration = DetectorConfiguration.standard
        configuration.fragmentJoin = join
        var detector = Detector(configuration: configuration, firstClusterId: 10)
        let texts = ["导游以各种名义收费，每人多花了两千元，要求全额退款", "导游以各种名义加收费用，每人多交两千元，要求退款"]
        for n in 0..<3 { detector.restore(input(Int64(n + 1), texts[n % 2], hours: Double(n), departure: "2026-06-12"), cluster: 1) }
        for n in 0..<3 { detector.restore(input(Int64(n + 10), texts[(n + 1) % 2], hours: Double(n) + 5, departure: departureOfSecond), cluster: 2) }
        return detector
    }

    @Test func fragmentsOfOneTripJoin() {
        var detector = Self.detector(departureOfSecond: "2026-06-12")
        let comparison = try! #require(detector.compareClusters(1, 2))
        #expect(comparison.sharedEntity)
        #expect(comparison.text > 0.5)
        let (merges, surviving) = detector.consolidate(1, candidates: [2])
        #expect(merges.count == 1)
        #expect(detector.cluster(surviving)?.memberCount == 6)
    }

    @Test func anotherDepartureNeverJoins() {
        var detector = Self.detector(departureOfSecond: "2026-06-19")
        let (merges, _) = detector.consolidate(1, candidates: [2])
        #expect(merges.isEmpty)
    }

    @Test func aPersonsSeparationAndTheSwitchAreHeeded() {
        var separated = Self.detector(departureOfSecond: "2026-06-12")
        separated.restoreSeparation(1, 2)
        #expect(separated.consolidate(1, candidates: [2]).merges.isEmpty)
        var off = Self.detector(departureOfSecond: "2026-06-12", join: false)
        #expect(off.consolidate(1, candidates: [2]).merges.isEmpty)
    }

    @Test func clustersAreLookedAtLogarithmicallyOften() {
        #expect((1...40).filter(Detector.consolidationDue) == [2, 3, 5, 8, 13, 21, 34])
    }
}
