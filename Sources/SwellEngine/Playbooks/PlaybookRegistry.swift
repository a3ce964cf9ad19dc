import Foundation
import Logging
import SwellCore
import SwellPlaybook
import SwellStore

/// Keeps every playbook version a server runs in the store, so incidents are judged by the version they opened
/// under after the file changes (`IncidentEngine.rules(for:)`), and `GET /v1/playbooks` can show them.
public enum PlaybookRegistry {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The loaded text differs from the text this store already ran under the same name and version.
        case versionReused(name: String, version: String, storedHash: String, loadedHash: String, firstLoadedAt: Date)

        public var description: String {
            switch self {
            case .versionReused(let name, let version, let storedHash, let loadedHash, let firstLoadedAt):
                "the playbook \(name) version \(version) is not the version \(version) this store already ran "
                    + "(first loaded \(RFC3339.format(firstLoadedAt)), sha256 \(storedHash.prefix(12))…; this file's is \(loadedHash.prefix(12))…). "
                    + "Incidents opened under it are judged by it, so an edited playbook needs a new version: change `version:` in the file "
                    + "(GET /v1/playbooks lists the versions kept)"
            }
        }
    }

    /// Records the loaded playbook (its exact text) unless this store keeps it already, and returns the other
    /// versions the store keeps, parsed, for the incident engine. A stored version that no longer parses (written
    /// for an older Swell) is logged and left out: its incidents follow the loaded playbook.
    public static func record(
        _ playbook: Playbook, content: String, in store: any CaseStore, at: Date, logger: Logger
    ) async throws -> [Playbook] {
        let hash = EventHashing.contentHash(content)
        if let stored = try await store.playbookVersion(name: playbook.name, version: playbook.version) {
            guard stored.hash == hash else {
                throw Failure.versionReused(
                    name: playbook.name, version: playbook.version, storedHash: stored.hash, loadedHash: hash, firstLoadedAt: stored.firstLoadedAt)
            }
        } else {
            let version = PlaybookVersion(name: playbook.name, version: playbook.version, hash: hash, content: content, firstLoadedAt: at)
            _ = try await store.apply([.recordPlaybook(version)], checkpoint: nil)
            // Another instance starting at the same moment may have recorded another text under this version.
            if let kept = try await store.playbookVersion(name: playbook.name, version: playbook.version), kept.hash != hash {
                throw Failure.versionReused(
                    name: playbook.name, version: playbook.version, storedHash: kept.hash, loadedHash: hash, firstLoadedAt: kept.firstLoadedAt)
            }
            logger.info("Playbook version recorded", metadata: ["playbook": "\(playbook.name) v\(playbook.version)", "playbook.sha256": "\(hash)"])
        }
        var earlier: [Playbook] = []
        for stored in try await store.playbookVersions() where stored.name != playbook.name || stored.version != playbook.version {
            do {
                earlier.append(try PlaybookLoader.load(yaml: stored.content, file: "stored \(stored.name) v\(stored.version)"))
            } catch {
                logger.warning(
                    "A stored playbook version no longer loads; its incidents follow the loaded playbook",
                    metadata: ["playbook": "\(stored.name) v\(stored.version)", "error": "\(error.description)"])
            }
        }
        return earlier
    }
}
