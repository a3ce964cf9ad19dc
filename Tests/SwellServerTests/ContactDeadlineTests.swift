import Foundation
import Hummingbird
import HummingbirdTesting
import SwellCore
import Testing

@testable import SwellEngine
@testable import SwellServer

/// A contact's follow-up date and an authority's response deadline become tasks of the incident that go
/// overdue on the live clock with nothing else posted, can be marked done by their owner role, and show in the
/// summary and the daily report.
@Suite struct ContactDeadlineTests {
    @Test func aMediaFollowUpGoesOverdueOnTheLiveClockAndPRMarksItDone() async throws {
        let app = try await TestApp(detection: .standard, playbook: try TestPlaybook.load(autoOpen: "never"), liveClock: true)
        app.clock.set("2026-07-01T03:00:00Z")
        try await app.run { client in
            let story = IncidentStory(app: app, client: client)
            _ = try await story.burst(10)
            let warning = try await story.firstWarning()
            let opened = try await client.post(
                "/v1/incidents", as: .incidentManager, json: "{\"warningId\":\(try #require(warning["id"] as? Int))}", app: app)
            let id = try #require(opened.json["id"] as? Int)

            // PR logs a call from a newspaper and promises to call back in a minute.
            let media = try await client.post(
                "/v1/incidents/\(id)/media-contacts", as: .pr,
                json: """
                    {"outlet":"都市晚报","channel":"phone","inquiry":"询问酒店降级","tone":"negative","followUpDue":"2026-07-01T03:01:00Z"}
                    """, app: app)
            #expect(media.status == .created)
            let contactId = try #require(media.json["id"] as? Int)
            let tasks = try await story.items("/v1/incidents/\(id)/tasks")
            let followUp = try #require(tasks.first { $0["kind"] as? String == "follow_up" })
            #expect(followUp["ownerRole"] as? String == "pr")
            #expect(followUp["dueAt"] as? String == "2026-07-01T03:01:00Z")
            #expect(followUp["contactId"] as? Int == contactId)
            #expect(followUp["overdue"] as? Bool == false)
            #expect((followUp["title"] as? String)?.contains("都市晚报") == true)

            // Two minutes later, with nothing posted, it is overdue and the feed's log says so.
            app.clock.set("2026-07-01T03:03:00Z")
            let overdue = try await story.eventually("the follow-up overdue", {
                try await story.items("/v1/incidents/\(id)/tasks").first { $0["kind"] as? String == "follow_up" }
            }, until: { $0?["overdueAt"] as? String != nil })
            #expect(overdue?["overdue"] as? Bool == true)
            let events = try await app.store.events(after: 0, limit: 10_000)
            #expect(events.contains { $0.type == .taskOverdue && $0.draft.payload.contains("\"kind\":\"follow_up\"") })

            // The summary counts it overdue and names it among the incident's follow-ups.
            let summary = try await client.get("/v1/summary", as: .executive, app: app).json
            let incident = try #require((summary["incidents"] as? [[String: Any]])?.first)
            #expect(try #require(incident["overdueTasks"] as? Int) >= 1)
            let followUps = try #require(incident["followUps"] as? [[String: Any]])
            #expect(followUps.count == 1)
            #expect((followUps.first?["title"] as? String)?.contains("都市晚报") == true)
            #expect(followUps.first?["overdue"] as? Bool == true)
            #expect(followUps.first?["kind"] as? String == "follow_up")

            // The day's report (18:00 in Shanghai) lists it among the overdue tasks.
            app.clock.set("2026-07-01T10:01:00Z")
            let reports = try await story.eventually("the daily report", {
                try await story.items("/v1/incidents/\(id)/daily-reports")
            }, until: { !$0.isEmpty })
            let listed = try #require(reports.first?["overdueTasks"] as? [[String: Any]])
            #expect(listed.contains { ($0["title"] as? String)?.contains("都市晚报") == true })

            // PR, who owns it, marks it done.
            let taskId = try #require(overdue?["id"] as? Int)
            let done = try await story.send(.patch, "/v1/incidents/\(id)/tasks/\(taskId)", as: .pr, json: "{\"status\":\"done\"}")
            #expect(done.status == .ok)
            #expect(done.json["status"] as? String == "done")
        }
    }

    @Test func aLiaisonContactKeepsTheReferenceAndTheAuthoritysDeadline() async throws {
        let app = try await TestApp(detection: .standard, playbook: try TestPlaybook.load(autoOpen: "never"), liveClock: true)
        app.clock.set("2026-07-01T03:00:00Z")
        try await app.run { client in
            let story = IncidentStory(app: app, client: client)
            _ = try await story.burst(10)
            let warning = try await story.firstWarning()
            let opened = try await client.post(
                "/v1/incidents", as: .incidentManager, json: "{\"warningId\":\(try #require(warning["id"] as? Int))}", app: app)
            let id = try #require(opened.json["id"] as? Int)
            let liaison = try await client.post(
                "/v1/incidents/\(id)/liaison-contacts", as: .incidentManager,
                json: """
                    {"body":"市文旅局","bodyKind":"regulator","channel":"phone","summary":"受理投诉，要求书面答复",\
                    "referenceNo":"WL-2026-0701","responseDue":"2026-07-11T10:00:00Z","followUpDue":"2026-07-02T03:00:00Z"}
                    """, app: app)
            #expect(liaison.status == .created)
            #expect(liaison.json["referenceNo"] as? String == "WL-2026-0701")
            #expect(liaison.json["responseDue"] as? String == "2026-07-11T10:00:00Z")
            let tasks = try await story.items("/v1/incidents/\(id)/tasks")
            let answer = try #require(tasks.first { $0["kind"] as? String == "authority_response" })
            #expect(answer["ownerRole"] as? String == "incident_manager")
            #expect(answer["dueAt"] as? String == "2026-07-11T10:00:00Z")
            #expect((answer["title"] as? String)?.contains("WL-2026-0701") == true)
            #expect(tasks.contains { $0["kind"] as? String == "follow_up" && $0["dueAt"] as? String == "2026-07-02T03:00:00Z" })

            // A deadline before the contact is refused on its field.
            let backwards = try await client.post(
                "/v1/incidents/\(id)/liaison-contacts", as: .incidentManager,
                json: "{\"body\":\"12315\",\"channel\":\"web\",\"summary\":\"x\",\"responseDue\":\"2026-06-30T00:00:00Z\"}", app: app)
            #expect(backwards.status == .unprocessableContent)
            #expect(String(buffer: backwards.body).contains("responseDue"))
        }
    }
}
