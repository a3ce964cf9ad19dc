import Foundation
import Logging
import SwellCore
import SwellPlaybook
import SwellStore

/// What one retention run did (or, dry, would do).
public struct RetentionReport: Sendable, Equatable, Codable {
    /// Complaints whose personal data was (or would be) erased.
    public var erased: Int
    /// Cases closed before this, and untouched complaints received before it, were due.
    public var cutoff: String
    public var dryRun: Bool
}

/// Erases complainants' personal data kept past the playbook's `cases.retainPersonalData` (PIPL, GDPR: no longer
/// than needed): names, phones and e-mails, and the same in the complaint texts. The rest stays for statistics; the
/// log holds no personal data, so the hash chain is untouched. One `retention.applied` event per run, with counts.
/// Run by `swell retention run` and daily by the server.
public struct RetentionJob: Sendable {
    let store: any CaseStore
    let period: PlaybookDuration?
    let logger: Logger
    static let pageSize = 500

    public init(store: any CaseStore, playbook: Playbook?, logger: Logger) {
        self.store = store
        self.period = (playbook?.cases ?? .standard).retainPersonalData
        self.logger = logger
    }

    /// Erases (or, with `dryRun`, counts) what is due at `now`; nil when the playbook keeps personal data forever.
    public func run(now: Date, dryRun: Bool) async throws -> RetentionReport? {
        guard let seconds = period?.windowSeconds else { return nil }
        let cutoff = now.addingTimeInterval(-seconds)
        var erased = 0
        while true {
            let due = try await store.complaintsPastRetention(
                closedBefore: cutoff, receivedBefore: cutoff, limit: dryRun ? 100_000 : Self.pageSize)
            if dryRun {
                erased = due.count
                break
            }
            guard !due.isEmpty else { break }
            _ = try await store.apply([.erasePersonalData(due, at: now)], checkpoint: nil)
            erased += due.count
        }
        let report = RetentionReport(erased: erased, cutoff: RFC3339.format(cutoff), dryRun: dryRun)
        if !dryRun {
            _ = try await store.apply([.appendEvent(EventDraft(type: .retentionApplied, at: now, payload: EventDraft.payload(report)))], checkpoint: nil)
        }
        logger.info(
            "Retention run", metadata: ["retention.erased": "\(erased)", "retention.cutoff": "\(report.cutoff)", "retention.dryRun": "\(dryRun)"])
        return report
    }
}

/// Runs the retention job in the server: at start, then every 24 hours (one instance: the `retention` role).
public actor RetentionSchedule {
    let job: RetentionJob
    let now: @Sendable () -> Date
    private var nextRun: Date?

    public init(job: RetentionJob, now: @escaping @Sendable () -> Date = { Date() }) {
        self.job = job
        self.now = now
    }

    public func start() {
        nextRun = now()
    }

    public func drain() async throws {
        guard let due = nextRun, due <= now() else { return }
        _ = try await job.run(now: now(), dryRun: false)
        nextRun = now().addingTimeInterval(86_400)
    }

    public var nextDueAt: Date? { nextRun }
}
