import Foundation
import Yams
import SwellCore

/// A YAML node being decoded, with its path in the document for error messages.
struct YAMLValue {
    let node: Node
    let path: String
    let context: LoadContext

    /// 1-based line of the node.
    var line: Int? { node.mark?.line }
    /// 1-based column of the node.
    var column: Int? { node.mark?.column }

    /// An error located at this node.
    func error(_ problem: PlaybookLoadProblem) -> PlaybookLoadError {
        PlaybookLoadError(file: context.file, line: line, column: column, path: path, problem: problem)
    }

    /// What kind of node this is, for "found …" messages.
    var shapeName: String {
        switch node {
        case .scalar(let scalar): scalar.string.isEmpty ? "an empty value" : "the text \"\(scalar.string)\""
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// Whether the node is YAML null (`~`, `null` or nothing).
    var isNull: Bool {
        guard case .scalar = node else { return false }
        return node.null != nil
    }

    /// What to do with a key the format does not have.
    enum UnknownKeys {
        /// Fail this mapping: its other errors could be consequences of the typo.
        case fail
        /// Record the error and go on (for the document root, so that the sections are still
        /// checked). A misspelt key with a clear suggestion is read as the key it resembles,
        /// so its content is checked too and no "missing key" error follows the typo.
        case recordAndSkip
    }

    /// This node as a mapping whose keys must all be in `allowed`.
    func mapping(allowed: [String], unknownKeys: UnknownKeys = .fail) throws(PlaybookLoadError) -> YAMLMapping {
        guard let mapping = node.mapping else {
            throw error(.wrongShape(found: shapeName, expected: "a mapping with keys \(allowed.joined(separator: ", "))"))
        }
        var entries: [(key: String, value: YAMLValue)] = []
        var misspelt: [(key: String, value: YAMLValue)] = []
        for (keyNode, valueNode) in mapping {
            let key = keyNode.scalar?.string ?? ""
            let keyValue = YAMLValue(node: keyNode, path: path, context: context)
            guard allowed.contains(key) else {
                let unknown = keyValue.error(.unknownKey(key, allowed: allowed, suggestion: closestMatch(to: key, in: allowed)))
                switch unknownKeys {
                case .fail: throw unknown
                case .recordAndSkip:
                    context.record(unknown)
                    if let suggestion = closestMatch(to: key, in: allowed) {
                        misspelt.append((suggestion, YAMLValue(node: valueNode, path: joined(path, suggestion), context: context)))
                    }
                    continue
                }
            }
            entries.append((key, YAMLValue(node: valueNode, path: joined(path, key), context: context)))
        }
        for guess in misspelt where !entries.contains(where: { $0.key == guess.key }) {
            entries.append(guess)
        }
        return YAMLMapping(owner: self, entries: entries)
    }

    /// This node as a list of values.
    func list(expected: String) throws(PlaybookLoadError) -> [YAMLValue] {
        guard let sequence = node.sequence else {
            throw error(.wrongShape(found: shapeName, expected: "a list of \(expected)"))
        }
        return sequence.enumerated().map { index, element in
            YAMLValue(node: element, path: "\(path)[\(index)]", context: context)
        }
    }

    /// This node as non-empty text.
    func text(expected: String = "text") throws(PlaybookLoadError) -> String {
        guard case .scalar(let scalar) = node, !isNull else {
            throw error(.wrongShape(found: shapeName, expected: expected))
        }
        let text = scalar.string.trimmingWhiteSpace()
        guard !text.isEmpty else { throw error(.wrongShape(found: shapeName, expected: expected)) }
        return text
    }

    /// This node's text turned into a value by `parse`; `expected` says what would have parsed.
    func parsed<T>(expected: String, _ parse: (String) -> T?) throws(PlaybookLoadError) -> T {
        let raw = try text(expected: expected)
        guard let value = parse(raw) else { throw error(.invalidValue(raw, reason: nil, expected: expected)) }
        return value
    }

    /// A whole number within `range`.
    func integer(in range: ClosedRange<Int>) throws(PlaybookLoadError) -> Int {
        let expected = "a whole number from \(range.lowerBound) to \(range.upperBound)"
        return try parsed(expected: expected) { Int($0).flatMap { range.contains($0) ? $0 : nil } }
    }

    /// A number (decimals allowed) within `range`.
    func number(in range: ClosedRange<Double>) throws(PlaybookLoadError) -> Double {
        let expected = "a number from \(range.lowerBound.formatted()) to \(range.upperBound.formatted())"
        return try parsed(expected: expected) { Double($0).flatMap { range.contains($0) ? $0 : nil } }
    }

    /// A value from a fixed set of raw values, e.g. a role or a level.
    func oneOf<T: RawRepresentable & CaseIterable>(_ type: T.Type) throws(PlaybookLoadError) -> T where T.RawValue == String {
        let names = T.allCases.map(\.rawValue)
        return try parsed(expected: "one of: \(names.joined(separator: ", "))") { T(rawValue: $0) }
    }
}

/// The entries of a mapping whose keys have been checked.
struct YAMLMapping {
    let owner: YAMLValue
    let entries: [(key: String, value: YAMLValue)]

    /// The value of `key`, or `nil` when absent or null.
    func optional(_ key: String) -> YAMLValue? {
        guard let value = entries.first(where: { $0.key == key })?.value, !value.isNull else { return nil }
        return value
    }

    /// The value of `key`; an error at the mapping (or at the empty key) when absent or null.
    func required(_ key: String) throws(PlaybookLoadError) -> YAMLValue {
        if let value = optional(key) { return value }
        let nullEntry = entries.first { $0.key == key }?.value
        let at = nullEntry ?? owner
        throw PlaybookLoadError(
            file: at.context.file, line: at.line, column: at.column,
            path: joined(owner.path, key), problem: .missingField(key))
    }
}

/// `a.b`, or just `b` at the top.
func joined(_ path: String, _ key: String) -> String {
    path.isEmpty ? key : "\(path).\(key)"
}
