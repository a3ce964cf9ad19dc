import Foundation
import SwellCore
import SwellEngine

/// Splits a batch body into submissions (complaints, mentions): a JSON array of objects, or NDJSON (one object
/// per line, blank lines skipped). An item that is not a valid object of its kind is kept as an error with its
/// index (and line), so one bad item never hides the good ones.
enum BatchParser<Submission: Decodable> {
    struct Item {
        var index: Int
        var line: Int?
        var submission: Result<Submission, Problem>
    }

    /// `scan` may read the body faster than the decoder; it answers nil for anything it does not read exactly as the
    /// decoder would, and the decoder then reads the body (or the line).
    static func parse(_ data: Data, scan: Scanner? = nil) throws(Problem) -> [Item] {
        let firstByte = data.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
        guard let firstByte else { throw Problem.malformedJSON("The batch is empty.") }
        return firstByte == UInt8(ascii: "[") ? try parseArray(data, scan: scan) : try parseLines(data, scan: scan)
    }

    /// A fast reader of the usual body (an array) and of one line (an object).
    struct Scanner: Sendable {
        var array: @Sendable (Data) -> [Submission]?
        var line: @Sendable (Data) -> Submission?
    }

    private static func parseArray(_ data: Data, scan: Scanner?) throws(Problem) -> [Item] {
        if let submissions = scan?.array(data) {
            try checkCount(submissions.count)
            return submissions.enumerated().map { index, submission in Item(index: index, line: nil, submission: .success(submission)) }
        }
        let slots = try RequestBody.decode([Slot].self, from: data)
        try checkCount(slots.count)
        return slots.enumerated().map { index, slot in Item(index: index, line: nil, submission: slot.result) }
    }

    private static func parseLines(_ data: Data, scan: Scanner?) throws(Problem) -> [Item] {
        var items: [Item] = []
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            guard line.contains(where: { !($0 == 0x20 || $0 == 0x0D || $0 == 0x09) }) else { continue }
            let result: Result<Submission, Problem>
            if let submission = scan?.line(Data(line)) {
                result = .success(submission)
            } else {
                do {
                    result = .success(try RequestBody.decode(Submission.self, from: Data(line)))
                } catch {
                    result = .failure(error)
                }
            }
            items.append(Item(index: items.count, line: lineNumber, submission: result))
            try checkCount(items.count)
        }
        return items
    }

    private static func checkCount(_ count: Int) throws(Problem) {
        guard count <= IntakeLimits.maxBatchItems else {
            throw Problem(
                .contentTooLarge, "batch-too-large", title: "Too many items",
                detail: "A batch holds at most \(IntakeLimits.maxBatchItems) items; split it.")
        }
    }

    /// One array element, decoded on its own so that a wrong type in it does not fail the whole array.
    private struct Slot: Decodable {
        var result: Result<Submission, Problem>

        init(from decoder: any Decoder) throws {
            do {
                result = .success(try Submission(from: decoder))
            } catch let error as DecodingError {
                result = .failure(RequestBody.problem(for: Self.relative(error, to: decoder.codingPath.count)))
            }
        }

        /// Drops the array index from the error's path, so fields are named as in a single item.
        static func relative(_ error: DecodingError, to depth: Int) -> DecodingError {
            switch error {
            case .typeMismatch(let type, let context):
                .typeMismatch(type, trim(context, depth))
            case .valueNotFound(let type, let context):
                .valueNotFound(type, trim(context, depth))
            case .keyNotFound(let key, let context):
                .keyNotFound(key, trim(context, depth))
            case .dataCorrupted(let context):
                .dataCorrupted(trim(context, depth))
            @unknown default:
                error
            }
        }

        static func trim(_ context: DecodingError.Context, _ depth: Int) -> DecodingError.Context {
            let path = Array(context.codingPath.dropFirst(depth))
            // An element that is not an object at all is reported on the element itself.
            return DecodingError.Context(
                codingPath: path.isEmpty ? [ElementKey()] : path, debugDescription: context.debugDescription,
                underlyingError: context.underlyingError)
        }
    }

    private struct ElementKey: CodingKey {
        var stringValue = "item"
        var intValue: Int? = nil
        init() {}
        init?(stringValue: String) { nil }
        init?(intValue: Int) { nil }
    }
}

extension Problem {
    /// The field errors a problem carries, or one error describing it.
    var fieldErrors: [FieldError] {
        errors ?? [FieldError(field: field ?? "item", code: type.replacingOccurrences(of: "urn:swell:problem:", with: ""), message: detail)]
    }
}

/// The part every batch route shares: parsed items sorted into valid and rejected (each rejection with its index and
/// line), the `atomic` rule, and the answer in request order.
struct BatchSorting<Valid> {
    var count: Int
    var valid: [(index: Int, value: Valid)] = []
    var rejected: [BatchItemProblem] = []

    /// With `atomic`, one invalid item is a 422 naming every invalid one, and nothing is to be stored.
    init<Submission>(
        _ items: [BatchParser<Submission>.Item], atomic: Bool, validate: (Submission) -> Result<Valid, Problem>
    ) throws(Problem) {
        count = items.count
        for item in items {
            switch item.submission.flatMap(validate) {
            case .success(let value): valid.append((item.index, value))
            case .failure(let problem):
                rejected.append(BatchItemProblem(index: item.index, line: item.line, errors: problem.fieldErrors))
            }
        }
        if atomic, !rejected.isEmpty {
            throw Problem(
                .unprocessableContent, "batch-rejected", title: "The batch was not stored",
                detail: "\(rejected.count) of \(items.count) items are not valid; with atomic=true nothing was stored.",
                items: rejected)
        }
    }

    /// The answer, given what storing each valid item (in `valid`'s order) did.
    func result(_ stored: [BatchResult.Stored]) -> BatchResult {
        var results = [BatchResult.ItemResult?](repeating: nil, count: count)
        for (slot, outcome) in zip(valid, stored) {
            results[slot.index] = .init(
                index: slot.index, status: outcome.created ? "created" : "duplicate", id: outcome.id,
                externalId: outcome.externalId, url: outcome.url, errors: nil)
        }
        for problem in rejected {
            results[problem.index] = .init(index: problem.index, status: "rejected", id: nil, externalId: nil, url: nil, errors: problem.errors)
        }
        let created = stored.filter(\.created).count
        return BatchResult(created: created, duplicates: stored.count - created, rejected: rejected.count, results: results.compactMap { $0 })
    }
}

/// What a batch route answers: counts and one result per item, in request order.
struct BatchResult: Encodable, Sendable {
    var created: Int
    var duplicates: Int
    var rejected: Int
    var results: [ItemResult]

    struct ItemResult: Encodable, Sendable {
        var index: Int
        /// created, duplicate or rejected
        var status: String
        var id: Int64?
        /// A complaint's key.
        var externalId: String?
        /// A mention's key (its normalised URL).
        var url: String?
        var errors: [FieldError]?
    }

    /// What storing one valid item did.
    struct Stored {
        var created: Bool
        var id: Int64
        var externalId: String?
        var url: String?
    }
}

