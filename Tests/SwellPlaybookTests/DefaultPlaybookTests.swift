import Foundation
import Testing
@testable import SwellPlaybook

@Suite("The default group-complaint playbook")
struct DefaultPlaybookTests {
    @Test func loadsWithoutErrors() throws {
        do {
            let playbook = try defaultPlaybook()
            #expect(playbook.name == "group-complaint")
            #expect(playbook.timeZone.identifier == "Asia/Shanghai")
        } catch let failure as PlaybookLoadFailure {
            Issue.record("default playbook did not load:\n\(failure)")
        }
    }
}
