import Foundation
import Hummingbird
import HummingbirdTesting
import SwellCore
import Testing

@testable import SwellEngine
@testable import SwellServer

/// The post-incident review: closing needs one (or a false alarm's reason), its corrective actions go overdue on
/// the live clock even after the incident closed, edits are versions, and reviews are searchable.
@Suite struct ReviewRoutesTests {
    static let review = """
        {"summary":"澳洲团酒店被地接社擅自降级，72小时内完成和解",
         "rootCauses":[{"category":"supplier","text":"地接社未按合同预订四星酒店"},{"category":"hotel","text":"酒店超售，临时换成汽车旅馆"}],
         "correctiveActions":[
           {"title":"暂停与该地接社合作并重新审核","ownerRole":"incident_manager","dueAt":"2026-07-01T03:05:00Z"},
           {"title":"合同中写明酒店名称与星级","ownerRole":"admin","dueAt":"2026-07-10T00:00:00Z"},
           {"title":"出团前48小时核对酒店确认单","ownerRole":"incident_manager","dueAt":"2026-07-20T00:00:00Z"}],
         "lessons":"酒店确认单必须在出团前核对"}
        """

    @Test func anIncidentClosesOnAReviewWhoseActionsGoOverdueAfterClosing() async throws {
        let app = try await TestApp(detection: .standard, playbook: try TestPlaybook.load(autoOpen: "never"), liveClock: true)
        app.clock.set("2026-07-01T03:00:00Z")
        try await app.run { client in
            let story = IncidentStory(app: app, client: client)
            _ = try await story.burst(10)
            let warning = try await story.firstWarning()
            let opened = try await client.post(
                "/v1/incidents", as: .incidentManager, json: "{\"warningId\":\(try #require(warning["id"] as? Int))}", app: app)
            let id = try #require(opened.json["id"] as? Int)
            func move(_ to: String, _ extra: String = "") async throws -> TestResponse {
                try await client.post("/v1/incidents/\(id)/transitions", as: .incidentManager, json: "{\"to\":\"\(to)\"\(extra)}", app: app)
            }

            // No review yet: closing is refused and says what is missing
            let refused = try await move("closed")
            #expect(refused.status == .conflict)
            #expect(refused.problemType == "urn:swell:problem:review-missing")
            #expect(String(buffer: refused.body).contains("root cause"))
            #expect(try await client.get("/v1/incidents/\(id)/review", app: app).status == .notFound)

            // Writing the review: incident managers only, categories from the playbook
            #expect(try await story.send(.put, "/v1/incidents/\(id)/review", as: .pr, json: Self.review).status == .forbidden)
            let badCategory = Self.review.replacingOccurrences(of: "\"category\":\"hotel\"", with: "\"category\":\"weather\"")
            let bad = try await story.send(.put, "/v1/incidents/\(id)/review", as: .incidentManager, json: badCategory)
            #expect(bad.status == .unprocessableContent)
            #expect(String(buffer: bad.body).contains("rootCauses[1].category"))
            let saved = try await story.send(.put, "/v1/incidents/\(id)/review", as: .incidentManager, json: Self.review)
            #expect(saved.status == .ok)
            #expect(saved.json["version"] as? Int == 1)
            #expect(saved.json["allowsClosing"] as? Bool == true)
            let actions = try #require(saved.json["correctiveActions"] as? [[String: Any]])
            #expect(actions.count == 3)
            let taskIds = actions.compactMap { $0["taskId"] as? Int }
            #expect(taskIds.count == 3 && taskIds.allSatisfy { $0 > 0 })
            let tasks = try await story.items("/v1/incidents/\(id)/tasks")
            #expect(tasks.filter { $0["kind"] as? String == "corrective_action" }.count == 3)

            // Through the states to closed
            for state in ["responding", "settling", "resolved"] { #expect(try await move(state).status == .ok, "\(state)") }
            let closed = try await move("closed")
            #expect(closed.status == .ok)
            #expect(closed.json["reviewVersion"] as? Int == 1)

            // Five minutes on, with nothing posted, the first action is overdue although the incident is closed
            app.clock.set("2026-07-01T03:06:00Z")
            let late = try await story.eventually("the first action overdue", {
                try await story.items("/v1/incidents/\(id)/tasks").first { ($0["id"] as? Int) == taskIds[0] }
            }, until: { $0?["overdueAt"] as? String != nil })
            #expect(late?["overdue"] as? Bool == true)
            let review = try await client.get("/v1/incidents/\(id)/review", as: .executive, app: app).json
            #expect((review["correctiveActions"] as? [[String: Any]])?.map { $0["overdue"] as? Bool } == [true, false, false])
            let events = try await app.store.events(after: 0, limit: 10_000)
            #expect(events.contains { $0.type == .taskOverdue && $0.draft.payload.contains("\"kind\":\"corrective_action\"") })
            #expect(events.contains { $0.type == .incidentReviewUpdated && $0.draft.payload.contains("\"supplier\"") })

            // The executive summary lists the open actions, closed incident or not, until they are done
            let listed = try #require(try await client.get("/v1/summary", as: .executive, app: app).json["correctiveActions"] as? [[String: Any]])
            #expect(listed.compactMap { $0["taskId"] as? Int } == taskIds)
            #expect(listed.first?["overdue"] as? Bool == true)

            // Its owner completes it after closing; the incident's other tasks stay frozen
            let done = try await story.send(.patch, "/v1/incidents/\(id)/tasks/\(taskIds[0])", as: .incidentManager, json: "{\"status\":\"done\"}")
            #expect(done.status == .ok)
            let playbookTask = try #require(tasks.first { $0["kind"] as? String == "playbook" }?["id"] as? Int)
            #expect(try await story.send(.patch, "/v1/incidents/\(id)/tasks/\(playbookTask)", as: .incidentManager, json: "{\"status\":\"done\"}").status == .conflict)

            // A later version drops the third action: it is cancelled, not deleted
            let kept = """
                {"summary":"澳洲团酒店被地接社擅自降级，72小时内完成和解","rootCauses":[{"category":"supplier","text":"地接社未按合同预订四星酒店"}],
                 "correctiveActions":[
                   {"taskId":\(taskIds[0]),"title":"暂停与该地接社合作并重新审核","ownerRole":"incident_manager","dueAt":"2026-07-01T03:05:00Z"},
                   {"taskId":\(taskIds[1]),"title":"合同中写明酒店名称与星级","ownerRole":"admin","dueAt":"2026-07-12T00:00:00Z"}]}
                """
            let second = try await story.send(.put, "/v1/incidents/\(id)/review", as: .incidentManager, json: kept)
            #expect(second.json["version"] as? Int == 2)
            #expect((second.json["correctiveActions"] as? [[String: Any]])?.map { $0["state"] as? String } == ["done", "open"])
            let third = try await story.items("/v1/incidents/\(id)/tasks").first { ($0["id"] as? Int) == taskIds[2] }
            #expect(third?["status"] as? String == "cancelled")

            // Search across incidents
            #expect(try await story.items("/v1/reviews?rootCause=supplier", as: .executive).count == 1)
            #expect(try await story.items("/v1/reviews?rootCause=guide", as: .executive).isEmpty)
            #expect(try await story.items("/v1/reviews?q=地接社", as: .executive).count == 1)
            #expect(try await story.items("/v1/reviews?q=nothing-like-this", as: .executive).isEmpty)
            #expect(try await story.items("/v1/reviews?from=2026-08-01T00:00:00Z", as: .executive).isEmpty)
            #expect(try await client.get("/v1/reviews?rootCause=weather", app: app).status == .badRequest)

            // The dossier: every section, filled from the record, ending with the newest event's hash
            let page = String(buffer: try await client.get("/v1/incidents/\(id)/dossier", as: .executive, app: app).body)
            for name in ["timeline", "people", "demands", "plan", "liaison", "media", "settlement", "review", "response-times", "integrity"] {
                #expect(page.contains("data-section=\"\(name)\""), "section \(name)")
            }
            #expect(page.contains("地接社未按合同预订四星酒店") && page.contains("退还差价"))
            let json = try await client.get("/v1/incidents/\(id)/dossier?format=json", as: .pr, app: app).json
            let lastSeq = try await app.store.lastEventSeq()
            let integrity = try #require(json["integrity"] as? [String: Any])
            #expect(integrity["lastEventSeq"] as? Int == Int(lastSeq))
            #expect(integrity["lastEventHash"] as? String == (try await app.store.events(after: lastSeq - 1, limit: 1).first?.hash))
            #expect((json["people"] as? [String: Any])?["complaints"] as? Int == 10)
            #expect(((json["timeline"] as? [String: Any])?["states"] as? [[String: Any]])?.last?["state"] as? String == "closed")
            #expect(try await client.get("/v1/incidents/\(id)/dossier?format=pdf", app: app).status == .badRequest)

            // Highlights picked from the log show in the timeline; an event of another cluster is not pulled in
            let opening = try #require(events.first { $0.type == .incidentOpened })
            let foreign = try #require(events.first { $0.type == .complaintReceived })
            let highlighted = kept.replacingOccurrences(of: "\"correctiveActions\"", with: "\"highlights\":[\(opening.seq),\(foreign.seq),999999],\"correctiveActions\"")
            #expect(try await story.send(.put, "/v1/incidents/\(id)/review", as: .incidentManager, json: highlighted).status == .ok)
            let timeline = try #require(try await client.get("/v1/incidents/\(id)/dossier?format=json", app: app).json["timeline"] as? [String: Any])
            #expect((timeline["highlights"] as? [[String: Any]])?.map { $0["type"] as? String } == ["incident.opened"])
        }
    }

    @Test func aFalseAlarmClosesWithAReasonAndNoReview() async throws {
        let app = try await TestApp(detection: .standard, playbook: try TestPlaybook.load(autoOpen: "never"))
        try await app.run { client in
            let story = IncidentStory(app: app, client: client)
            _ = try await story.burst(8)
            let warning = try await story.firstWarning()
            let opened = try await client.post(
                "/v1/incidents", as: .incidentManager, json: "{\"warningId\":\(try #require(warning["id"] as? Int)),\"at\":\"2026-07-01T03:00:00Z\"}", app: app)
            let id = try #require(opened.json["id"] as? Int)
            let transitions = "/v1/incidents/\(id)/transitions"
            let noReason = try await client.post(transitions, as: .incidentManager, json: #"{"to":"closed","falseAlarm":true}"#, app: app)
            #expect(noReason.status == .unprocessableContent)
            #expect(String(buffer: noReason.body).contains("reason"))
            #expect(try await client.post(transitions, as: .incidentManager, json: #"{"to":"responding","falseAlarm":true,"reason":"x"}"#, app: app).status == .unprocessableContent)
            let closed = try await client.post(
                transitions, as: .incidentManager, json: #"{"to":"closed","falseAlarm":true,"reason":"同一游客重复投诉，并非群体事件"}"#, app: app)
            #expect(closed.status == .ok)
            #expect((closed.json["falseAlarm"] as? [String: Any])?["reason"] as? String == "同一游客重复投诉，并非群体事件")
        }
    }
}
