import Foundation
import HTTPTypes
import Hummingbird
import SwellAssets

/// `/` and `/assets/{file}`: the executive dashboard, plain files read from the dashboards folder
/// (`ServerEnvironment.dashboardsPath`), or the copy built into the binary when there is none. No authentication:
/// the page holds no data; it signs in with a token and reads everything through the API.
struct DashboardRoutes {
    let folder: String?

    func register(on router: Router<SwellRequestContext>) {
        router.get("/", use: index)
        router.get("assets/{file}", use: asset)
    }

    /// GET / — the dashboard page.
    @Sendable func index(_ request: Request, context: SwellRequestContext) async throws -> Response {
        try serve("index.html")
    }

    /// GET /assets/{file} — the page's scripts and styles (flat file names only).
    @Sendable func asset(_ request: Request, context: SwellRequestContext) async throws -> Response {
        let name = context.parameters.get("file") ?? ""
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        guard !name.isEmpty, !name.hasPrefix("."), name.unicodeScalars.allSatisfy(allowed.contains) else {
            throw Problem.notFound("There is no such asset.")
        }
        return try serve("assets/" + name)
    }

    private func serve(_ relative: String) throws -> Response {
        let data = folder.map { FileManager.default.contents(atPath: ($0 as NSString).appendingPathComponent(relative)) }
            ?? EmbeddedAssets.dashboard(relative)
        guard let data else { throw Problem.notFound("There is no such file.") }
        let headers: HTTPFields = [
            .contentType: Self.contentType(of: relative), .cacheControl: "no-cache",
            .contentSecurityPolicy: "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; frame-ancestors 'none'",
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        ]
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func contentType(of name: String) -> String {
        switch (name as NSString).pathExtension {
        case "html": "text/html; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "json": "application/json"
        default: "application/octet-stream"
        }
    }
}

/// Finds the dashboard files for `swell serve`.
public enum DashboardFolder {
    /// `SWELL_DASHBOARDS`, else `./dashboards` when it holds an `index.html`, else nil (then the dashboard built
    /// into the binary is served).
    public static func locate(environment: [String: String], workingDirectory: String) -> String? {
        if let explicit = environment["SWELL_DASHBOARDS"], !explicit.isEmpty { return explicit }
        let local = (workingDirectory as NSString).appendingPathComponent("dashboards")
        return FileManager.default.fileExists(atPath: (local as NSString).appendingPathComponent("index.html")) ? local : nil
    }
}
