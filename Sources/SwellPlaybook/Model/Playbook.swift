public import Foundation
public import SwellCore

/// A crisis playbook: how Swell warns, opens an incident, and which tasks, incentives and
/// compensation follow. Loaded from YAML by ``PlaybookLoader``.
public struct Playbook: Sendable, Equatable {
    /// The playbook's name, e.g. `group-complaint`.
    public let name: String
    /// Bumped whenever the playbook changes; incidents record the version they followed.
    public let version: String
    /// Working days and the time zone local times are read in.
    public let calendar: PlaybookCalendar
    public let warning: WarningRules
    public let autoOpen: AutoOpenRule
    public let phases: [PlaybookPhase]
    public let incentives: IncentivePolicy
    public let compensation: CompensationTable
    /// Local time of day the daily monitoring report is due.
    public let dailyReportAt: PlaybookLocalTime
    /// Which events go to which notification channels, at once.
    public let notify: [NotificationRule]
    /// How each complainant's case is acknowledged, answered, closed and visited, and in what time.
    public let cases: CaseRules
    /// The root-cause categories a post-incident review may name.
    public let rootCauseCategories: [String]

    /// The categories without a `review` section.
    public static let standardRootCauseCategories = ["supplier", "guide", "transport", "hotel", "contract_sales", "communication", "other"]

    public init(
        name: String, version: String, calendar: PlaybookCalendar, warning: WarningRules,
        autoOpen: AutoOpenRule, phases: [PlaybookPhase], incentives: IncentivePolicy,
        compensation: CompensationTable, dailyReportAt: PlaybookLocalTime, notify: [NotificationRule] = [],
        cases: CaseRules = .standard, rootCauseCategories: [String] = Playbook.standardRootCauseCategories
    ) {
        self.name = name
        self.version = version
        self.calendar = calendar
        self.warning = warning
        self.autoOpen = autoOpen
        self.phases = phases
        self.incentives = incentives
        self.compensation = compensation
        self.dailyReportAt = dailyReportAt
        self.notify = notify
        self.cases = cases
        self.rootCauseCategories = rootCauseCategories
    }

    /// The time zone of the playbook.
    public var timeZone: TimeZone { calendar.timeZone }

    /// Every task with the phase it belongs to, in playbook order.
    public var tasks: [(phase: PlaybookPhase, task: PlaybookTask)] {
        phases.flatMap { phase in phase.tasks.map { (phase, $0) } }
    }

    /// The phase with an id, if any.
    public func phase(_ id: String) -> PlaybookPhase? {
        phases.first { $0.id == id }
    }
}
