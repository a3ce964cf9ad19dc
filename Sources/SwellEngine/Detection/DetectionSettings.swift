import Foundation
import SwellDetection
import SwellPlaybook

/// The detector's configuration for a playbook: its `warning` section is the detector's warning rules, as
/// written (no playbook: the default playbook's rules).
public enum DetectionSettings {
    public static func configuration(from playbook: Playbook?, window: TimeInterval = 30 * 86_400) -> DetectorConfiguration {
        var configuration = DetectorConfiguration.standard
        configuration.window = window
        if let rules = playbook?.warning { configuration.rules = rules }
        return configuration
    }
}
