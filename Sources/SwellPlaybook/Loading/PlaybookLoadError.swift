/// One thing wrong with a playbook file, with where it is: `file:line:column`.
public struct PlaybookLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file name given to the loader (for messages only).
    public let file: String
    /// 1-based line, when known.
    public let line: Int?
    /// 1-based column, when known.
    public let column: Int?
    /// Where in the document, e.g. `phases[1].tasks[0].due`.
    public let path: String
    /// What is wrong and what was expected.
    public let problem: PlaybookLoadProblem

    public init(file: String, line: Int?, column: Int?, path: String, problem: PlaybookLoadProblem) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.problem = problem
    }

    /// `group-complaint.yaml:12:14: phases[0].tasks[1].due: "48" has no unit…; expected …`
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        let at = path.isEmpty ? "" : "\(path): "
        return "\(location): \(at)\(problem)"
    }
}

/// What is wrong at one place in a playbook, and what would have been right.
public enum PlaybookLoadProblem: Sendable, Equatable, CustomStringConvertible {
    /// The YAML itself does not parse.
    case yamlSyntax(String)
    /// A key the format does not have (often a typo).
    case unknownKey(String, allowed: [String], suggestion: String?)
    /// A required key is absent or empty.
    case missingField(String)
    /// The node has the wrong shape, e.g. a list where a mapping belongs.
    case wrongShape(found: String, expected: String)
    /// A value that does not parse or is out of range.
    case invalidValue(String, reason: String?, expected: String)
    /// An id used twice.
    case duplicateId(String, firstLine: Int?)
    /// A reference to a phase that does not exist.
    case unknownPhase(String, known: [String])

    public var description: String {
        switch self {
        case .yamlSyntax(let detail):
            return "not valid YAML: \(detail)"
        case .unknownKey(let key, let allowed, let suggestion):
            let hint = suggestion.map { " (did you mean \"\($0)\"?)" } ?? ""
            return "unknown key \"\(key)\"\(hint); expected one of: \(allowed.joined(separator: ", "))"
        case .missingField(let key):
            return "missing required key \"\(key)\""
        case .wrongShape(let found, let expected):
            return "found \(found); expected \(expected)"
        case .invalidValue(let value, let reason, let expected):
            let why = reason.map { ": \($0)" } ?? ""
            return "invalid value \"\(value)\"\(why); expected \(expected)"
        case .duplicateId(let id, let firstLine):
            let first = firstLine.map { " (first used on line \($0))" } ?? ""
            return "duplicate id \"\(id)\"\(first); ids must be unique"
        case .unknownPhase(let id, let known):
            return "no phase with id \"\(id)\"; expected one of: \(known.joined(separator: ", "))"
        }
    }
}

/// A playbook that did not load: every problem found, in document order.
public struct PlaybookLoadFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public let errors: [PlaybookLoadError]

    public init(errors: [PlaybookLoadError]) {
        self.errors = errors
    }

    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
