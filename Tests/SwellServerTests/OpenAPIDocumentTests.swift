import Foundation
import Testing
import Yams

@testable import SwellEngine
@testable import SwellServer

/// The served OpenAPI document is valid YAML and every `$ref` names a component that exists.
@Suite struct OpenAPIDocumentTests {
    @Test func theDocumentParsesAndEveryReferenceResolves() throws {
        let document = try #require(try Yams.load(yaml: OpenAPISpec.yaml) as? [String: Any])
        let components = try #require(document["components"] as? [String: Any])
        let paths = try #require(document["paths"] as? [String: Any])
        #expect(paths.keys.contains("/v1/incidents/{id}/offers/{offerId}/responses"))
        let pattern = /\$ref: '#\/components\/(\w+)\/(\w+)'/
        for match in OpenAPISpec.yaml.matches(of: pattern) {
            let section = components[String(match.output.1)] as? [String: Any]
            #expect(section?[String(match.output.2)] != nil, "unresolved \(match.output.0)")
        }
    }
}
