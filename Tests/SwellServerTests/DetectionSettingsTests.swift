import Foundation
import SwellDetection
import SwellPlaybook
import Testing

@testable import SwellServer

@Suite struct DetectionSettingsTests {
    @Test func thePlaybookThresholdsBecomeDetectionRules() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../playbooks/group-complaint.yaml")
        let playbook = try PlaybookLoader.load(data: try Data(contentsOf: url), file: "group-complaint.yaml")
        let configuration = DetectionSettings.configuration(from: playbook, window: 7 * 86_400)
        #expect(configuration.window == 7 * 86_400)
        let burst = try #require(configuration.policy.rules.first)
        #expect(burst.name == "burst")
        #expect(burst.minimumComplainants == playbook.warning.minComplaints)
        #expect(burst.window == 48 * 3600)
        let slow = configuration.policy.rules.filter { $0.name.hasPrefix("sustained-") }
        #expect(slow.map(\.window) == playbook.warning.slowWindows.map { $0.window.windowSeconds ?? 0 })
        #expect(slow.first?.minimumComplainants == 12)
    }

    @Test func withoutAPlaybookTheDetectorDefaultsApply() {
        let configuration = DetectionSettings.configuration(from: nil)
        #expect(configuration.policy == DetectorConfiguration.standard.policy)
        #expect(configuration.window == 30 * 86_400)
    }
}
