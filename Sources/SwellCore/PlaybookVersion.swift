import Foundation

/// One playbook as it ran on this store: its text and a hash of it, kept for good so an incident opened under a
/// version is judged by that version after the file changes, and anyone can read what it was.
/// A name and version stand for one text only: the server refuses to start with an edited playbook whose
/// `version` was not changed.
public struct PlaybookVersion: Sendable, Codable, Equatable {
    public var name: String
    public var version: String
    /// Hex SHA-256 of `content`.
    public var hash: String
    /// The YAML exactly as it was loaded.
    public var content: String
    /// When a server first ran it (wall-clock time).
    public var firstLoadedAt: Date

    public init(name: String, version: String, hash: String, content: String, firstLoadedAt: Date) {
        self.name = name
        self.version = version
        self.hash = hash
        self.content = content
        self.firstLoadedAt = firstLoadedAt
    }

    /// The `playbook.recorded` event: name, version and hash (the text is in the store, not the log).
    public var recordedEvent: EventDraft {
        struct Payload: Encodable {
            var name: String
            var version: String
            var hash: String
        }
        return EventDraft(type: .playbookRecorded, at: firstLoadedAt, payload: EventDraft.payload(Payload(name: name, version: version, hash: hash)))
    }
}

extension EventType {
    /// A playbook version ran for the first time on this store.
    public static let playbookRecorded = EventType("playbook.recorded")
}
