import Foundation
import Hummingbird
import SwellCore
import SwellEngine
import SwellStore

/// `/v1/playbooks`: every playbook version that ran on this store (kept for good, see `PlaybookRegistry`), which
/// one this server follows, and how many incidents each judges. Every role may read them: a playbook holds rules,
/// never personal data.
struct PlaybookRoutes {
    let environment: ServerEnvironment

    func register(on group: RouterGroup<SwellRequestContext>) {
        group.get(use: list)
        group.get("{version}", use: show)
    }

    /// GET /v1/playbooks — the versions kept, oldest first, without their text.
    @Sendable func list(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<ItemList<PlaybookVersionView>> {
        try context.require(.readCases)
        let counts = try await incidentsPerVersion()
        let views = try await environment.store.playbookVersions().map { version in
            PlaybookVersionView(version, current: isCurrent(version), incidents: counts[pin(version)] ?? 0, withContent: false)
        }
        return JSONResponse(ItemList(items: views))
    }

    /// GET /v1/playbooks/{version}[?name=][&format=yaml] — one version with its text (as JSON, or the YAML itself).
    /// `name` defaults to the playbook this server follows.
    @Sendable func show(_ request: Request, context: SwellRequestContext) async throws -> Response {
        try context.require(.readCases)
        let version = try context.parameters.require("version")
        guard let name = request.uri.queryParameters["name"].map(String.init) ?? environment.incidents?.playbook.name else {
            throw Problem.badParameter("name", "this server runs without a playbook: name the playbook with ?name=")
        }
        let format = request.uri.queryParameters["format"].map(String.init) ?? "json"
        guard ["json", "yaml"].contains(format) else { throw Problem.badParameter("format", "format must be json or yaml") }
        guard let stored = try await environment.store.playbookVersion(name: name, version: version) else {
            throw Problem.notFound("No version \(version) of the playbook \(name) ran on this store.")
        }
        if format == "yaml" {
            return Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: stored.content)))
        }
        let view = PlaybookVersionView(
            stored, current: isCurrent(stored), incidents: try await incidentsPerVersion()[pin(stored)] ?? 0, withContent: true)
        return try JSONResponse(view).response(from: request, context: context)
    }

    private func isCurrent(_ version: PlaybookVersion) -> Bool {
        environment.incidents.map { $0.playbook.name == version.name && $0.playbook.version == version.version } ?? false
    }

    private func pin(_ version: PlaybookVersion) -> IncidentRecord.PlaybookPin {
        IncidentRecord.PlaybookPin(name: version.name, version: version.version)
    }

    private func incidentsPerVersion() async throws -> [IncidentRecord.PlaybookPin: Int] {
        var counts: [IncidentRecord.PlaybookPin: Int] = [:]
        for record in try await environment.store.incidents(activeOnly: false, clusterId: nil) { counts[record.playbook, default: 0] += 1 }
        return counts
    }
}

struct PlaybookVersionView: Encodable, Sendable {
    var name: String
    var version: String
    var sha256: String
    var firstLoadedAt: String
    /// The version this server follows (new incidents open under it).
    var current: Bool
    /// Incidents opened under it, which it still judges.
    var incidents: Int
    var content: String?

    init(_ stored: PlaybookVersion, current: Bool, incidents: Int, withContent: Bool) {
        name = stored.name
        version = stored.version
        sha256 = stored.hash
        firstLoadedAt = RFC3339.format(stored.firstLoadedAt)
        self.current = current
        self.incidents = incidents
        content = withContent ? stored.content : nil
    }
}
