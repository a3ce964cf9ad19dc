import ArgumentParser
import Foundation

/// `swell import [--kind mentions] FILE`: loads NDJSON or CSV complaints (or public mentions) into the case store,
/// with progress on stderr.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import complaints or mentions from NDJSON or CSV (header row with the contract's field names).",
        discussion: """
            Writes straight into the case store (the service may be running). Repeats (a complaint's externalId, \
            a mention's normalised URL) are counted as duplicates and stored once, so running the same import \
            twice stores nothing new. Rejected lines go to the rejects file (NDJSON: line, reason, errors, input). \
            Mention CSV columns: url, source, publishedAt, text or title, and optionally outlet, author, reach, \
            engagement, language (as monitoring vendors export them).
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case complaints, mentions
    }

    @OptionGroup var store: StoreOptions
    @Argument(help: "The file to import.") var file: String
    @Option(help: "complaints or mentions.") var kind: Kind = .complaints
    @Option(help: "ndjson or csv (default: by the file's extension).") var format: String?
    @Option(help: "utf-8 (default; a byte-order mark is dropped) or gb18030 (also gbk, gb2312: CSV saved by Chinese Excel).")
    var encoding = "utf-8"
    @Option(help: "Where to write rejected lines (default FILE.rejects.ndjson).") var rejects: String?
    @Option(name: .customLong("batch-size"), help: "Complaints per transaction.") var batchSize = 1_000

    func run() async throws {
        let format = try ImportFormat.of(path: file, explicit: format)
        guard let encoding = TextEncoding(name: encoding) else { throw ImportError.unknownEncoding(encoding) }
        let total = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int64) ?? nil
        let rejectsPath = rejects ?? file + ".rejects.ndjson"
        try? FileManager.default.removeItem(atPath: rejectsPath)
        let started = Date()
        let (file, batchSize, kind) = (self.file, max(1, self.batchSize), self.kind)
        let summary = try await store.withStore { caseStore in
            let progress: (Int64) -> Void = { consumed in
                Console.progress(ProgressBar.render(done: consumed, total: total ?? 0, started: started))
            }
            switch kind {
            case .complaints:
                return try await Importer<ComplaintImport>(store: caseStore, batchSize: batchSize)
                    .run(path: file, format: format, encoding: encoding, rejectsPath: rejectsPath, progress: progress)
            case .mentions:
                return try await Importer<MentionImport>(store: caseStore, batchSize: batchSize)
                    .run(path: file, format: format, encoding: encoding, rejectsPath: rejectsPath, progress: progress)
            }
        }
        Console.endProgress()
        print("stored \(summary.stored), duplicates \(summary.duplicates), rejected \(summary.rejected)")
        if summary.rejected > 0 { print("rejected lines: \(rejectsPath)") }
    }
}

/// A one-line text progress bar: `[#####-----]  52%  12.3 MB  4,100/s`.
enum ProgressBar {
    static func render(done: Int64, total: Int64, started: Date) -> String {
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 0
        let filled = Int(fraction * 30)
        let elapsed = max(0.001, Date().timeIntervalSince(started))
        let megabytes = Double(done) / 1_048_576
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: 30 - filled) + "] "
            + String(format: "%3.0f%%  %.1f MiB  %.1f MiB/s", fraction * 100, megabytes, megabytes / elapsed)
    }
}
