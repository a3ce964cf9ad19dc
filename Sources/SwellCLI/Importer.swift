import Foundation
import SwellCore
import SwellDetection
import SwellStore

/// What `swell import` loads: complaints or mentions. Each kind says how a CSV row or an NDJSON line becomes a
/// submission, how one is validated, and how a batch is stored (idempotently: complaints by `externalId`, mentions
/// by their normalised URL).
protocol ImportKind {
    associatedtype Submission: Decodable
    associatedtype Valid
    /// For messages: `complaint`, `mention`.
    static var noun: String { get }
    /// Reads a CSV header; the returned function turns a row's fields into a submission.
    static func csvMapping(header: [String]) throws -> ([String]) -> Submission
    static func validate(_ submission: Submission, now: Date) -> Result<Valid, ValidationFailure>
    /// Stores a batch in one transaction; answers how many were new.
    static func store(_ batch: [Valid], in store: any CaseStore, at: Date) async throws -> Int
}

/// Complaints, as the contract writes them.
enum ComplaintImport: ImportKind {
    static let noun = "complaint"

    static func csvMapping(header: [String]) throws -> ([String]) -> ComplaintSubmission {
        let mapping = try CSVComplaintMapping(header: header)
        return mapping.submission
    }

    static func validate(_ submission: ComplaintSubmission, now: Date) -> Result<NewComplaint, ValidationFailure> {
        ComplaintValidator.validate(submission, now: now)
    }

    static func store(_ batch: [NewComplaint], in store: any CaseStore, at: Date) async throws -> Int {
        try await store.ingest(batch, at: at).filter(\.isCreated).count
    }
}

/// Public mentions, as monitoring vendors export them; the tone is read on the way in, as the API does.
enum MentionImport: ImportKind {
    static let noun = "mention"

    static func csvMapping(header: [String]) throws -> ([String]) -> MentionSubmission {
        let mapping = try CSVMentionMapping(header: header)
        return mapping.submission
    }

    static func validate(_ submission: MentionSubmission, now: Date) -> Result<NewMention, ValidationFailure> {
        MentionValidator.validate(submission, now: now).map { NewMention(content: $0, tone: ToneReader.read($0.fullText)) }
    }

    static func store(_ batch: [NewMention], in store: any CaseStore, at: Date) async throws -> Int {
        try await store.ingestMentions(batch, at: at).filter(\.isCreated).count
    }
}

/// The two file formats `swell import` reads.
enum ImportFormat: String {
    case ndjson, csv

    /// The format named, or the file's by its extension (`.csv`, else NDJSON).
    static func of(path: String, explicit: String?) throws(ImportError) -> ImportFormat {
        if let explicit {
            guard let format = ImportFormat(rawValue: explicit.lowercased()) else { throw ImportError.unknownFormat(explicit) }
            return format
        }
        return path.lowercased().hasSuffix(".csv") ? .csv : .ndjson
    }
}

/// What an import did: stored + duplicates + rejected = the lines read (blank lines aside).
struct ImportSummary: Equatable {
    var stored = 0
    var duplicates = 0
    var rejected = 0
}

/// Streams an NDJSON or CSV file into the case store in batches. Valid items are stored (repeats are counted as
/// duplicates, so importing twice stores nothing new); each rejected line is written to the rejects file as NDJSON
/// with its line number, reason and the original text.
struct Importer<Kind: ImportKind> {
    var store: any CaseStore
    var batchSize = 1_000
    var now: () -> Date = { Date() }

    func run(
        path: String, format: ImportFormat, encoding: TextEncoding = .utf8, rejectsPath: String, progress: (Int64) -> Void = { _ in }
    ) async throws -> ImportSummary {
        var summary = ImportSummary()
        var rejects = RejectsWriter(path: rejectsPath)
        defer { rejects.close() }
        var pending: [Kind.Valid] = []

        func flush() async throws {
            guard !pending.isEmpty else { return }
            let created = try await Kind.store(pending, in: store, at: now())
            summary.stored += created
            summary.duplicates += pending.count - created
            pending.removeAll(keepingCapacity: true)
        }

        func take(_ submission: Result<Kind.Submission, RejectReason>, line: Int, original: String) async throws {
            let validated = submission.flatMap { input in
                Kind.validate(input, now: now()).mapError { RejectReason.invalid($0.errors) }
            }
            switch validated {
            case .success(let item):
                pending.append(item)
                if pending.count >= batchSize { try await flush() }
            case .failure(let reason):
                summary.rejected += 1
                try rejects.write(line: line, reason: reason, original: original)
            }
        }

        switch format {
        case .ndjson:
            var lines = try LineReader(path: path, encoding: encoding)
            defer { lines.close() }
            while let data = try lines.next() {
                guard data.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
                let original = String(decoding: data, as: UTF8.self)
                let submission: Result<Kind.Submission, RejectReason>
                if String(validating: data, as: UTF8.self) == nil {
                    submission = .failure(.unreadable(Self.notUTF8(encoding)))
                } else {
                    do {
                        submission = .success(try JSONDecoder().decode(Kind.Submission.self, from: data))
                    } catch {
                        submission = .failure(.unreadable("not a JSON \(Kind.noun) object: \(describe(error))"))
                    }
                }
                try await take(submission, line: lines.lineNumber, original: original)
                if lines.lineNumber % 1_000 == 0 { progress(lines.bytesConsumed) }
            }
            progress(lines.bytesConsumed)
        case .csv:
            var records = CSVRecords(lines: try LineReader(path: path, encoding: encoding))
            defer { records.close() }
            guard let header = try records.next() else { return summary }
            let mapping = try Kind.csvMapping(header: header.fields)
            var count = 0
            while let record = try records.next() {
                if record.fields.count == 1, record.fields[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
                try await take(
                    record.valid ? .success(mapping(record.fields)) : .failure(.unreadable(Self.notUTF8(encoding))), line: record.line,
                    original: CSVRecords.join(record.fields))
                count += 1
                if count % 1_000 == 0 { progress(records.bytesConsumed) }
            }
            progress(records.bytesConsumed)
        }
        try await flush()
        return summary
    }

    /// Why a line's bytes could not be read, with the way out.
    static func notUTF8(_ encoding: TextEncoding) -> String {
        encoding == .utf8
            ? "the line is not valid UTF-8 (a file saved by Chinese Excel is GB18030: give --encoding gb18030)"
            : "the line is not valid GB18030"
    }
}

/// Why a line could not be read as JSON, in a few words.
private func describe(_ error: any Error) -> String {
    switch error {
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
        let field = context.codingPath.map(\.stringValue).joined(separator: ".")
        return field.isEmpty ? "the line is not a JSON object" : "\(field) has the wrong type"
    case DecodingError.dataCorrupted:
        return "malformed JSON"
    default:
        return "unreadable"
    }
}

enum RejectReason: Error {
    case unreadable(String)
    case invalid([FieldError])

    var text: String {
        switch self {
        case .unreadable(let detail): detail
        case .invalid(let errors): errors.map { "\($0.field) \($0.message)" }.joined(separator: "; ")
        }
    }

    var errors: [FieldError] {
        if case .invalid(let errors) = self { errors } else { [] }
    }
}

/// Writes rejected lines as NDJSON; the file is only created when there is something to write.
struct RejectsWriter {
    let path: String
    private var handle: FileHandle?

    init(path: String) { self.path = path }

    private struct Entry: Encodable {
        var line: Int
        var reason: String
        var errors: [FieldError]
        var input: String
    }

    mutating func write(line: Int, reason: RejectReason, original: String) throws {
        if handle == nil {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            handle = FileHandle(forWritingAtPath: path)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(Entry(line: line, reason: reason.text, errors: reason.errors, input: original))
        data.append(0x0A)
        handle?.write(data)
    }

    func close() { try? handle?.close() }
}
