import Foundation
import SwellPlaybook

/// The repository's default playbook text.
func defaultPlaybookYAML() throws -> String {
    try repositoryFile("playbooks/group-complaint.yaml")
}

/// A file of the repository, found by walking up from this file.
func repositoryFile(_ relativePath: String) throws -> String {
    var directory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    for _ in 0..<6 {
        let candidate = directory.appendingPathComponent(relativePath)
        if FileManager.default.fileExists(atPath: candidate.path) {
            return try String(contentsOf: candidate, encoding: .utf8)
        }
        directory.deleteLastPathComponent()
    }
    throw CocoaError(.fileNoSuchFile)
}

/// The default playbook, loaded.
func defaultPlaybook() throws -> Playbook {
    try PlaybookLoader.load(yaml: defaultPlaybookYAML(), file: "group-complaint.yaml")
}

/// The load errors for a YAML text, or an empty list when it loads.
func loadErrors(_ yaml: String) -> [PlaybookLoadError] {
    do {
        _ = try PlaybookLoader.load(yaml: yaml, file: "test.yaml")
        return []
    } catch {
        return error.errors
    }
}

/// An instant from an RFC 3339 text, for readable tests.
func instant(_ text: String) -> Date {
    guard let date = ISO8601DateFormatter().date(from: text) else {
        preconditionFailure("bad test instant \(text)")
    }
    return date
}

/// The Shanghai calendar with the weekend and a few holidays, for tests.
func shanghaiCalendar(holidays: [String] = [], workingDays: [String] = []) -> PlaybookCalendar {
    PlaybookCalendar(
        timeZone: TimeZone(identifier: "Asia/Shanghai") ?? .gmt,
        holidays: Set(holidays.compactMap(PlaybookLocalDate.init(parsing:))),
        extraWorkingDays: Set(workingDays.compactMap(PlaybookLocalDate.init(parsing:))))
}
