import ArgumentParser
import Foundation
import Logging
import SwellEngine

/// `swell retention run [--dry-run]`: erases complainants' personal data kept past the playbook's retention.
struct RetentionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention", abstract: "Personal-data retention (PIPL, GDPR).", subcommands: [Run.self])

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase personal data kept past the playbook's cases.retainPersonalData (the server also runs this daily).",
            discussion: """
                Erases complainants' names, phones and e-mails, and every phone number, e-mail address, ID number \
                and the complainant's name in complaint texts, for cases closed longer ago than the retention (and \
                complaints nobody acted on, received that long ago). The rest stays for statistics; one \
                retention.applied event records the counts. --dry-run only counts.
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var playbook: PlaybookOptions
        @Flag(help: "Count what is due; change nothing.") var dryRun = false

        func run() async throws {
            let loaded = try playbook.load()
            let dryRun = self.dryRun
            let report = try await store.withStore { caseStore in
                try await RetentionJob(store: caseStore, playbook: loaded, logger: Logger(label: "swell")).run(now: Date(), dryRun: dryRun)
            }
            guard let report else {
                print("the playbook keeps personal data (cases.retainPersonalData: forever); nothing to do")
                return
            }
            print("\(report.dryRun ? "would erase" : "erased") the personal data of \(report.erased) complaint(s) (cases closed, or untouched complaints received, before \(report.cutoff))")
        }
    }
}
