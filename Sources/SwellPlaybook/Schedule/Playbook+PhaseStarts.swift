public import Foundation
public import SwellCore

extension Playbook {
    /// When each phase started, from the incident's state history (each state entered, with
    /// its instant, in order; the first entry is usually `open` at the opening instant).
    ///
    /// A phase with ``PlaybookPhase/startsWhen`` starts the first time the incident reaches that
    /// state or any later state along the usual path (open → responding → monitoring → settling
    /// → resolved), so a skipped state still starts its phase. Closing never starts a phase:
    /// an incident closed straight from open was a false alarm.
    public func phaseStarts(history: [(state: IncidentState, at: Date)]) -> [String: Date] {
        let order = IncidentState.allCases
        func rank(_ state: IncidentState) -> Int { order.firstIndex(of: state) ?? 0 }
        var starts: [String: Date] = [:]
        for (state, instant) in history where state != .closed {
            for phase in phases where starts[phase.id] == nil {
                guard let trigger = phase.startsWhen, trigger != .closed, rank(state) >= rank(trigger) else { continue }
                starts[phase.id] = instant
            }
        }
        return starts
    }
}
