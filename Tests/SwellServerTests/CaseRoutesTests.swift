import Foundation
import Hummingbird
import HummingbirdTesting
import SwellCore
import SwellDetection
import Testing

@testable import SwellEngine
@testable import SwellServer

/// One complainant's case through the HTTP API: acknowledged, answered, closed and visited, with its
/// deadlines on the server's clock, a regulator's referral, and what each role may do and see.
@Suite struct CaseRoutesTests {
    func patch(_ client: any TestClientProtocol, _ app: TestApp, _ id: Int, as role: Role = .intake, _ json: String) async throws -> TestResponse {
        try await client.execute(uri: "/v1/complaints/\(id)/case", method: .patch, headers: app.headers(role), body: ByteBuffer(string: json))
    }

    func deadline(_ kind: String, in json: [String: Any]) -> [String: Any]? {
        (json["deadlines"] as? [[String: Any]])?.first { $0["kind"] as? String == kind }
    }

    @Test func aCaseIsAcknowledgedAnsweredClosedAndVisited() async throws {
        let app = try await TestApp(playbook: try TestPlaybook.load())
        try await app.run { client in
            let created = try await client.post("/v1/complaints", json: complaintJSON("case-1"), app: app)
            let id = try #require(created.json["id"] as? Int)

            // Untouched: received, the hour to acknowledge it ran out (received 1 July 08:15, the clock reads 2 July)
            let fresh = try await client.get("/v1/complaints/\(id)/case", as: .executive, app: app)
            #expect(fresh.status == .ok)
            #expect(fresh.json["state"] as? String == "received")
            #expect(deadline("acknowledge", in: fresh.json)?["dueAt"] as? String == "2026-07-01T09:15:00Z")
            #expect(deadline("acknowledge", in: fresh.json)?["overdue"] as? Bool == true)
            // 5 working days after Wednesday 1 July, ending at 24:00 Shanghai on Wednesday 8 July
            #expect(deadline("answer", in: fresh.json)?["dueAt"] as? String == "2026-07-08T16:00:00Z")
            #expect(fresh.json["overdue"] as? Bool == true)
            #expect(fresh.json["version"] as? Int == 0)

            // pr and executives read but do not change; a move the state does not allow is a 409 naming the field
            #expect(try await patch(client, app, id, as: .pr, #"{"state":"acknowledged"}"#).status == .forbidden)
            let skipped = try await patch(client, app, id, #"{"state":"closed"}"#)
            #expect(skipped.status == .conflict)
            #expect(skipped.problemType?.hasSuffix("case-transition-forbidden") == true)
            #expect(String(buffer: skipped.body).contains("cannot become closed"))
            #expect(try await patch(client, app, id, #"{"state":"lost"}"#).status == .unprocessableContent)
            #expect(try await patch(client, app, id, #"{}"#).status == .unprocessableContent)

            let acknowledged = try await patch(client, app, id, #"{"state":"acknowledged","assignee":"li"}"#)
            #expect(acknowledged.status == .ok)
            #expect(acknowledged.json["state"] as? String == "acknowledged")
            #expect(acknowledged.json["assignee"] as? String == "li")
            #expect(deadline("acknowledge", in: acknowledged.json)?["metLate"] as? Bool == true)
            #expect(deadline("acknowledge", in: acknowledged.json)?["overdue"] as? Bool == false)
            #expect(try await patch(client, app, id, #"{"state":"acknowledged"}"#).status == .conflict)
            let mine = try await client.get("/v1/cases?assignee=li", as: .incidentManager, app: app).json
            #expect(mine["total"] as? Int == 1 && mine["overdue"] as? Int == 0)
            #expect(((mine["items"] as? [[String: Any]])?.first)?["complaintId"] as? Int == id)
            #expect(try await client.get("/v1/cases", app: app).status == .badRequest)

            // A visit is for a closed case; satisfaction is 1 to 5 and only on a visit
            let visit = #"{"channel":"phone","direction":"outbound","purpose":"follow_up_visit","summary":"回访 13812345678","satisfaction":4}"#
            let early = try await client.post("/v1/complaints/\(id)/contacts", json: visit, app: app)
            #expect(early.status == .conflict)
            #expect(early.problemType?.hasSuffix("case-not-closed") == true)
            let tooHigh = visit.replacingOccurrences(of: "\"satisfaction\":4", with: "\"satisfaction\":7")
            #expect(try await client.post("/v1/complaints/\(id)/contacts", json: tooHigh, app: app).status == .unprocessableContent)
            let call = #"{"channel":"phone","direction":"outbound","purpose":"answer","summary":"告知退差价方案","satisfaction":3}"#
            #expect(try await client.post("/v1/complaints/\(id)/contacts", json: call, app: app).status == .unprocessableContent)

            app.clock.set("2026-07-03T02:00:00Z")
            #expect(try await patch(client, app, id, #"{"state":"answered","note":"退还差价800元"}"#).status == .ok)
            let closed = try await patch(client, app, id, #"{"state":"closed"}"#)
            #expect(closed.json["state"] as? String == "closed")
            #expect(deadline("follow_up_visit", in: closed.json)?["dueAt"] as? String == "2026-07-10T02:00:00Z")

            app.clock.set("2026-07-05T02:00:00Z")
            let visited = try await client.post("/v1/complaints/\(id)/contacts", json: visit, app: app)
            #expect(visited.status == .created)
            #expect((visited.json["contact"] as? [String: Any])?["satisfaction"] as? Int == 4)
            let afterVisit = try #require(visited.json["case"] as? [String: Any])
            #expect(deadline("follow_up_visit", in: afterVisit)?["metAt"] as? String == "2026-07-05T02:00:00Z")
            #expect(afterVisit["overdue"] as? Bool == false)
            // The assignment is a change of its own (the state stays), then each move
            let history = try #require(afterVisit["history"] as? [[String: Any]])
            #expect(history.map { $0["to"] as? String } == ["received", "acknowledged", "answered", "closed"])
            #expect(history.first?["assignee"] as? String == "li")
            #expect(history[2]["note"] as? String == "退还差价800元")

            // Roles without personal data read the contact masked
            let forPR = try await client.get("/v1/complaints/\(id)/case", as: .pr, app: app)
            let contactText = String(describing: forPR.json["contacts"] ?? "")
            #expect(!contactText.contains("13812345678"))
            #expect(String(describing: try await client.get("/v1/complaints/\(id)/case", as: .intake, app: app).json["contacts"] ?? "")
                .contains("13812345678"))

            // A closed case may reopen; the answer is owed again
            let reopened = try await patch(client, app, id, #"{"state":"reopened"}"#)
            #expect(deadline("answer", in: reopened.json)?["metAt"] == nil)

            // The log holds every change, and never the complainant's data or the contact's words
            let events = try await app.store.events(after: 0, limit: 1_000).filter { $0.type.rawValue.hasPrefix("case.") }
            #expect(events.map(\.type.rawValue) == [
                "case.assigned", "case.state_changed", "case.state_changed", "case.state_changed", "case.contact_logged",
                "case.state_changed",
            ])
            #expect(events.allSatisfy { $0.draft.complaintId?.rawValue == Int64(id) })
            #expect(events.allSatisfy { !$0.draft.payload.contains("13812345678") && !$0.draft.payload.contains("回访") })
        }
    }

    @Test func aRegulatorsReferralHasItsOwnPeriodAndGoesOverdueOnTheLiveClock() async throws {
        let app = try await TestApp(playbook: try TestPlaybook.load())
        try await app.run { client in
            let id = try #require(try await client.post("/v1/complaints", json: complaintJSON("case-2"), app: app).json["id"] as? Int)
            let referred = try await patch(client, app, id, #"{"referral":{"authority":"12315","referenceNo":"SH-2026-0042"}}"#)
            #expect(referred.status == .ok)
            #expect((referred.json["referral"] as? [String: Any])?["referenceNo"] as? String == "SH-2026-0042")
            // 7 working days after Thursday 2 July (when the referral arrived): ends 24:00 Shanghai, Monday 13 July
            let authority = try #require(deadline("authority_answer", in: referred.json))
            #expect(authority["dueAt"] as? String == "2026-07-13T16:00:00Z")
            #expect(authority["authority"] as? String == "12315")
            #expect(authority["overdue"] as? Bool == false)

            #expect(try await patch(client, app, id, #"{"assignee":"zhao","state":"acknowledged"}"#).status == .ok)
            #expect(try await client.get("/v1/cases?assignee=zhao&overdue=true", app: app).json["total"] as? Int == 0)

            app.clock.set("2026-07-14T00:00:00Z")
            let late = try await client.get("/v1/complaints/\(id)/case", as: .executive, app: app)
            #expect(deadline("authority_answer", in: late.json)?["overdue"] as? Bool == true)
            // …and shows among the person's late cases
            let zhao = try await client.get("/v1/cases?assignee=zhao&overdue=true", app: app).json
            #expect(zhao["total"] as? Int == 1)
            #expect((((zhao["items"] as? [[String: Any]])?.first)?["overdue"] as? [String])?.contains("authority_answer") == true)

            // A complaint through the regulator channel is a referral without a named authority
            let viaRegulator = complaintJSON("case-3").replacingOccurrences(of: "\"channel\":\"hotline\"", with: "\"channel\":\"regulator\"")
            let other = try #require(try await client.post("/v1/complaints", json: viaRegulator, app: app).json["id"] as? Int)
            let unnamed = try await client.get("/v1/complaints/\(other)/case", app: app)
            #expect((unnamed.json["referral"] as? [String: Any])?["authority"] as? String == "regulator")
            #expect(deadline("authority_answer", in: unnamed.json) != nil)

            // A referral dated in the future, an unknown complaint
            let future = try await patch(client, app, id, #"{"referral":{"authority":"12345","receivedAt":"2027-01-01T00:00:00Z"}}"#)
            #expect(future.status == .unprocessableContent)
            #expect(String(buffer: future.body).contains("referral.receivedAt"))
            #expect(try await client.get("/v1/complaints/999/case", app: app).status == .notFound)
        }
    }

    @Test func aComplaintMayArriveWithItsReferral() async throws {
        let app = try await TestApp(playbook: try TestPlaybook.load())
        try await app.run { client in
            let referral = #","referral":{"authority":"12301","referenceNo":"LY-2026-7"}"#
            let created = try await client.post("/v1/complaints", json: complaintJSON("ref-1", extra: referral), app: app)
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? Int)
            let view = try await client.get("/v1/complaints/\(id)/case", app: app).json
            let stored = try #require(view["referral"] as? [String: Any])
            #expect(stored["authority"] as? String == "12301" && stored["referenceNo"] as? String == "LY-2026-7")
            #expect(stored["receivedAt"] as? String == "2026-07-01T08:15:00Z", "the period counts from the complaint's receipt")
            // 12301: 10 days
            #expect(deadline("authority_answer", in: view)?["dueAt"] as? String == "2026-07-11T08:15:00Z")

            // A correction by hand survives a retried intake
            #expect(try await patch(client, app, id, #"{"referral":{"authority":"12315"}}"#).status == .ok)
            #expect(try await client.post("/v1/complaints", json: complaintJSON("ref-1", extra: referral), app: app).status == .ok)
            #expect((try await client.get("/v1/complaints/\(id)/case", app: app).json["referral"] as? [String: Any])?["authority"] as? String == "12315")

            // A referral without its authority is refused with the field named
            let bad = try await client.post("/v1/complaints", json: complaintJSON("ref-2", extra: #","referral":{"referenceNo":"X"}"#), app: app)
            #expect(bad.status == .unprocessableContent)
            #expect(String(buffer: bad.body).contains("referral.authority"))

            // A batch gives each referred complaint its case
            let batch = "[" + complaintJSON("ref-3", extra: referral) + "," + complaintJSON("ref-4") + "]"
            let stored2 = try await client.post("/v1/complaints/batch", json: batch, app: app)
            let ids = (stored2.json["results"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
            try #require(ids.count == 2)
            #expect((try await client.get("/v1/complaints/\(ids[0])/case", app: app).json["referral"] as? [String: Any])?["authority"] as? String == "12301")
            #expect(try await client.get("/v1/complaints/\(ids[1])/case", app: app).json["referral"] == nil)
        }
    }

    @Test func withoutAPlaybookTheCaseRoutesSayCasesAreOff() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let id = try #require(try await client.post("/v1/complaints", json: complaintJSON("case-4"), app: app).json["id"] as? Int)
            let response = try await client.get("/v1/complaints/\(id)/case", app: app)
            #expect(response.status == .serviceUnavailable)
            #expect(response.problemType?.hasSuffix("cases-off") == true)
        }
    }
}
