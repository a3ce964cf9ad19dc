import ArgumentParser
import Foundation
import Yams

/// Every setting Swell reads, in one list: its environment name, the flag that also sets it, its default and what
/// it means. One reader serves them all. Precedence: a flag, then the environment, then the configuration file
/// (`--config FILE` or `SWELL_CONFIG`), then the default. `swell serve --help` prints this list.
///
/// Why ArgumentParser plus this reader rather than swift-configuration: the flags are ArgumentParser's already
/// (with their validation and help), and what was missing was a file layer under the environment and one list of
/// names. Mapping the file onto environment names keeps one spelling per setting and leaves every existing reader
/// (and its error messages, which name the setting) as it is.
enum Settings {
    struct Setting: Sendable {
        /// The environment variable, `SWELL_FEED_BUFFER`.
        let name: String
        let flag: String?
        let defaultValue: String
        let meaning: String

        /// Its key in a configuration file: the name without `SWELL_`, lower case, `_` between words
        /// (`feed_buffer`); a nested mapping joins its keys with `_` (`feed: {buffer: 4096}`).
        var fileKey: String { name.dropFirst("SWELL_".count).lowercased() }
    }

    static let configName = "SWELL_CONFIG"

    static let all: [Setting] = [
        .init(name: "SWELL_STORE", flag: "--store", defaultValue: "—", meaning: "postgres://user:pass@host:5432/db (shared store) or sqlite:PATH"),
        .init(name: "SWELL_DB", flag: "--db", defaultValue: "./swell.sqlite", meaning: "the SQLite case store, created and migrated on start"),
        .init(
            name: "SWELL_PLAYBOOK", flag: "--playbook", defaultValue: "playbooks/group-complaint.yaml if present, else built in",
            meaning: "the playbook YAML"),
        .init(name: "SWELL_DETECTION_WINDOW", flag: "--window", defaultValue: "30d", meaning: "detection window in event time (720h, 30d, 6w)"),
        .init(name: "SWELL_HOST", flag: "--host", defaultValue: "127.0.0.1", meaning: "address to listen on"),
        .init(name: "SWELL_PORT", flag: "--port", defaultValue: "8080", meaning: "port to listen on (0 picks a free one)"),
        .init(name: "SWELL_LOG_LEVEL", flag: "--log-level", defaultValue: "info", meaning: "trace, debug, info, notice, warning, error"),
        .init(name: "SWELL_LOG_FORMAT", flag: "--log-format", defaultValue: "text", meaning: "text, or json (JSON lines on stderr)"),
        .init(
            name: "SWELL_PUBLIC_URL", flag: "--public-url", defaultValue: "http://HOST:PORT/",
            meaning: "the dashboard's address as people reach it, linked from notifications"),
        .init(
            name: "SWELL_DASHBOARDS", flag: nil, defaultValue: "./dashboards if present, else built in",
            meaning: "folder holding the dashboard (index.html, assets/)"),
        .init(name: "SWELL_FEED_BUFFER", flag: nil, defaultValue: "4096", meaning: "events kept for the feed, and how far a subscriber may lag"),
        .init(
            name: "SWELL_FEED_SLOW_SECONDS", flag: nil, defaultValue: "10",
            meaning: "how long a subscriber may lag further than that before it is disconnected (4008)"),
        .init(name: "SWELL_FEED_HEARTBEAT_SECONDS", flag: nil, defaultValue: "15", meaning: "feed heartbeat interval"),
        .init(name: "SWELL_FEED_TICKET_SECONDS", flag: nil, defaultValue: "30", meaning: "how long a feed ticket stays valid"),
        .init(name: "SWELL_FEED_POLL_SECONDS", flag: nil, defaultValue: "1", meaning: "how often the feed reads the log without a wake-up"),
        .init(
            name: "SWELL_PROGRESS", flag: nil, defaultValue: "tty on a terminal, else plain",
            meaning: "progress of import, replay, migrate-store: tty (redrawn line) or plain (a line every 5 s)"),
    ]

    /// The settings as `swell serve --help` lists them.
    static var helpText: String {
        var lines = [
            "Settings: a flag wins over the environment, which wins over the configuration file (--config FILE or",
            "\(configName)), which wins over the default. In the file, a setting's key is its environment name without",
            "SWELL_, in lower case (feed_buffer: 4096, or feed: {buffer: 4096}).", "",
        ]
        for setting in all {
            let flag = setting.flag.map { "\($0), " } ?? ""
            lines.append("  \(flag)\(setting.name) (file: \(setting.fileKey); default \(setting.defaultValue))")
            lines.append("      \(setting.meaning)")
        }
        return lines.joined(separator: "\n")
    }

    /// A configuration file that cannot be used: named with the file and the key.
    struct FileError: Error, CustomStringConvertible, Equatable {
        let description: String
    }

    /// The values of a configuration file's text, by environment name; unknown keys and non-scalar values are
    /// errors that name them.
    static func values(ofFile text: String, named file: String) throws(FileError) -> [String: String] {
        let root: Any?
        do {
            root = try Yams.load(yaml: text)
        } catch {
            throw FileError(description: "\(file) is not valid YAML: \(error)")
        }
        guard let root else { return [:] }
        guard let mapping = root as? [String: Any] else { throw FileError(description: "\(file) must be a mapping of settings") }
        var values: [String: String] = [:]
        try flatten(mapping, prefix: "", file: file, into: &values)
        return values
    }

    private static func flatten(_ mapping: [String: Any], prefix: String, file: String, into values: inout [String: String]) throws(FileError) {
        for (key, value) in mapping {
            let key = key.lowercased().replacingOccurrences(of: "-", with: "_")
            let path = prefix.isEmpty ? key : "\(prefix)_\(key)"
            if let nested = value as? [String: Any] {
                try flatten(nested, prefix: path, file: file, into: &values)
                continue
            }
            guard fileKeys.contains(path) else {
                throw FileError(description: "\(file): unknown setting '\(path)'; the settings are \(all.map(\.fileKey).joined(separator: ", "))")
            }
            let text: String
            switch value {
            case let string as String: text = string
            case let number as Int: text = String(number)
            case let number as Double: text = String(number)
            case let flag as Bool: text = String(flag)
            default: throw FileError(description: "\(file): '\(path)' must be a single value")
            }
            values["SWELL_" + path.uppercased()] = text
        }
    }

    private static let fileKeys = Set(all.map(\.fileKey))

    /// The environment Swell reads: the configuration file's values under the process environment.
    static func merged(file: [String: String], process: [String: String]) -> [String: String] {
        file.merging(process) { _, fromProcess in fromProcess }
    }

    /// The configuration file named by `--config` on the command line, else by `SWELL_CONFIG`.
    static func configPath(arguments: [String], environment: [String: String]) -> String? {
        for (index, argument) in arguments.enumerated() {
            if argument == "--config", index + 1 < arguments.count { return arguments[index + 1] }
            if argument.hasPrefix("--config=") { return String(argument.dropFirst("--config=".count)) }
        }
        return environment[configName]
    }

    private static let loaded: Result<[String: String], FileError> = {
        let process = ProcessInfo.processInfo.environment
        guard let path = configPath(arguments: CommandLine.arguments, environment: process) else { return .success(process) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(FileError(description: "cannot read the configuration file \(path)"))
        }
        do throws(FileError) {
            return .success(merged(file: try values(ofFile: String(decoding: data, as: UTF8.self), named: path), process: process))
        } catch {
            return .failure(error)
        }
    }()

    /// The environment every command reads (loaded once); a bad configuration file stops the command at start.
    static func environment() throws -> [String: String] {
        do {
            return try loaded.get()
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The same, where a failure was already reported at start (every command validates first).
    static var environmentOrProcess: [String: String] {
        (try? loaded.get()) ?? ProcessInfo.processInfo.environment
    }
}
