import ArgumentParser
import Foundation
import SwellAssets
import SwellPlaybook

/// Which playbook to follow: `--playbook PATH`, else `SWELL_PLAYBOOK`, else `playbooks/group-complaint.yaml`
/// when it exists under the current folder, else the default playbook built into the binary.
struct PlaybookOptions: ParsableArguments {
    static let defaultPath = "playbooks/group-complaint.yaml"

    @Option(help: "Playbook YAML (env SWELL_PLAYBOOK; default \(PlaybookOptions.defaultPath) if present, else the built-in default).")
    var playbook: String?

    @Option(help: "Detection window in event time, with its unit, e.g. 30d or 720h (env SWELL_DETECTION_WINDOW; default 30d).")
    var window: String?

    var resolvedPath: String? {
        if let path = playbook ?? Settings.environmentOrProcess["SWELL_PLAYBOOK"] { return path }
        return FileManager.default.fileExists(atPath: Self.defaultPath) ? Self.defaultPath : nil
    }

    /// Where the playbook comes from, for the start-up log.
    var source: String { resolvedPath ?? "the built-in default (\(Self.defaultPath) as this binary was built)" }

    /// Loads the playbook; a broken one stops the command with the loader's precise message.
    func load() throws -> Playbook? {
        try loadWithText()?.playbook
    }

    /// The playbook and its exact text (kept in the store as the version that ran).
    func loadWithText() throws -> (playbook: Playbook, text: String)? {
        guard let path = resolvedPath else {
            let data = EmbeddedAssets.defaultPlaybook
            return (try PlaybookLoader.load(data: data, file: "built-in \(Self.defaultPath)"), String(decoding: data, as: UTF8.self))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read the playbook \(path)")
        }
        do {
            return (try PlaybookLoader.load(data: data, file: path), String(decoding: data, as: UTF8.self))
        } catch {
            throw ValidationError("the playbook is not valid:\n\(error.description)")
        }
    }

    func windowSeconds() throws -> TimeInterval {
        let text = window ?? Settings.environmentOrProcess["SWELL_DETECTION_WINDOW"] ?? "30d"
        guard let duration = try? PlaybookDuration(parsing: text), let seconds = duration.windowSeconds, seconds > 0 else {
            throw ValidationError("the window must be a duration with a unit such as 30d or 720h, not \(text)")
        }
        return seconds
    }
}
