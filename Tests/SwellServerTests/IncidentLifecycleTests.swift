import Foundation
import Hummingbird
import HummingbirdTesting
import SwellCore
import SwellDetection
import SwellStore
import Testing

@testable import SwellEngine
@testable import SwellServer

/// The rest of an incident's life through the HTTP API: tasks worked by their owners, the response plan,
/// linked complaints, recurring tasks as days pass, the summary's exact shape, and replaying the log.
@Suite struct IncidentLifecycleTests {
    /// Opens an incident by hand on the story's cluster at 03:00Z; returns its id and the complaint ids.
    func openStory(_ story: IncidentStory) async throws -> (incident: Int, complaints: [Int]) {
        let complaints = try await story.burst(10)
        let warning = try await story.firstWarning()
        let opened = try await story.client.post(
            "/v1/incidents", as: .incidentManager,
            json: "{\"warningId\":\(warning["id"] as? Int ?? 0),\"title\":\"澳洲团酒店降级\",\"at\":\"2026-07-01T03:00:00Z\"}", app: story.app)
        #expect(opened.status == .created)
        return (try #require(opened.json["id"] as? Int), complaints)
    }

    @Test func tasksAreWorkedByTheirOwnersAndThePlanIsApproved() async throws {
        let app = try await TestApp(detection: .standard, playbook: try TestPlaybook.load(autoOpen: "never"))
        try await app.run { client in
            let story = IncidentStory(app: app, client: client)
            let (id, complaints) = try await openStory(story)
            let tasks = try await story.items("/v1/incidents/\(id)/tasks")
            let task = { (key: String) in tasks.first { $0["key"] as? String == key }?["id"] as? Int ?? 0 }

            // pr completes its own holding statement but may not assign it, nor complete another role's task
            let holding = "/v1/incidents/\(id)/tasks/\(task("holding_statement"))"
            #expect(try await story.send(.patch, holding, as: .pr, json: "{\"assignee\":\"小李\"}").status == .forbidden)
            #expect(try await story.send(.patch, "/v1/incidents/\(id)/tasks/\(task("regulator_report"))", as: .pr, json: "{\"status\":\"done\"}").status == .forbidden)
            let done = try await story.send(.patch, holding, as: .pr, json: "{\"status\":\"done\",\"at\":\"2026-07-01T04:00:00Z\"}")
            #expect(done.status == .ok)
            #expect(done.json["status"] as? String == "done" && done.json["completedBy"] as? String == "pr")
            // the incident manager assigns, cancels, and completes the first reply (a timing milestone)
            let assigned = try await story.send(.patch, "/v1/incidents/\(id)/tasks/\(task("count_affected"))", as: .incidentManager, json: "{\"assignee\":\"王芳\"}")
            #expect(assigned.json["assignee"] as? String == "王芳")
            let cancelled = try await story.send(
                .patch, "/v1/incidents/\(id)/tasks/\(task("report_safety_emergency"))", as: .incidentManager, json: "{\"status\":\"cancelled\"}")
            #expect(cancelled.json["status"] as? String == "cancelled")
            _ = try await story.send(
                .patch, "/v1/incidents/\(id)/tasks/\(task("first_reply_to_complainants"))", as: .admin,
                json: "{\"status\":\"done\",\"at\":\"2026-07-01T05:30:00Z\"}")
            let answer = "/v1/incidents/\(id)/tasks/\(task("answer_regulator_in_writing"))"
            #expect(try await story.send(.patch, answer, as: .pr, json: "{\"dueAt\":\"2026-07-12T00:00:00Z\"}").status == .forbidden)
            let moved = try await story.send(.patch, answer, as: .incidentManager, json: "{\"dueAt\":\"2026-07-12T00:00:00Z\"}")
            #expect(moved.json["dueAt"] as? String == "2026-07-12T00:00:00Z")
            #expect(try await story.send(.patch, answer, as: .incidentManager, json: "{\"dueAt\":\"soon\"}").status == .unprocessableContent)
            #expect(try await story.send(.patch, "/v1/incidents/\(id)/tasks/999999", as: .admin, json: "{\"status\":\"done\"}").status == .notFound)
            #expect(try await story.send(.patch, holding, as: .admin, json: "{\"status\":\"finished\"}").status == .unprocessableContent)
            let timing = try await client.get("/v1/incidents/\(id)/timing", as: .executive, app: app).json
            #expect((timing["instants"] as? [String: String])?["first_reply"] == "2026-07-01T05:30:00Z")
            #expect((timing["durations"] as? [String: Double])?["timeToRespond"] == 9000)
            #expect((timing["durations"] as? [String: Double])?["timeToDetect"] != nil)

            // The plan: headcount and demands come from the complaints, the text from the manager
            #expect(try await client.post("/v1/incidents/\(id)/plan/approve", as: .incidentManager, json: "", app: app).status == .conflict)
            let planBody = "{\"predictedIssues\":[\"退还差价\",\"媒体曝光\"],\"text\":\"按标准退差价并支付同额违约金，72小时内接受另加20%\"}"
            #expect(try await story.send(.put, "/v1/incidents/\(id)/plan", as: .pr, json: planBody).status == .forbidden)
            let plan = try await story.send(.put, "/v1/incidents/\(id)/plan", as: .incidentManager, json: planBody).json
            #expect(plan["affectedHeadcount"] as? Int == 10)
            #expect((plan["demands"] as? [[String: Any]])?.first?["demand"] as? String == "退还差价")
            #expect((plan["demands"] as? [[String: Any]])?.first?["count"] as? Int == 10)
            #expect(plan["version"] as? Int == 1 && plan["approvedBy"] == nil)
            let approved = try await client.post("/v1/incidents/\(id)/plan/approve", as: .admin, json: "", app: app).json
            #expect(approved["approvedBy"] as? String == "admin")
            #expect(approved["approvedAt"] is String)

            // Linking: a complaint from elsewhere joins; one of the cluster's leaves
            let other = try await story.complaint(30, at: "2026-07-01T04:00:00Z", text: "导游在云南丽江强迫我们购物，不买就甩脸色")
            let linked = try await client.post("/v1/incidents/\(id)/complaints", as: .incidentManager, json: "{\"complaintId\":\(other)}", app: app)
            #expect(linked.status == .ok)
            #expect(linked.json["linkedComplaints"] as? [Int] == [other])
            let unlinked = try await story.send(.delete, "/v1/incidents/\(id)/complaints/\(complaints[0])", as: .incidentManager, json: "")
            #expect(unlinked.json["unlinkedComplaints"] as? [Int] == [complaints[0]])
            #expect(try await story.send(.delete, "/v1/incidents/\(id)/complaints/\(complaints[0])", as: .incidentManager, json: "").status == .unprocessableContent)
            let summary = try #require(try await story.items("/v1/incidents", as: .executive).first)
            #expect(summary["complaintCount"] as? Int == 10)  // 10 - 1 unlinked + 1 linked

            // Closing ends the incident's changes
            let closing = try await client.post(
                "/v1/incidents/\(id)/transitions", as: .incidentManager,
                json: #"{"to":"closed","falseAlarm":true,"reason":"test: closed early"}"#, app: app)
            #expect(closing.status == .ok)
            let late = try await client.post("/v1/incidents/\(id)/media-contacts", as: .pr,
                json: "{\"outlet\":\"X\",\"channel\":\"phone\",\"inquiry\":\"?\",\"tone\":\"neutral\"}", app: app)
            #expect(late.status == .conflict)
            #expect(late.problemType == "urn:swell:problem:incident-closed")
            #expect(try await story.items("/v1/incidents", as: .executive).isEmpty)
            #expect(try await story.items("/v1/incidents?state=closed", as: .executive).count == 1)
        }
    }

    @Test func daysPassInEventTimeAndTheSummaryKeepsItsShape() async throws {
        let app = try await TestApp(detection: .standard, playbook: try TestPlaybook.load(autoOpen: "never"))
        try await app.run { client in
            let story = IncidentStory(app: app, client: client)
            let (id, _) = try await openStory(story)
            // An offer and two answers on the first day: the daily report draws the acceptance by day
            let published = try await client.post(
                "/v1/incidents/\(id)/offers", as: .incidentManager,
                json: "{\"base\":{\"minorUnits\":100000,\"currency\":\"CNY\"},\"at\":\"2026-07-01T04:00:00Z\"}", app: app)
            let offerId = try #require(published.json["id"] as? Int)
            let members = try await story.items("/v1/incidents/\(id)/cases").compactMap { $0["complaintId"] as? Int }
            try #require(members.count >= 2)
            for (member, decision) in [(members[0], "accepted"), (members[1], "refused")] {
                let answered = try await client.post(
                    "/v1/incidents/\(id)/offers/\(offerId)/responses", as: .incidentManager,
                    json: "{\"complaintId\":\(member),\"decision\":\"\(decision)\",\"at\":\"2026-07-01T05:00:00Z\"}", app: app)
                #expect(answered.status == .created)
            }
            // Two more days of complaints: each day's report, and the next occurrences of recurring tasks
            try await story.complaint(40, at: "2026-07-01T20:00:00Z")
            try await story.complaint(41, at: "2026-07-02T11:00:00Z")
            let reports = try await story.eventually(
                "two daily reports", { try await story.items("/v1/incidents/\(id)/daily-reports") }, until: { $0.count >= 2 })
            #expect(reports.map { $0["day"] as? String } == ["2026-07-01", "2026-07-02"])
            let second = try #require(reports.last?["report"] as? [String: Any])
            #expect(second["newComplaints"] as? Int == 1 && second["totalComplaints"] as? Int == 11)
            let reportCounts: [[String: Any]] = reports.last?["dailyCounts"] as? [[String: Any]] ?? []
            #expect(reportCounts.map { $0["count"] as? Int ?? -1 } == [10, 1])
            let keys = try await story.items("/v1/incidents/\(id)/tasks").compactMap { $0["key"] as? String }
            #expect(keys.contains("update_complainants#2"))
            #expect(keys.filter { $0.hasPrefix("update_complainants#") }.count == 3, "one upcoming occurrence is open: \(keys)")
            let html = try await client.get("/v1/incidents/\(id)/daily-reports/2026-07-02?format=html", as: .executive, app: app)
            let page = String(buffer: html.body)
            #expect(page.contains("<rect"))
            #expect(page.contains("class=\"acceptance\""))
            #expect(page.contains("<title>accepted 1</title>") && page.contains("<title>refused 1</title>"))
            #expect(page.contains("T1 ends") == false, "the first tier ends after this report's days")

            // The summary: exactly the documented keys, every one present
            let raw = try await client.get("/v1/incidents?state=open", as: .executive, app: app)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(buffer: raw.body)) as? [String: Any])
            let summary = try #require((object["items"] as? [[String: Any]])?.first)
            let documented: Set<String> = [
                "id", "title", "state", "level", "phase", "clusterId", "openedAt", "nextDeadline", "overdueTasks", "followUps",
                "complaintCount", "distinctComplainants", "acceptance", "cases", "mediaContacts", "dailyCounts", "publicOpinion",
            ]
            #expect(Set(summary.keys) == documented)
            let opinion = try #require(summary["publicOpinion"] as? [String: Any])
            #expect(opinion["mentions"] as? Int == 0)
            #expect((opinion["dailyCounts"] as? [Any])?.count == (summary["dailyCounts"] as? [Any])?.count, "mentions per day on the same days")
            #expect(summary["title"] as? String == "澳洲团酒店降级")
            #expect(summary["phase"] as? String == "liaison" || summary["phase"] as? String == "early_warning")
            let next = try #require(summary["nextDeadline"] as? [String: Any])
            let deadlineKeys: Set<String> = ["taskId", "title", "dueAt", "ownerRole", "kind", "overdue"]
            #expect(Set(next.keys) == deadlineKeys)
            let nextDue: String = next["dueAt"] as? String ?? ""
            #expect(nextDue >= "2026-07-02T11:00:00Z")
            #expect((summary["overdueTasks"] as? Int ?? 0) >= 5)
            let dailyCounts: [[String: Any]] = summary["dailyCounts"] as? [[String: Any]] ?? []
            let counted: Int = dailyCounts.map { $0["count"] as? Int ?? 0 }.reduce(0, +)
            #expect(counted == 12)
            let executive = try await client.get("/v1/summary", as: .executive, app: app).json
            let listed = executive["incidents"] as? [[String: Any]] ?? []
            #expect(listed.map { $0["id"] as? Int } == [id])
            #expect((executive["counts"] as? [String: Any])?["openIncidents"] as? Int == 1)
            let engine = try #require(app.incidents)
            let direct = try await engine.summaries(now: TestApp.now)
            #expect(direct.map(\.id.rawValue) == [Int64(id)])
        }

        // Replaying the whole log from the start opens nothing twice and writes nothing again
        let before = try await app.store.lastEventSeq()
        _ = try await app.store.apply([], checkpoint: FollowerCheckpoint(follower: IncidentEngine.followerName, seq: 0))
        let replay = try #require(app.incidents)
        try await replay.start()
        try await replay.drain()
        let after = try await app.store.events(after: before, limit: 100)
        #expect(after.isEmpty, "replay wrote \(after.map(\.type.rawValue))")
    }
}
