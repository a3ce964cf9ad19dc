public import Foundation

/// The default playbook and the dashboard, built into the binary (`scripts/embed-assets` writes them), so that a
/// `swell` copied anywhere serves the dashboard and runs incidents with no files beside it.
public enum EmbeddedAssets {
    /// The default playbook's text, as `playbooks/group-complaint.yaml` was at build time.
    public static var defaultPlaybook: Data { file("playbooks/group-complaint.yaml") ?? Data() }

    /// A dashboard file by its path below `dashboards/` (`index.html`, `assets/dashboard.js`).
    public static func dashboard(_ relative: String) -> Data? { file("dashboards/" + relative) }

    /// An embedded file by its path in the repository.
    public static func file(_ path: String) -> Data? {
        embeddedFiles[path].flatMap { Data(base64Encoded: $0) }
    }

    /// Every embedded path.
    public static var paths: [String] { embeddedFiles.keys.sorted() }
}
