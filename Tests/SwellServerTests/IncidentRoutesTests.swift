import Foundation
import Hummingbird
import HummingbirdTesting
import SwellCore
import SwellDetection
import Testing

@testable import SwellEngine
@testable import SwellServer

/// Incidents through the HTTP API only: a warning fires on a posted stream, an incident is opened by hand,
/// the playbook's tasks appear with due times, contacts are logged by the right roles, and as later
/// complaints move event time on, overdue tasks and a daily report appear.
@Suite struct IncidentRoutesTests {
    @Test func anIncidentOpenedByHandFollowsThePlaybook() async throws {
        let app = try await TestApp(detection: .standard, playbook: try TestPlaybook.load(autoOpen: "never"))
        try await app.run { client in
            let story = IncidentStory(app: app, client: client)
            // Given a group complaint and its warning
            _ = try await story.burst(10)
            let warning = try await story.firstWarning()
            let warningId = try #require(warning["id"] as? Int)
            let clusterId = try #require(warning["clusterId"] as? Int)

            // When intake or an executive tries to open an incident, they are refused
            let open = "{\"warningId\":\(warningId),\"at\":\"2026-07-01T03:00:00Z\"}"
            #expect(try await client.post("/v1/incidents", as: .intake, json: open, app: app).status == .forbidden)
            #expect(try await client.post("/v1/incidents", as: .executive, json: open, app: app).status == .forbidden)
            // and an incident manager opens it
            let opened = try await client.post("/v1/incidents", as: .incidentManager, json: open, app: app)
            #expect(opened.status == .created)
            let incident = opened.json
            let id = try #require(incident["id"] as? Int)
            #expect(incident["state"] as? String == "open")
            #expect(incident["clusterId"] as? Int == clusterId)
            #expect((incident["playbook"] as? [String: Any])?["name"] as? String == "group-complaint")
            #expect((incident["playbook"] as? [String: Any])?["version"] as? String == "1")
            #expect(incident["phase"] as? String != nil)
            let again = try await client.post("/v1/incidents", as: .admin, json: "{\"clusterId\":\(clusterId)}", app: app)
            #expect(again.status == .conflict)
            #expect(again.problemType == "urn:swell:problem:incident-already-open")

            // Then the default playbook's tasks are there with owners and due times
            let tasks = try await story.items("/v1/incidents/\(id)/tasks", as: .executive)
            let byKey = Dictionary(uniqueKeysWithValues: tasks.map { ($0["key"] as? String ?? "", $0) })
            #expect(byKey["response_plan"]?["dueAt"] as? String == "2026-07-02T03:00:00Z")
            #expect(byKey["response_plan"]?["ownerRole"] as? String == "incident_manager")
            #expect(byKey["holding_statement"]?["dueAt"] as? String == "2026-07-01T07:00:00Z")
            #expect(byKey["holding_statement"]?["ownerRole"] as? String == "pr")
            #expect(byKey["regulator_report"] != nil && byKey["count_affected"] != nil)
            #expect(byKey["notify_leadership"]?["dueAt"] != nil)
            #expect(byKey["publish_offer"]?["dueAt"] as? String == "2026-07-03T03:00:00Z")
            #expect(byKey["remind_before_tier_ends"] == nil, "waits for the offer")
            #expect(tasks.allSatisfy { $0["status"] as? String == "open" })

            // A regulator contact and a media contact, logged by PR; refused for executive and intake
            let liaison = """
                {"body":"市文化和旅游局","bodyKind":"regulator","person":"王科长","channel":"email",\
                "sent":"情况报告及材料","summary":"报告了酒店降级事件及处理方案","followUpDue":"2026-07-02T02:00:00Z",\
                "at":"2026-07-01T05:00:00Z"}
                """
            #expect(try await client.post("/v1/incidents/\(id)/liaison-contacts", as: .executive, json: liaison, app: app).status == .forbidden)
            #expect(try await client.post("/v1/incidents/\(id)/liaison-contacts", as: .intake, json: liaison, app: app).status == .forbidden)
            #expect(try await client.post("/v1/incidents/\(id)/liaison-contacts", as: .pr, json: liaison, app: app).status == .created)
            let media = """
                {"outlet":"新京报","journalist":"李记者","channel":"phone","inquiry":"询问酒店降级","said":"正在核实，将尽快回应",\
                "tone":"negative","at":"2026-07-01T06:00:00Z"}
                """
            #expect(try await client.post("/v1/incidents/\(id)/media-contacts", as: .executive, json: media, app: app).status == .forbidden)
            let logged = try await client.post("/v1/incidents/\(id)/media-contacts", as: .pr, json: media, app: app)
            #expect(logged.status == .created)
            #expect(logged.json["at"] as? String == "2026-07-01T06:00:00Z")
            #expect(logged.json["id"] is Int)
            let statement = "{\"kind\":\"decision\",\"title\":\"暂不召开发布会\",\"text\":\"先发书面声明\",\"at\":\"2026-07-01T06:30:00Z\"}"
            #expect(try await client.post("/v1/incidents/\(id)/statements", as: .pr, json: statement, app: app).status == .created)
            let timing = try await client.get("/v1/incidents/\(id)/timing", as: .executive, app: app).json
            #expect((timing["instants"] as? [String: String])?["regulator_report_sent"] == "2026-07-01T05:00:00Z")

            // When time passes in the event stream: a later complaint of the same group
            try await story.complaint(20, at: "2026-07-01T12:00:00Z", channel: "social")

            // Then overdue tasks and the day's report (18:00 Shanghai = 10:00Z) appear
            let reports = try await story.eventually(
                "the daily report", { try await story.items("/v1/incidents/\(id)/daily-reports", as: .executive) },
                until: { !$0.isEmpty })
            let report = try #require(reports.first)
            #expect(report["day"] as? String == "2026-07-01")
            let body = try #require(report["report"] as? [String: Any])
            #expect(body["newComplaints"] as? Int == 10)
            #expect(body["mediaContacts"] as? Int == 1 && body["negativeMediaContacts"] as? Int == 1)
            #expect(!((body["overdueTaskIds"] as? [Any]) ?? []).isEmpty)
            let named = (report["overdueTasks"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
            #expect(named.contains("Publish a holding statement"))
            let overdue = try await story.items("/v1/incidents/\(id)/tasks?status=open").filter { $0["overdue"] as? Bool == true }
            #expect(overdue.contains { $0["key"] as? String == "holding_statement" })
            #expect(!overdue.contains { $0["key"] as? String == "response_plan" })

            let page = try await client.get("/v1/incidents/\(id)/daily-reports/2026-07-01.html", as: .executive, app: app)
            #expect(page.status == .ok)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            let html = String(buffer: page.body)
            #expect(html.contains("<svg") && !html.contains("<script"))
            #expect(html.contains("Publish a holding statement"))
            #expect(!html.contains("游客") && !html.contains("13900000"))
            #expect(try await client.get("/v1/incidents/\(id)/daily-reports/2026-06-01", as: .executive, app: app).status == .notFound)

            // The summary shows it all
            let summary = try #require(try await story.items("/v1/incidents?state=open", as: .executive).first)
            #expect(summary["id"] as? Int == id)
            #expect((summary["overdueTasks"] as? Int ?? 0) > 0)
            #expect((summary["complaintCount"] as? Int ?? 0) >= 10)
            #expect((summary["distinctComplainants"] as? Int ?? 0) >= 10)
            #expect((summary["mediaContacts"] as? [[String: Any]])?.first?["tone"] as? String == "negative")
            #expect(summary["nextDeadline"] is [String: Any])
            #expect(summary["acceptance"] is NSNull)
            #expect(!((summary["dailyCounts"] as? [Any]) ?? []).isEmpty)

            // State changes follow the state machine
            let forbidden = try await client.post("/v1/incidents/\(id)/transitions", as: .incidentManager, json: "{\"to\":\"settling\"}", app: app)
            #expect(forbidden.status == .conflict)
            #expect(forbidden.problemType == "urn:swell:problem:transition-forbidden")
            let responding = try await client.post(
                "/v1/incidents/\(id)/transitions", as: .incidentManager, json: "{\"to\":\"responding\",\"at\":\"2026-07-01T12:30:00Z\"}", app: app)
            #expect(responding.status == .ok)
            #expect(responding.json["state"] as? String == "responding")
            let afterTasks = try await story.items("/v1/incidents/\(id)/tasks")
            #expect(afterTasks.contains { $0["key"] as? String == "appoint_monitor" })
        }
        let events = try await app.store.events(after: 0, limit: 5000)
        let types = events.map(\.type.rawValue)
        for type in ["incident.opened", "task.created", "task.overdue", "liaison.logged", "media_contact.logged", "daily_report.created", "incident.state_changed"] {
            #expect(types.contains(type), "missing \(type)")
        }
        let overdueKeys = events.filter { $0.type == .taskOverdue }.map { $0.draft.payload }
        #expect(Set(overdueKeys).count == overdueKeys.count, "task.overdue is written once per task")
        let incidentEvents = events.filter { !$0.type.rawValue.hasPrefix("complaint.") }
        #expect(!incidentEvents.contains { $0.draft.payload.contains("1390000") || $0.draft.payload.contains("游客") })
    }
}

/// A client's `at` cannot move time: not after the server's clock (plus five minutes), not before the incident.
@Suite struct ClientInstantTests {
    @Test func anOpeningInTheFarFutureIsRefusedAndIntakeGoesOn() async throws {
        let app = try await TestApp(detection: .standard, playbook: try TestPlaybook.load(autoOpen: "never"))
        try await app.run { client in
            let story = IncidentStory(app: app, client: client)
            _ = try await story.burst(10)
            let warning = try await story.firstWarning()
            let warningId = try #require(warning["id"] as? Int)
            let future = try await client.post(
                "/v1/incidents", as: .incidentManager, json: "{\"warningId\":\(warningId),\"at\":\"3698-04-17T03:21:22Z\"}", app: app)
            #expect(future.status == .unprocessableContent)
            #expect(String(buffer: future.body).contains("in_future"))
            #expect(try await app.store.incidents(activeOnly: false, clusterId: nil).isEmpty)
            // Nor in the far past: not before the cluster's first complaint (Schemathesis opened one in the year 124,
            // and the scheduler then planned centuries of reports while every incident route waited)
            let ancient = try await client.post(
                "/v1/incidents", as: .incidentManager, json: "{\"warningId\":\(warningId),\"at\":\"0124-07-26T14:19:16Z\"}", app: app)
            #expect(ancient.status == .unprocessableContent)
            #expect(String(buffer: ancient.body).contains("before the cluster's first complaint"))
            #expect(try await app.store.incidents(activeOnly: false, clusterId: nil).isEmpty)
            // Five minutes ahead of the server's clock is still accepted (clocks drift).
            let skewed = try await client.post(
                "/v1/incidents", as: .incidentManager, json: "{\"warningId\":\(warningId),\"at\":\"2026-07-02T00:04:00Z\"}", app: app)
            #expect(skewed.status == .created)
            let id = try #require(skewed.json["id"] as? Int)
            // Before the opening: refused on the field.
            let early = try await client.post(
                "/v1/incidents/\(id)/media-contacts", as: .pr,
                json: "{\"outlet\":\"晚报\",\"channel\":\"phone\",\"inquiry\":\"询问\",\"tone\":\"neutral\",\"at\":\"2026-06-01T00:00:00Z\"}", app: app)
            #expect(early.status == .unprocessableContent)
            #expect(String(buffer: early.body).contains("before the incident was opened"))
            let moved = try await client.post(
                "/v1/incidents/\(id)/transitions", as: .incidentManager, json: "{\"to\":\"responding\",\"at\":\"2999-01-01T00:00:00Z\"}", app: app)
            #expect(moved.status == .unprocessableContent)
            // Intake carries on.
            #expect(try await story.complaint(90, at: "2026-07-01T12:00:00Z") > 0)
        }
    }
}
