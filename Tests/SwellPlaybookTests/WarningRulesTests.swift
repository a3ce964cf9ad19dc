import Foundation
import SwellCore
import Testing
@testable import SwellPlaybook

/// The one warning evaluator, driven from the default playbook's own text: every count rule, the growth rule,
/// and every level's every condition, each just met and just missed.
@Suite("Warning rules as the playbook writes them")
struct WarningRulesTests {
    let now = instant("2026-11-20T10:00:00Z")
    typealias Complaint = WarningRules.ObservedComplaint<String>

    /// `people` distinct complainants, one complaint each, spread evenly over the `hours` before now.
    func complaints(_ people: Int, over hours: Double, from first: Int = 0, signals: Set<EscalationSignal> = []) -> [Complaint] {
        (0..<people).map { i in
            Complaint(
                complainant: "p\(first + i)", receivedAt: now.addingTimeInterval(-hours * 3600 * Double(i) / Double(max(people, 1))),
                signals: signals)
        }
    }

    @Test func everyCountRuleFiresAtItsThresholdAndNotBelow() throws {
        let rules = try defaultPlaybook().warning
        #expect(rules.countRules.map(\.name) == ["burst", "signalled-48h", "slow-4d", "slow-14d"])
        for rule in rules.countRules {
            // Spread over almost the whole window, so that no shorter rule fires first.
            let spread = rule.window / 3600 * 0.98
            // The signalled ones get exactly the signalled complainants they ask for (a media mention each).
            func stream(_ people: Int, signalled: Int) -> [Complaint] {
                complaints(signalled, over: spread, signals: [.mediaAttention])
                    + complaints(people - signalled, over: spread, from: 500)
            }
            let met = rules.trigger(rules.observe(stream(rule.complaints, signalled: rule.signalled), at: now))
            #expect(met?.name == rule.name, "\(rule.name) at \(rule.complaints)")
            let short = rules.trigger(rules.observe(stream(rule.complaints - 1, signalled: rule.signalled), at: now))
            #expect(short == nil || short?.name != rule.name, "\(rule.name) at \(rule.complaints - 1)")
            if rule.signalled > 0 {
                let quiet = rules.trigger(rules.observe(stream(rule.complaints, signalled: rule.signalled - 1), at: now))
                #expect(quiet == nil || quiet?.name != rule.name, "\(rule.name) with \(rule.signalled - 1) signalled")
            }
        }
    }

    @Test func aWindowExcludesItsStartInstant() throws {
        let rules = try defaultPlaybook().warning
        var eight = complaints(7, over: 10)
        eight.append(Complaint(complainant: "edge", receivedAt: now.addingTimeInterval(-48 * 3600), signals: []))
        #expect(rules.trigger(rules.observe(eight, at: now)) == nil)
    }

    @Test func onePersonComplainingTwiceCountsOnce() throws {
        let rules = try defaultPlaybook().warning
        let repeated = complaints(7, over: 10) + [Complaint(complainant: "p0", receivedAt: now, signals: [])]
        #expect(rules.observe(repeated, at: now).windowComplainants.first == 7)
        #expect(rules.trigger(rules.observe(repeated, at: now)) == nil)
    }

    /// Growth: a cluster that began nine days ago, one complainant a day in the week before the last day, then
    /// `recent` in the last day.
    func growing(recent: Int) -> [Complaint] {
        complaints(recent, over: 23) + (1...7).map { day in
            Complaint(complainant: "b\(day)", receivedAt: now.addingTimeInterval(-Double(day) * 86_400 - 3600), signals: [])
        } + [Complaint(complainant: "first", receivedAt: now.addingTimeInterval(-9 * 86_400), signals: [])]
    }

    @Test func theGrowthRuleFiresAgainstTheBaselineAndNeedsOne() throws {
        let rules = try defaultPlaybook().warning
        let growth = try #require(rules.growth)
        #expect(growth.factor == 3 && growth.minComplaints == 5)
        let observed = rules.observe(growing(recent: 5), at: now)
        #expect(observed.growthFactor == 5)
        #expect(rules.trigger(observed) == .growth(factor: 5))
        // Below minComplaints in the last window: no factor at all.
        #expect(rules.observe(growing(recent: 4), at: now).growthFactor == nil)
        // A cluster younger than the day and its week of baseline is judged by its counts, not by growth, even
        // when someone came before the last day.
        let young = complaints(6, over: 20) + [Complaint(complainant: "early", receivedAt: now.addingTimeInterval(-30 * 3600), signals: [])]
        #expect(rules.observe(young, at: now).growthFactor == nil)
        #expect(rules.trigger(rules.observe(young, at: now)) == nil)
    }

    @Test func everyLevelConditionGrantsItsLevelAndNothingShortOfItDoes() throws {
        let rules = try defaultPlaybook().warning
        #expect(rules.levels.map(\.level) == [.yellow, .orange, .red])
        // A plain burst of eight is blue.
        #expect(rules.level(rules.observe(complaints(8, over: 40), at: now)).level == .blue)
        for rule in rules.levels {
            if let count = rule.complaints {
                let met = rules.level(rules.observe(complaints(count, over: 300), at: now))
                #expect(met.level == rule.level, "\(rule.level) at \(count) complainants")
                #expect(met.reasons.contains { $0.code == "level.\(rule.level.rawValue).complaints" })
                #expect(rules.level(rules.observe(complaints(count - 1, over: 300), at: now)).level < rule.level)
            }
            if let factor = rule.growth {
                // Baseline one a day: `recent` complainants in the last day is a factor of `recent`.
                let recent = Int(factor.rounded(.up))
                let observed = rules.observe(growing(recent: max(recent, rules.growth?.minComplaints ?? 1)), at: now)
                #expect(try #require(observed.growthFactor) >= factor)
                #expect(rules.level(observed).level >= rule.level, "\(rule.level) at growth \(factor)")
                var slower = observed
                slower.growthFactor = factor - 0.01
                #expect(rules.level(slower).level < rule.level || rule.complaints.map { observed.complainants >= $0 } == true)
            }
            for signal in rule.signals {
                let needed = rules.signalMinComplainants(for: signal)
                let carriers = complaints(needed, over: 10, signals: [signal])
                let met = rules.level(rules.observe(complaints(8, over: 40, from: 100) + carriers, at: now))
                #expect(met.level == rule.level, "\(signal) gives \(rule.level)")
                #expect(met.reasons.first?.code == "signal.\(signal.rawValue)")
                if needed > 1 {
                    let fewer = complaints(needed - 1, over: 10, signals: [signal])
                    #expect(rules.level(rules.observe(complaints(8, over: 40, from: 100) + fewer, at: now)).level < rule.level)
                }
            }
        }
    }

    @Test func oneComplainantCarryingASignalTwiceCountsOnce() throws {
        let rules = try defaultPlaybook().warning
        let twice = [
            Complaint(complainant: "p1", receivedAt: now, signals: [.mediaAttention]),
            Complaint(complainant: "p1", receivedAt: now.addingTimeInterval(-60), signals: [.mediaAttention]),
        ]
        #expect(rules.signalMinComplainants(for: .mediaAttention) == 2)
        #expect(rules.level(rules.observe(complaints(8, over: 40, from: 10) + twice, at: now)).level == .blue)
    }

    @Test func thePlaybookSetsSignalThresholdsAndTheEntityGuard() throws {
        let rules = try defaultPlaybook().warning
        #expect(rules.signalMinComplainants(for: .regulatorReferral) == 1)
        #expect(rules.signalMinComplainants(for: .safety) == 1)
        #expect(rules.signalMinComplainants(for: .gathering) == 1)
        #expect(rules.signalMinComplainants(for: .legalThreat) == 2)
        #expect(rules.minSharedEntityShare == 0.25)
        #expect(rules == WarningRules.standard, "the built-in rules are the default playbook's")
    }

    @Test func windowsInWorkingDaysAreRefused() {
        let error = loadErrors(minimalPlaybook(replacingLine: 5, with: "  window: 2wd")).first
        #expect(error?.line == 5)
        #expect(error?.description.contains("elapsed time") == true)
    }

    @Test func aLevelReadingGrowthNeedsTheGrowthRule() throws {
        let yaml = try defaultPlaybookYAML().replacingOccurrences(
            of: "  growth: { factor: 3, window: 24h, baseline: 7d, minComplaints: 5 }\n", with: "")
        let errors = loadErrors(yaml)
        #expect(errors.contains { $0.description.contains("growth condition without a growth rule") })
    }

    @Test func anUnknownSignalIsRefusedWithTheList() throws {
        let yaml = try defaultPlaybookYAML().replacingOccurrences(of: "signals: [safety, gathering]", with: "signals: [safety, riots]")
        let error = try #require(loadErrors(yaml).first)
        #expect(error.description.contains("regulator_referral"))
    }
}
