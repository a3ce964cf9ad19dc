import Foundation
import SwellCore
import SwellDetection
import SwellPlaybook
import Testing

@testable import SwellEngine

@Suite struct DetectionSettingsTests {
    @Test func thePlaybooksWarningSectionIsTheDetectorsRules() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../playbooks/group-complaint.yaml")
        let playbook = try PlaybookLoader.load(data: try Data(contentsOf: url), file: "group-complaint.yaml")
        let configuration = DetectionSettings.configuration(from: playbook, window: 7 * 86_400)
        #expect(configuration.window == 7 * 86_400)
        #expect(configuration.rules == playbook.warning)
        #expect(configuration.rules.countRules.first == WarningRules.CountRule(name: "burst", complaints: 8, window: 48 * 3600))
    }

    @Test func withoutAPlaybookTheDefaultPlaybooksRulesApply() {
        let configuration = DetectionSettings.configuration(from: nil)
        #expect(configuration.rules == WarningRules.standard)
        #expect(configuration.window == 30 * 86_400)
    }
}
