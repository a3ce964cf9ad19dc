import ArgumentParser
import SwellStore

/// `swell audit verify`: walks the event log's hash chain and reports the first broken link.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check the append-only record.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Verify the event log's hash chain.")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let result = try await store.withStore { caseStore in
                try await ChainVerifier.verify(caseStore) { checked in
                    if checked % 100_000 == 0 { Console.progress("verified \(checked) events") }
                }
            }
            if let broken = result.firstBrokenSeq {
                Console.endProgress()
                print("BROKEN at event \(broken): \(result.problem ?? "")")
                throw ExitCode(1)
            }
            Console.endProgress()
            print("intact: \(result.eventsChecked) events")
        }
    }
}
