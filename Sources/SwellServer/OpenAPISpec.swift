import Foundation
import SwellAssets

/// The OpenAPI 3.1 description served at `/openapi.yaml`: `Sources/SwellServer/openapi.yaml`, embedded in the
/// binary by `scripts/embed-assets` so it is served wherever the binary runs. Tests check it against the router
/// both ways (every route documented, every documented operation routed), give every operation an `operationId`
/// and a tag, and validate it with OpenAPIKit; a test fails while the embedded copy differs from the file.
enum OpenAPISpec {
    static let path = "Sources/SwellServer/openapi.yaml"

    static let yaml = String(decoding: EmbeddedAssets.file(path) ?? Data(), as: UTF8.self)
}
