import Foundation
import SwellDetection
import SwellPlaybook

/// The detector's configuration, with the warning thresholds taken from the playbook: the burst rule
/// (`minComplaints` within `window`) and each slow window become rules, in that order, so the rule that fired
/// is named on every warning; the complaint counts of the playbook's level rules become the size steps.
/// The detector's own signal rule and signal points stay as they are (the playbook names signals in its own
/// vocabulary; the detector finds them in text).
public enum DetectionSettings {
    public static func configuration(from playbook: Playbook?, window: TimeInterval = 30 * 86_400) -> DetectorConfiguration {
        var configuration = DetectorConfiguration.standard
        configuration.window = window
        guard let rules = playbook?.warning else { return configuration }
        var policy = configuration.policy
        var derived: [WarningPolicy.Rule] = []
        if let seconds = rules.window.windowSeconds {
            derived.append(.init(name: "burst", minimumComplainants: rules.minComplaints, window: seconds))
        }
        derived += policy.rules.filter { $0.minimumSignalledComplaints > 0 }
        for slow in rules.slowWindows {
            guard let seconds = slow.window.windowSeconds else { continue }
            derived.append(.init(name: "sustained-\(slow.window)", minimumComplainants: slow.complaints, window: seconds))
        }
        if !derived.isEmpty { policy.rules = derived }
        let steps = rules.levels.compactMap(\.complaints).sorted()
        if !steps.isEmpty { policy.sizeSteps = steps }
        configuration.policy = policy
        return configuration
    }
}
