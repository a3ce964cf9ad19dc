import Foundation

/// What the warning policy looks at in one cluster at one moment.
struct ClusterActivity {
    /// Distinct complainants of the whole cluster in the detection window.
    var distinctComplainants: Int
    var complaintCount: Int
    /// Distinct complainants within the policy's growth window.
    var recentComplainants: Int
    /// Members carrying each signal, indexed like `EscalationSignal.allCases`.
    var signalCounts: [Int32]
}

/// Applies a ``WarningPolicy``: which rule fires, and which level the evidence earns.
enum WarningGrader {
    /// Level and the reasons for it.
    static func level(_ activity: ClusterActivity, policy: WarningPolicy) -> (WarningLevel, [WarningReason]) {
        var points = 0
        var reasons: [WarningReason] = []
        if let step = policy.sizeSteps.filter({ activity.distinctComplainants >= $0 }).max() {
            let gained = policy.sizeSteps.filter { activity.distinctComplainants >= $0 }.count
            points += gained
            reasons.append(WarningReason(
                code: "size.\(step)",
                detail: "\(activity.distinctComplainants) distinct complainants in the cluster (step \(step))"))
        }
        if let step = policy.growthSteps.filter({ activity.recentComplainants >= $0 }).max() {
            points += policy.growthSteps.filter { activity.recentComplainants >= $0 }.count
            let hours = Int(policy.growthWindow / 3600)
            reasons.append(WarningReason(
                code: "growth.\(step)",
                detail: "\(activity.recentComplainants) distinct complainants within \(hours) h (step \(step))"))
        }
        for (index, signal) in EscalationSignal.allCases.enumerated() {
            let count = index < activity.signalCounts.count ? Int(activity.signalCounts[index]) : 0
            guard count >= policy.signalMinimumComplaints else { continue }
            points += signal == .health ? policy.healthSignalPoints : 1
            reasons.append(WarningReason(
                code: "signal.\(signal.rawValue)", detail: "\(count) complaints mention \(signal.humanName)"))
        }
        let level: WarningLevel =
            points >= policy.redPoints ? .red : points >= policy.orangePoints ? .orange : points >= policy.yellowPoints ? .yellow : .blue
        return (level, reasons)
    }
}

extension EscalationSignal {
    var humanName: String {
        switch self {
        case .media: "media or journalists"
        case .onlineExposure: "exposure online"
        case .legal: "lawyers or lawsuits"
        case .regulator: "regulators or complaint hotlines (12315/12345/12301)"
        case .collectiveAction: "collective rights action"
        case .health: "injury, hospital or food poisoning"
        }
    }
}
