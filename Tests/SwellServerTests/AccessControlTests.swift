import Foundation
import Hummingbird
import HummingbirdTesting
import SwellCore
import Testing

@testable import SwellEngine
@testable import SwellServer

@Suite struct AccessControlTests {
    /// Every route × every role (and no token): the status each must get.
    @Test func roleMatrix() async throws {
        let app = try await TestApp()
        try await app.run { client in
            _ = try await client.post("/v1/complaints", as: .admin, json: complaintJSON("seed"), app: app)
            let writers: Set<Role> = [.admin, .incidentManager, .intake]
            for role in Role.allCases {
                let post = try await client.post("/v1/complaints", as: role, json: complaintJSON("m-\(role.rawValue)"), app: app)
                #expect(post.status == (writers.contains(role) ? .created : .forbidden), "POST as \(role)")
                let batch = try await client.post("/v1/complaints/batch", as: role, json: "[\(complaintJSON("mb-\(role.rawValue)"))]", app: app)
                #expect(batch.status == (writers.contains(role) ? .ok : .forbidden), "batch as \(role)")
                #expect(try await client.get("/v1/complaints", as: role, app: app).status == .ok, "list as \(role)")
                #expect(try await client.get("/v1/complaints/1", as: role, app: app).status == .ok, "get as \(role)")
            }
            for request in [("/v1/complaints", HTTPRequest.Method.get), ("/v1/complaints/1", .get), ("/v1/complaints", .post), ("/v1/complaints/batch", .post)] {
                let anonymous = try await client.execute(uri: request.0, method: request.1, headers: [.contentType: "application/json"], body: ByteBuffer(string: "{}"))
                #expect(anonymous.status == .unauthorized)
                #expect(anonymous.problemType == "urn:swell:problem:unauthenticated")
                #expect(anonymous.headers[.wwwAuthenticate] != nil)
            }
            let forged = try await client.execute(uri: "/v1/complaints", method: .get, headers: [.authorization: "Bearer swl_forged"])
            #expect(forged.status == .unauthorized)
            let wrongScheme = try await client.execute(uri: "/v1/complaints", method: .get, headers: [.authorization: "Basic abc"])
            #expect(wrongScheme.status == .unauthorized)
            for open in ["/healthz", "/readyz", "/openapi.yaml", "/metrics", "/", "/assets/dashboard.js"] {
                #expect(try await client.get(open, as: nil, app: app).status == .ok, "\(open)")
                // A stale or wrong token on an open route is ignored, not a 401 (a load balancer's health check).
                let stale = try await client.execute(uri: open, method: .get, headers: [.authorization: "Bearer swl_revoked"])
                #expect(stale.status == .ok, "\(open) with a stale token")
            }
        }
    }

    @Test func revokedTokensStopWorking() async throws {
        let app = try await TestApp()
        _ = try await app.store.revokeToken(named: Role.intake.rawValue, at: TestApp.now)
        try await app.run { client in
            let response = try await client.get("/v1/complaints", as: .intake, app: app)
            #expect(response.status == .unauthorized)
        }
    }

    @Test func personalDataOnlyForRolesThatNeedIt() async throws {
        let app = try await TestApp()
        let text = "导游强迫购物，我的电话13812345678，邮箱 zhang@example.com，身份证110101199003071234"
        try await app.run { client in
            _ = try await client.post("/v1/complaints", as: .intake, json: complaintJSON("p-1", text: text), app: app)
            for role in Role.allCases {
                for uri in ["/v1/complaints/1", "/v1/complaints"] {
                    let response = try await client.get(uri, as: role, app: app)
                    let body = String(buffer: response.body)
                    if role.seesPersonalData {
                        #expect(body.contains("张三") && body.contains("13812345678"), "\(role) \(uri)")
                    } else {
                        for secret in ["张三", "13812345678", "zhang@example.com", "110101199003071234", "complainant"] {
                            #expect(!body.contains(secret), "\(role) \(uri) leaks \(secret)")
                        }
                        #expect(body.contains("导游强迫购物"))
                    }
                }
            }
        }
    }
}

@Suite struct OperationsTests {
    @Test func anUnsupportedMethodIs405WithAllowAndAnUnknownPath404() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let summary = try await client.execute(uri: "/v1/summary", method: .delete, headers: app.headers(.admin))
            #expect(summary.status == .methodNotAllowed)
            #expect(summary.headers[.allow] == "GET")
            #expect(summary.problemType == "urn:swell:problem:method-not-allowed")
            let channel = try await client.execute(uri: "/v1/notification-channels/7", method: .put, headers: app.headers(.admin))
            #expect(channel.status == .methodNotAllowed)
            #expect(channel.headers[.allow] == "DELETE, GET, PATCH")
            // The most specific route answers: /v1/mentions/trend is not /v1/mentions/{id}
            let trend = try await client.execute(uri: "/v1/mentions/trend", method: .patch, headers: app.headers(.admin))
            #expect(trend.status == .methodNotAllowed)
            #expect(trend.headers[.allow] == "GET")
            let batch = try await client.execute(uri: "/v1/complaints/batch", method: .options, headers: app.headers(.admin))
            #expect(batch.headers[.allow] == "POST")
            let health = try await client.execute(uri: "/healthz", method: .init("TRACE")!, headers: [:])
            #expect(health.status == .methodNotAllowed)
            // A path no route has stays 404, and so does a missing resource on a routed path
            #expect(try await client.get("/v1/nothing-here", as: .admin, app: app).status == .notFound)
            let missing = try await client.get("/v1/notification-channels/99", as: .admin, app: app)
            #expect(missing.status == .notFound)
            #expect(missing.headers[.allow] == nil)
        }
    }

    @Test func readinessReflectsTheStore() async throws {
        let app = try await TestApp()
        try await app.run { client in
            #expect(try await client.get("/readyz", as: nil, app: app).status == .ok)
            try await app.store.close()
            let down = try await client.get("/readyz", as: nil, app: app)
            #expect(down.status == .serviceUnavailable)
            #expect(down.problemType == "urn:swell:problem:not-ready")
        }
    }
}
