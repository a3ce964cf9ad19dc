import Foundation
import Hummingbird
import HummingbirdTesting
import SwellCore
import Testing

@testable import SwellEngine
@testable import SwellServer

/// Response times across incidents: each step's duration per incident, the distributions, and each step held to
/// the deadline the playbook set for it.
@Suite struct ResponseTimesTests {
    static let coach = [
        "7月3日出发的云南6日游（YN-6D-0703），旅游大巴在高速上抛锚，全团在路边等了六个小时，要求赔偿",
        "YN-6D-0703云南6日游7月3日团，大巴半路抛锚，等了六个小时没人管，要求旅行社赔偿",
        "云南6日游7月3日出发，旅游大巴抛锚，我们在路边等了六个多小时，YN-6D-0703，要求赔偿损失",
    ]

    @Test func twoIncidentsGiveTheirDurationsAndHowOftenEachDeadlineWasMet() async throws {
        let app = try await TestApp(detection: .standard, playbook: try TestPlaybook.load(autoOpen: "never"))
        app.clock.set("2026-07-03T00:00:00Z")
        try await app.run { client in
            let story = IncidentStory(app: app, client: client)
            _ = try await story.burst(10)
            let hotelWarning = try await story.firstWarning()
            let hotelCluster = try #require(hotelWarning["clusterId"] as? Int)
            for n in 0..<10 {
                try await story.complaint(
                    100 + n, at: RFC3339.format(RFC3339.parse("2026-07-01T05:00:00Z")!.addingTimeInterval(Double(n) * 600)),
                    text: Self.coach[n % 3])
            }
            let warnings = try await story.eventually(
                "a second cluster's warning", { try await story.items("/v1/warnings") },
                until: { $0.contains { ($0["clusterId"] as? Int) != hotelCluster } })
            let coachWarning = try #require(warnings.first { ($0["clusterId"] as? Int) != hotelCluster })

            func open(_ warning: [String: Any], at: String) async throws -> Int {
                let opened = try await client.post(
                    "/v1/incidents", as: .incidentManager, json: "{\"warningId\":\(warning["id"] as? Int ?? 0),\"at\":\"\(at)\"}", app: app)
                #expect(opened.status == .created)
                return try #require(opened.json["id"] as? Int)
            }
            func statement(_ id: Int, at: String) async throws {
                let logged = try await client.post(
                    "/v1/incidents/\(id)/statements", as: .pr,
                    json: "{\"kind\":\"statement\",\"title\":\"致游客的说明\",\"text\":\"我们正在核实\",\"at\":\"\(at)\"}", app: app)
                #expect(logged.status == .created)
            }
            func firstReply(_ id: Int, at: String) async throws {
                let task = try #require(try await story.items("/v1/incidents/\(id)/tasks").first {
                    $0["templateId"] as? String == "first_reply_to_complainants"
                }?["id"] as? Int)
                let done = try await story.send(.patch, "/v1/incidents/\(id)/tasks/\(task)", as: .incidentManager, json: "{\"status\":\"done\",\"at\":\"\(at)\"}")
                #expect(done.status == .ok)
            }
            // Hotel: opened 03:00; holding statement after 2 h (deadline 4 h: met); first reply after 26 h (24 h: missed)
            let hotel = try await open(hotelWarning, at: "2026-07-01T03:00:00Z")
            try await statement(hotel, at: "2026-07-01T05:00:00Z")
            try await firstReply(hotel, at: "2026-07-02T05:00:00Z")
            // Coach: opened 08:00; holding statement after 6 h (missed); first reply after 2 h (met)
            let coach = try await open(coachWarning, at: "2026-07-01T08:00:00Z")
            try await statement(coach, at: "2026-07-01T14:00:00Z")
            try await firstReply(coach, at: "2026-07-01T10:00:00Z")

            let report = try await client.get("/v1/reports/response-times", as: .executive, app: app)
            #expect(report.status == .ok)
            let incidents = try #require(report.json["incidents"] as? [[String: Any]])
            #expect(incidents.compactMap { $0["incidentId"] as? Int } == [hotel, coach])
            func measure(_ incident: [String: Any], _ name: String) -> [String: Any] {
                (incident["measures"] as? [String: Any])?[name] as? [String: Any] ?? [:]
            }
            #expect(measure(incidents[0], "time_to_holding_statement")["seconds"] as? Double == 7_200)
            #expect(measure(incidents[0], "time_to_holding_statement")["verdict"] as? String == "met")
            #expect(measure(incidents[0], "time_to_holding_statement")["deadline"] as? String == "2026-07-01T07:00:00Z")
            #expect(measure(incidents[0], "time_to_first_reply")["seconds"] as? Double == 93_600)
            #expect(measure(incidents[0], "time_to_first_reply")["verdict"] as? String == "missed")
            #expect(measure(incidents[1], "time_to_holding_statement")["seconds"] as? Double == 21_600)
            #expect(measure(incidents[1], "time_to_holding_statement")["verdict"] as? String == "missed")
            #expect(measure(incidents[1], "time_to_first_reply")["verdict"] as? String == "met")
            #expect(measure(incidents[0], "time_to_open")["seconds"] as? Double
                == RFC3339.parse("2026-07-01T03:00:00Z")!.timeIntervalSince(RFC3339.parse(hotelWarning["raisedAt"] as? String ?? "")!))
            #expect(measure(incidents[0], "time_to_regulator_report")["verdict"] as? String == "missed", "24 h passed with no report")

            let distributions = try #require(report.json["distributions"] as? [[String: Any]])
            let holding = try #require(distributions.first { $0["measure"] as? String == "time_to_holding_statement" })
            #expect(holding["count"] as? Int == 2)
            #expect(holding["medianSeconds"] as? Double == 7_200)
            #expect(holding["maxSeconds"] as? Double == 21_600)
            #expect(holding["summary"] as? String == "met in 1 of 2")
            #expect(distributions.first { $0["measure"] as? String == "time_to_first_reply" }?["summary"] as? String == "met in 1 of 2")

            // A period holds the incidents opened in it
            let later = try await client.get("/v1/reports/response-times?from=2026-07-01T04:00:00Z", as: .executive, app: app).json
            #expect((later["incidents"] as? [[String: Any]])?.compactMap { $0["incidentId"] as? Int } == [coach])
            #expect(try await client.get("/v1/reports/response-times?from=yesterday", app: app).status == .badRequest)
            #expect(try await client.get("/v1/reports/response-times?from=2026-07-02T00:00:00Z&to=2026-07-01T00:00:00Z", app: app).status == .badRequest)
        }
    }
}
