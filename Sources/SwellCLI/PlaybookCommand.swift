import ArgumentParser
import Foundation
import SwellAssets
import SwellPlaybook

/// `swell playbook check [FILE…]`: loads each playbook and reports every problem with file, line and column.
struct PlaybookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "playbook", abstract: "Work with playbooks.", subcommands: [Check.self, PrintDefault.self])

    /// `swell playbook print-default > my.yaml`: the default playbook built into this binary, to edit.
    struct PrintDefault: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "print-default", abstract: "Print the default playbook built into this binary.")

        func run() async throws {
            FileHandle.standardOutput.write(EmbeddedAssets.defaultPlaybook)
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check playbooks; exit 1 if any is invalid.")
        @Argument(help: "Playbook files (default: playbooks/*.yaml).") var files: [String] = []

        func run() async throws {
            let paths = files.isEmpty ? Self.defaultFiles() : files
            guard !paths.isEmpty else { throw ValidationError("no playbook files given and none in playbooks/") }
            var failed = false
            for path in paths {
                guard let data = FileManager.default.contents(atPath: path) else {
                    print("\(path): cannot read the file")
                    failed = true
                    continue
                }
                do {
                    let playbook = try PlaybookLoader.load(data: data, file: path)
                    print("\(path): ok — \(playbook.summary)")
                    let today = playbook.calendar.localDate(of: Date())
                    for advisory in playbook.advisories(today: today) { print("  note: \(advisory)") }
                } catch {
                    print(error.description)
                    failed = true
                }
            }
            if failed { throw ExitCode(1) }
        }

        static func defaultFiles() -> [String] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: "playbooks")) ?? []
            return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { "playbooks/" + $0 }
        }
    }
}
