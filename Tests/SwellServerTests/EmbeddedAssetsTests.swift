import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SwellAssets
import SwellStore
import Testing

@testable import SwellServer

/// The files built into the binary are the repository's, byte for byte (run `scripts/embed-assets` after
/// changing them), and a server with no dashboards folder serves the built-in dashboard.
@Suite struct EmbeddedAssetsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func everyEmbeddedFileIsTheRepositorysFile() throws {
        let assets = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("dashboards/assets").path)
        let expected = Set(["playbooks/group-complaint.yaml", "Sources/SwellServer/openapi.yaml", "dashboards/index.html"] + assets.map { "dashboards/assets/" + $0 })
        #expect(Set(EmbeddedAssets.paths) == expected, "run scripts/embed-assets")
        for path in expected {
            let onDisk = try Data(contentsOf: Self.root.appendingPathComponent(path))
            #expect(EmbeddedAssets.file(path) == onDisk, "\(path) differs from its embedded copy: run scripts/embed-assets")
        }
    }

    @Test func withoutADashboardsFolderTheBuiltInDashboardIsServed() async throws {
        let environment = ServerEnvironment(store: try SQLiteCaseStore(), logger: Logger(label: "test"), dashboardsPath: nil)
        let app = buildApplication(configuration: .init(port: 0), environment: environment)
        try await app.test(.router) { client in
            let page = try await client.execute(uri: "/", method: .get)
            #expect(page.status == .ok)
            #expect(String(buffer: page.body).contains("<html"))
            let script = try await client.execute(uri: "/assets/dashboard.js", method: .get)
            #expect(script.status == .ok)
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(try await client.execute(uri: "/assets/nothing.js", method: .get).status == .notFound)
        }
    }
}
