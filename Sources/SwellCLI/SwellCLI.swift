import ArgumentParser

/// The `swell` command line.
public struct SwellCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "swell",
        abstract: "Group-incident crisis coordination: complaint intake, clustering, early warnings, playbooks.",
        subcommands: [
            ServeCommand.self, ImportCommand.self, ReplayCommand.self, TokenCommand.self, AuditCommand.self,
            PlaybookCommand.self, GenerateCommand.self, BenchCommand.self, MigrateStoreCommand.self, ToneCommand.self,
            BackupCommand.self, RestoreCommand.self, RetentionCommand.self,
        ])

    public init() {}
}
