/// Distinct complainants per policy window, counted backwards from the newest member and
/// stopped as soon as every window has reached the largest number the policy asks of it, so a
/// busy cluster costs no more than a quiet one. Signalled complaints are only looked for while some are left:
/// the cluster's signal tally says how many signal marks its members carry, and once the scan has passed them
/// all, no window can gain one (otherwise a big cluster without media or regulator signals would be scanned
/// to the end of the longest window for every new member).
struct RecentActivity {
    /// Per rule: distinct people and signalled complaints within the rule's window (capped).
    var rules: [(people: Int, signalled: Int)]
    /// Distinct people within the growth window (capped at the largest growth step).
    var growth: Int

    /// One window being counted.
    struct Window {
        var length: Double
        var peopleCap: Int
        var signalCap: Int
        /// Distinct complainants seen; never more than `peopleCap`, so a linear search is cheap.
        var people: [UInt64] = []
        var signalled = 0

        /// Nothing more this window could learn: enough people, and enough signals or none left to find.
        func saturated(signalsLeft: Bool) -> Bool {
            people.count >= peopleCap && (signalled >= signalCap || !signalsLeft)
        }

        mutating func count(_ complainant: UInt64, signalled isSignalled: Bool) {
            if people.count < peopleCap && !people.contains(complainant) { people.append(complainant) }
            if isSignalled { signalled += 1 }
        }
    }

    /// Counts over a cluster's `members` (in arrival order), newest first, as of event time `time`.
    /// `signalMarks` is the cluster's total of escalation signals over all members (a member may carry several).
    static func count(
        _ members: [Int64], in store: ComplaintStore, at time: Double, policy: WarningPolicy, signalMarks: Int
    ) -> RecentActivity {
        var windows = policy.rules.map { Window(length: $0.window, peopleCap: $0.minimumComplainants, signalCap: $0.minimumSignalledComplaints) }
        windows.append(Window(length: policy.growthWindow, peopleCap: policy.growthSteps.max() ?? 0, signalCap: 0))
        let horizon = time - policy.longestWindow
        var marksLeft = signalMarks
        for member in members.reversed() {
            guard let slot = store.slot(of: member) else { continue }
            let index = Int(slot)
            let recordTime = store.records[index].time
            if recordTime < horizon - 86_400 { break }  // arrival order is nearly time order: a day's slack
            guard recordTime <= time else { continue }
            let complainant = store.records[index].complainant
            let signals = store.records[index].signals
            let signalled = signals != 0
            marksLeft -= signals.nonzeroBitCount
            var open = false
            for index in windows.indices where !windows[index].saturated(signalsLeft: true) {
                open = true
                guard recordTime > time - windows[index].length else { continue }
                windows[index].count(complainant, signalled: signalled)
            }
            if !open || windows.allSatisfy({ $0.saturated(signalsLeft: marksLeft > 0) }) { break }
        }
        return RecentActivity(
            rules: windows.dropLast().map { ($0.people.count, $0.signalled) }, growth: windows.last?.people.count ?? 0)
    }
}
