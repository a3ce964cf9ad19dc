public import Foundation
import Yams

/// Turns playbook YAML into a ``Playbook``, or reports every problem with file, line and column.
///
/// Pure: the caller reads the file; this only parses. Unknown keys are errors, so a typo never
/// passes silently.
public enum PlaybookLoader {
    static let topLevelKeys = [
        "name", "version", "timeZone", "calendar", "warning", "autoOpen",
        "phases", "incentives", "compensation", "dailyReport", "notify", "cases", "review",
    ]

    /// Loads a playbook from YAML text; `file` names it in error messages.
    public static func load(yaml: String, file: String) throws(PlaybookLoadFailure) -> Playbook {
        let context = LoadContext(file: file)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw PlaybookLoadFailure(errors: [
                    PlaybookLoadError(file: file, line: 1, column: 1, path: "",
                                      problem: .wrongShape(found: "an empty document", expected: "a playbook mapping")),
                ])
            }
            root = node
        } catch let failure as PlaybookLoadFailure {
            throw failure
        } catch {
            throw PlaybookLoadFailure(errors: [syntaxError(error, file: file)])
        }
        let document = YAMLValue(node: root, path: "", context: context)
        let playbook = context.attempt { () throws(PlaybookLoadError) in try decodePlaybook(document) } ?? nil
        if let playbook, context.errors.isEmpty {
            return playbook
        }
        throw PlaybookLoadFailure(errors: context.sortedErrors)
    }

    /// Loads a playbook from UTF-8 bytes.
    public static func load(data: Data, file: String) throws(PlaybookLoadFailure) -> Playbook {
        guard let yaml = String(data: data, encoding: .utf8) else {
            throw PlaybookLoadFailure(errors: [
                PlaybookLoadError(file: file, line: nil, column: nil, path: "",
                                  problem: .yamlSyntax("the file is not UTF-8 text")),
            ])
        }
        return try load(yaml: yaml, file: file)
    }

    /// Decodes each section on its own, so that problems in several sections are all reported.
    private static func decodePlaybook(_ document: YAMLValue) throws(PlaybookLoadError) -> Playbook? {
        let context = document.context
        let fields = try document.mapping(allowed: topLevelKeys, unknownKeys: .recordAndSkip)
        func section<T>(_ key: String, _ decode: (YAMLValue) throws(PlaybookLoadError) -> T) -> T? {
            context.attempt { () throws(PlaybookLoadError) in try decode(try fields.required(key)) }
        }
        let name = section("name") { value throws(PlaybookLoadError) in try value.text() }
        let version = section("version") { value throws(PlaybookLoadError) in try value.text() }
        let calendar = context.attempt { () throws(PlaybookLoadError) in
            try YAMLValue.decodeCalendar(timeZone: fields.optional("timeZone"), calendar: fields.optional("calendar"))
        }
        let warning = section("warning") { value throws(PlaybookLoadError) in try value.decodeWarningRules() }
        let autoOpen = section("autoOpen") { value throws(PlaybookLoadError) in try value.decodeAutoOpen() }
        let phases = section("phases") { value throws(PlaybookLoadError) in
            try value.list(expected: "phases").compactMap { entry in
                context.attempt { () throws(PlaybookLoadError) in try entry.decodePhase() }
            }
        }
        let incentives = section("incentives") { value throws(PlaybookLoadError) in try value.decodeIncentives() }
        let compensation = section("compensation") { value throws(PlaybookLoadError) in try value.decodeCompensation() }
        let dailyReport = section("dailyReport") { value throws(PlaybookLoadError) in
            try value.mapping(allowed: ["at"]).required("at").localTime()
        }
        let notify = context.attempt { () throws(PlaybookLoadError) in try fields.optional("notify")?.decodeNotificationRules() ?? [] }
        let cases = context.attempt { () throws(PlaybookLoadError) in try fields.optional("cases")?.decodeCaseRules() ?? .standard }
        let rootCauses = context.attempt { () throws(PlaybookLoadError) in
            try fields.optional("review")?.decodeRootCauseCategories() ?? Playbook.standardRootCauseCategories
        }
        if let phaseList = try? fields.required("phases").list(expected: "phases") {
            checkReferences(phaseList, context: context)
        }
        guard let name, let version, let calendar, let warning, let autoOpen, let phases,
              let incentives, let compensation, let dailyReport, let notify, let cases, let rootCauses
        else { return nil }
        return Playbook(
            name: name, version: version, calendar: calendar, warning: warning, autoOpen: autoOpen,
            phases: phases, incentives: incentives, compensation: compensation, dailyReportAt: dailyReport, notify: notify, cases: cases,
            rootCauseCategories: rootCauses)
    }

    /// A YAML syntax error, located where libyaml found it.
    private static func syntaxError(_ error: any Error, file: String) -> PlaybookLoadError {
        var mark: Mark?
        var detail = "\(error)"
        if let yamlError = error as? YamlError {
            switch yamlError {
            case .scanner(_, let problem, let at, _), .parser(_, let problem, let at, _), .composer(_, let problem, let at, _):
                mark = at
                detail = problem
            case .duplicatedKeysInMapping(let duplicates, let context):
                mark = context.mark
                detail = "duplicate key \(duplicates.map { "\"\($0)\"" }.joined(separator: ", ")) in one mapping"
            default:
                break
            }
        }
        return PlaybookLoadError(file: file, line: mark?.line, column: mark?.column, path: "", problem: .yamlSyntax(detail))
    }
}
