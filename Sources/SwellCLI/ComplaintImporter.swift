import Foundation
import SwellCore
import SwellStore

/// Streams an NDJSON or CSV file into the case store in batches. Valid complaints are stored (repeats by
/// externalId are counted as duplicates, so importing twice stores nothing new); each rejected line is written
/// to the rejects file as NDJSON with its line number, reason and the original text.
struct ComplaintImporter {
    enum Format: String { case ndjson, csv }

    struct Summary: Equatable {
        var stored = 0
        var duplicates = 0
        var rejected = 0
    }

    var store: any CaseStore
    var batchSize = 1_000
    var now: () -> Date = { Date() }

    static func format(for path: String, explicit: String?) throws -> Format {
        if let explicit {
            guard let format = Format(rawValue: explicit.lowercased()) else { throw ImportError.unknownFormat(explicit) }
            return format
        }
        return path.lowercased().hasSuffix(".csv") ? .csv : .ndjson
    }

    func run(
        path: String, format: Format, rejectsPath: String, progress: (Int64) -> Void = { _ in }
    ) async throws -> Summary {
        var summary = Summary()
        var rejects = RejectsWriter(path: rejectsPath)
        defer { rejects.close() }
        var pending: [NewComplaint] = []

        func flush() async throws {
            guard !pending.isEmpty else { return }
            let outcomes = try await store.ingest(pending, at: now())
            let created = outcomes.filter(\.isCreated).count
            summary.stored += created
            summary.duplicates += outcomes.count - created
            pending.removeAll(keepingCapacity: true)
        }

        func take(_ submission: Result<ComplaintSubmission, RejectReason>, line: Int, original: String) async throws {
            let validated = submission.flatMap { input in
                ComplaintValidator.validate(input, now: now()).mapError { RejectReason.invalid($0.errors) }
            }
            switch validated {
            case .success(let complaint):
                pending.append(complaint)
                if pending.count >= batchSize { try await flush() }
            case .failure(let reason):
                summary.rejected += 1
                try rejects.write(line: line, reason: reason, original: original)
            }
        }

        switch format {
        case .ndjson:
            var lines = try LineReader(path: path)
            defer { lines.close() }
            while let data = try lines.next() {
                guard data.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
                let original = String(decoding: data, as: UTF8.self)
                let submission: Result<ComplaintSubmission, RejectReason>
                if String(validating: data, as: UTF8.self) == nil {
                    submission = .failure(.unreadable("the line is not valid UTF-8"))
                } else {
                    do {
                        submission = .success(try JSONDecoder().decode(ComplaintSubmission.self, from: data))
                    } catch {
                        submission = .failure(.unreadable("not a JSON complaint object: \(Self.describe(error))"))
                    }
                }
                try await take(submission, line: lines.lineNumber, original: original)
                if lines.lineNumber % 1_000 == 0 { progress(lines.bytesConsumed) }
            }
            progress(lines.bytesConsumed)
        case .csv:
            var records = CSVRecords(lines: try LineReader(path: path))
            defer { records.close() }
            guard let header = try records.next() else { return summary }
            let mapping = try CSVComplaintMapping(header: header.fields)
            var count = 0
            while let record = try records.next() {
                if record.fields.count == 1, record.fields[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
                try await take(
                    .success(mapping.submission(record.fields)), line: record.line,
                    original: record.fields.joined(separator: ","))
                count += 1
                if count % 1_000 == 0 { progress(records.bytesConsumed) }
            }
            progress(records.bytesConsumed)
        }
        try await flush()
        return summary
    }

    static func describe(_ error: any Error) -> String {
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
