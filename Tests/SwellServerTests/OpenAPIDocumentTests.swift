import Foundation
import Hummingbird
import OpenAPIKit
import Testing
import Yams

@testable import SwellEngine
@testable import SwellServer

/// The served OpenAPI document (`Sources/SwellServer/openapi.yaml`): valid by OpenAPIKit, every `$ref` resolves,
/// every operation has a unique `operationId` and a declared tag, every operation that takes a body documents the
/// 400 for a malformed one, and the router and the document agree both ways.
@Suite struct OpenAPIDocumentTests {
    static let methods = ["get", "post", "put", "patch", "delete"]

    static func document() throws -> [String: Any] {
        try #require(try Yams.load(yaml: OpenAPISpec.yaml) as? [String: Any])
    }

    /// Every documented operation as "METHOD /path".
    static func documentedOperations() throws -> [String: [String: Any]] {
        let paths = try #require(try document()["paths"] as? [String: [String: Any]])
        var operations: [String: [String: Any]] = [:]
        for (path, item) in paths {
            for method in methods {
                if let operation = item[method] as? [String: Any] { operations["\(method.uppercased()) \(path)"] = operation }
            }
        }
        return operations
    }

    @Test func openAPIKitReadsAndValidatesTheDocument() throws {
        let document = try YAMLDecoder().decode(OpenAPI.Document.self, from: OpenAPISpec.yaml)
        try document.validate()
        #expect(document.paths.count > 60)
        #expect(document.allOperationIds.count == Set(document.allOperationIds).count)
    }

    @Test func theDocumentParsesAndEveryReferenceResolves() throws {
        let document = try Self.document()
        let components = try #require(document["components"] as? [String: Any])
        let paths = try #require(document["paths"] as? [String: Any])
        #expect(paths.keys.contains("/v1/incidents/{id}/offers/{offerId}/responses"))
        let pattern = /\$ref: '#\/components\/(\w+)\/(\w+)'/
        for match in OpenAPISpec.yaml.matches(of: pattern) {
            let section = components[String(match.output.1)] as? [String: Any]
            #expect(section?[String(match.output.2)] != nil, "unresolved \(match.output.0)")
        }
    }

    @Test func everyOperationHasAUniqueIdADeclaredTagAndListsTheAnswersItCanGive() throws {
        let tags = Set(try #require(try Self.document()["tags"] as? [[String: Any]]).compactMap { $0["name"] as? String })
        var ids: [String: String] = [:]
        for (name, operation) in try Self.documentedOperations() {
            let id = try #require(operation["operationId"] as? String, "\(name) has no operationId")
            #expect(ids[id] == nil, "\(name) and \(ids[id] ?? "") share the operationId \(id)")
            ids[id] = name
            let operationTags = operation["tags"] as? [String] ?? []
            #expect(!operationTags.isEmpty && operationTags.allSatisfy(tags.contains), "\(name) has an undeclared or no tag")
            // The answers every handler of its kind can give are listed: 401 without a token, 403 for a role that
            // may not write, 404 for an id that names nothing, 400 and 413 for a malformed or too large body, 409 for
            // a change to a closed incident
            // (503 store-unavailable, which any route can give, is described once for the whole document).
            let responses = Set((operation["responses"] as? [String: Any] ?? [:]).keys)
            let secured = (operation["security"] as? [Any])?.isEmpty != true
            let path = String(name.split(separator: " ")[1])
            var expected: Set<String> = []
            if secured { expected.insert("401") }
            if secured, !name.hasPrefix("GET") { expected.insert("403") }
            if path.contains("{"), path != "/assets/{file}" { expected.insert("404") }
            if operation["requestBody"] != nil { expected.formUnion(["400", "413"]) }
            // A closed incident takes no more changes (409 incident-closed); only its review is written after closing.
            if path.hasPrefix("/v1/incidents/{id}/"), !name.hasPrefix("GET"), path != "/v1/incidents/{id}/review" { expected.insert("409") }
            #expect(expected.isSubset(of: responses), "\(name) does not list \(expected.subtracting(responses).sorted())")
        }
    }

    /// Both ways: every route the server registers is documented with its method, and every documented operation
    /// is a route the server registers.
    @Test func theRouterAndTheDocumentAgreeBothWays() async throws {
        let app = try await TestApp()
        let routers = buildRouters(environment: app.environment)
        let routes = routers.http.routes.map { ($0.method, $0.path) } + routers.webSocket.routes.map { ($0.method, $0.path) }
        var routed: Set<String> = []
        for (method, routePath) in routes {
            var path = routePath.description
            if !path.hasPrefix("/") { path = "/" + path }
            path = path.replacing(/:(\w+)/) { "{\($0.output.1)}" }
            routed.insert("\(method.rawValue) \(path)")
        }
        let documented = Set(try Self.documentedOperations().keys)
        for route in routed.subtracting(documented) { Issue.record("\(route) is routed but not in openapi.yaml") }
        for operation in documented.subtracting(routed) { Issue.record("\(operation) is in openapi.yaml but not routed") }
        #expect(!routers.webSocket.routes.isEmpty)
    }
}
