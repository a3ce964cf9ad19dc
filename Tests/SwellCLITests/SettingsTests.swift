import Foundation
import Testing

@testable import SwellCLI

/// One list of settings and one reader: a configuration file under the environment under the flags, unknown keys
/// refused by name, and every `SWELL_…` name the code reads is in the list that `swell serve --help` prints.
@Suite struct SettingsTests {
    @Test func aFileGivesSettingsFlatOrNestedByTheirEnvironmentNames() throws {
        let values = try Settings.values(ofFile: """
            port: 9090
            store: postgres://swell@db.internal:5432/swell
            log:
              level: debug
            feed:
              buffer: 8192
              heartbeat_seconds: 5
            public-url: https://swell.example.com/
            """, named: "swell.yaml")
        #expect(values == [
            "SWELL_PORT": "9090", "SWELL_STORE": "postgres://swell@db.internal:5432/swell", "SWELL_LOG_LEVEL": "debug",
            "SWELL_FEED_BUFFER": "8192", "SWELL_FEED_HEARTBEAT_SECONDS": "5", "SWELL_PUBLIC_URL": "https://swell.example.com/",
        ])
        #expect(try Settings.values(ofFile: "", named: "empty.yaml").isEmpty)
    }

    @Test func theEnvironmentWinsOverTheFile() {
        let merged = Settings.merged(file: ["SWELL_PORT": "9090", "SWELL_HOST": "0.0.0.0"], process: ["SWELL_PORT": "7070", "HOME": "/root"])
        #expect(merged == ["SWELL_PORT": "7070", "SWELL_HOST": "0.0.0.0", "HOME": "/root"])
    }

    @Test func aBadFileIsAnErrorThatNamesTheFileAndTheKey() {
        let unknown = #expect(throws: Settings.FileError.self) { try Settings.values(ofFile: "feed:\n  bufer: 10\n", named: "swell.yaml") }
        #expect(unknown?.description.hasPrefix("swell.yaml: unknown setting 'feed_bufer'") == true)
        let list = #expect(throws: Settings.FileError.self) { try Settings.values(ofFile: "port: [1, 2]\n", named: "swell.yaml") }
        #expect(list?.description == "swell.yaml: 'port' must be a single value")
        #expect(throws: Settings.FileError.self) { try Settings.values(ofFile: "- port\n", named: "list.yaml") }
        #expect(throws: Settings.FileError.self) { try Settings.values(ofFile: "port: [", named: "broken.yaml") }
    }

    @Test func theConfigFileIsNamedByTheFlagElseTheEnvironment() {
        #expect(Settings.configPath(arguments: ["swell", "serve", "--config", "a.yaml"], environment: ["SWELL_CONFIG": "b.yaml"]) == "a.yaml")
        #expect(Settings.configPath(arguments: ["swell", "serve", "--config=c.yaml"], environment: [:]) == "c.yaml")
        #expect(Settings.configPath(arguments: ["swell", "serve"], environment: ["SWELL_CONFIG": "b.yaml"]) == "b.yaml")
        #expect(Settings.configPath(arguments: ["swell", "serve"], environment: [:]) == nil)
    }

    /// Every `SWELL_…` name the sources read is in the one list (and so in `swell serve --help`).
    @Test func everySettingTheCodeReadsIsListed() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources").standardizedFileURL
        var read: Set<String> = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift", file.lastPathComponent != "Settings.swift" else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /\["(SWELL_[A-Z_]+)"\]/) { read.insert(String(match.1)) }
        }
        let listed = Set(Settings.all.map(\.name))
        #expect(read.count > 10)
        #expect(read.subtracting(listed).isEmpty, "read but not listed: \(read.subtracting(listed).sorted())")
        for setting in Settings.all { #expect(Settings.helpText.contains(setting.name)) }
    }
}
