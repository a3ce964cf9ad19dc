import Foundation
import Logging
import Synchronization

/// Structured logs as JSON lines on stderr (`--log-format json`), one object per record:
/// `{"at":"…","level":"info","label":"swell","message":"…","source":"SwellServer","metadata":{…}}`, for log
/// collectors that parse rather than grep.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    /// One writer for the process, so lines from concurrent tasks never interleave.
    private static let output = Mutex(())

    init(label: String) {
        self.label = label
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        var record: [String: Any] = [
            "at": Self.timestamp(), "level": event.level.rawValue, "label": label, "message": event.message.description,
            "source": event.source,
        ]
        if !merged.isEmpty { record["metadata"] = merged.mapValues(Self.plain) }
        guard var data = try? JSONSerialization.data(withJSONObject: record, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        data.append(0x0A)
        Self.output.withLock { _ in FileHandle.standardError.write(data) }
    }

    /// A metadata value as JSON: strings, arrays and objects as themselves.
    static func plain(_ value: Logger.Metadata.Value) -> Any {
        switch value {
        case .string(let text): text
        case .stringConvertible(let convertible): convertible.description
        case .array(let values): values.map(plain)
        case .dictionary(let values): values.mapValues(plain)
        }
    }

    static func timestamp() -> String {
        Date().formatted(.iso8601.year().month().day().timeZone(separator: .omitted).time(includingFractionalSeconds: true).timeSeparator(.colon).dateSeparator(.dash))
    }
}
