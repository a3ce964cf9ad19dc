import Foundation
import Hummingbird
import HummingbirdTesting
import SwellCore
import Testing

@testable import SwellEngine
@testable import SwellServer

/// A group complaint as a stream of complaints, and the waits a test needs while the detector and the
/// incident scheduler follow the event log in the background.
struct IncidentStory {
    let app: TestApp
    let client: any TestClientProtocol

    /// One group's complaints: the same departure and the same failure, told with small differences.
    static let hotelTexts = [
        "6月12日出发的澳洲8日游团（AU-8D-0612），合同约定四星酒店，实际入住汽车旅馆，要求退还差价",
        "AU-8D-0612澳洲8日游6月12日团，合同写四星酒店却住汽车旅馆，要求退还住宿差价",
        "澳洲8日游6月12日出发团AU-8D-0612，四星酒店被换成汽车旅馆，与合同不符，要求退还差价",
        "6月12日澳洲8日游（AU-8D-0612）合同约定的四星酒店变成汽车旅馆，要求旅行社退还差价",
    ]

    /// Posts complaint `n` of the hotel story at `at`; returns its id.
    @discardableResult
    func complaint(_ n: Int, at: String, text: String? = nil, channel: String = "web") async throws -> Int {
        let body = """
            {"externalId":"story-\(n)","receivedAt":"\(at)","channel":"\(channel)",\
            "text":"\(text ?? Self.hotelTexts[n % Self.hotelTexts.count])",\
            "complainant":{"name":"游客\(n)","phone":"1390000\(String(format: "%04d", n))"},\
            "product":"AU-8D-0612","departure":"2026-06-12","demand":"退还差价"}
            """
        let response = try await client.post("/v1/complaints", json: body, app: app)
        #expect(response.status == .created)
        return response.json["id"] as? Int ?? 0
    }

    /// Posts the first `count` hotel complaints ten minutes apart from `start`; returns their ids.
    func burst(_ count: Int, from start: String = "2026-07-01T01:00:00Z") async throws -> [Int] {
        let origin = RFC3339.parse(start)!
        var ids: [Int] = []
        for n in 0..<count {
            ids.append(try await complaint(n, at: RFC3339.format(origin.addingTimeInterval(Double(n) * 600))))
        }
        return ids
    }

    /// Polls `read` until `done` holds (bounded, about fifty seconds on a loaded machine).
    func eventually<T>(_ what: String, _ read: () async throws -> T, until done: (T) -> Bool) async throws -> T {
        var value = try await read()
        for _ in 0..<2_500 where !done(value) {
            try await Task.sleep(for: .milliseconds(20))
            value = try await read()
        }
        #expect(done(value), "timed out waiting for \(what)")
        return value
    }

    func items(_ uri: String, as role: Role = .incidentManager) async throws -> [[String: Any]] {
        try await client.get(uri, as: role, app: app).json["items"] as? [[String: Any]] ?? []
    }

    /// The first warning, once the detector has raised one.
    func firstWarning() async throws -> [String: Any] {
        let warnings = try await eventually("a warning", { try await items("/v1/warnings") }, until: { !$0.isEmpty })
        return try #require(warnings.last)
    }

    func send(_ method: HTTPRequest.Method, _ uri: String, as role: Role, json: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: method, headers: app.headers(role), body: ByteBuffer(string: json))
    }
}
