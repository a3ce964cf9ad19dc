import Foundation
import Hummingbird
import HummingbirdTesting
import SwellCore
import SwellDetection
import Testing

@testable import SwellEngine
@testable import SwellServer

/// An incident's complainants as cases: the list with its counts, bulk changes, the CSV export and the
/// group's representatives.
@Suite struct IncidentCaseRoutesTests {
    @Test func twelveComplainantsAreAcknowledgedInOneCallAndExportedForRegulators() async throws {
        let app = try await TestApp(detection: .standard, playbook: try TestPlaybook.load(autoOpen: "blue"))
        try await app.run { client in
            let story = IncidentStory(app: app, client: client)
            let complaints = try await story.burst(12)
            let incidents = try await story.eventually(
                "the auto-opened incident", { try await story.items("/v1/incidents", as: .executive) }, until: { !$0.isEmpty })
            let id = try #require(incidents.first?["id"] as? Int)
            let cluster = try #require(incidents.first?["clusterId"] as? Int)
            // Complaints the detector placed elsewhere join the incident by hand, so it holds all twelve people
            for complaint in complaints {
                let placed = try await story.eventually(
                    "complaint \(complaint) placed", { try await client.get("/v1/complaints/\(complaint)", app: app).json },
                    until: { $0["clusterId"] is Int })
                if placed["clusterId"] as? Int != cluster {
                    let linked = try await client.post(
                        "/v1/incidents/\(id)/complaints", as: .incidentManager, json: "{\"complaintId\":\(complaint)}", app: app)
                    #expect(linked.status == .ok)
                }
            }
            let page = try await story.eventually(
                "every complaint in the incident", { try await client.get("/v1/incidents/\(id)/cases", as: .incidentManager, app: app).json },
                until: { $0["total"] as? Int == 12 })
            #expect(page["complainants"] as? Int == 12)
            #expect(page["byState"] as? [String: Int] == ["received": 12])
            let rows = try #require(page["items"] as? [[String: Any]])
            let members = rows.compactMap { $0["complaintId"] as? Int }
            #expect((rows.first?["complainant"] as? [String: Any])?["phone"] != nil)
            #expect((rows.first?["nextDeadline"] as? [String: Any])?["kind"] as? String == "acknowledge")

            func bulk(_ json: String, as role: Role = .intake) async throws -> TestResponse {
                try await client.post("/v1/incidents/\(id)/cases/bulk", as: role, json: json, app: app)
            }
            #expect(try await bulk(#"{"action":"acknowledge","all":true}"#, as: .pr).status == .forbidden)
            #expect(try await bulk(#"{"action":"shred","all":true}"#).status == .unprocessableContent)
            #expect(try await bulk(#"{"action":"acknowledge"}"#).status == .unprocessableContent)
            #expect(try await bulk(#"{"action":"acknowledge","complaintIds":[999]}"#).status == .unprocessableContent)

            let before = try await app.store.lastEventSeq()
            let acknowledged = try await bulk(#"{"action":"acknowledge","all":true}"#)
            #expect(acknowledged.status == .ok)
            #expect(acknowledged.json["changed"] as? Int == 12)
            let events = try await app.store.events(after: before, limit: 100)
            #expect(events.filter { $0.type == .caseStateChanged }.count == 12, "one event per case")
            let again = try await bulk(#"{"action":"acknowledge","all":true}"#)
            #expect(again.json["changed"] as? Int == 0)
            #expect(again.json["unchanged"] as? Int == 12)
            #expect(((again.json["items"] as? [[String: Any]])?.first?["reason"] as? String) == "already acknowledged")

            let answered = try await bulk("{\"action\":\"answer\",\"complaintIds\":[\(members[0]),\(members[1])]}")
            #expect(answered.json["changed"] as? Int == 2)
            #expect(try await bulk("{\"action\":\"assign\",\"assignee\":\"wang\",\"complaintIds\":[\(members[2])]}").json["changed"] as? Int == 1)

            let filtered = try await client.get("/v1/incidents/\(id)/cases?state=answered", as: .executive, app: app).json
            #expect(filtered["total"] as? Int == 2)
            #expect(((filtered["items"] as? [[String: Any]])?.first)?["complainant"] == nil, "executives see no personal data")
            #expect(try await client.get("/v1/incidents/\(id)/cases?assignee=wang", app: app).json["total"] as? Int == 1)
            #expect(try await client.get("/v1/incidents/\(id)/cases?state=lost", app: app).status == .badRequest)

            // Paging: five at a time, nothing lost or repeated
            var seen: [Int] = []
            var cursor: String?
            repeat {
                let uri = "/v1/incidents/\(id)/cases?limit=5" + (cursor.map { "&cursor=\($0)" } ?? "")
                let json = try await client.get(uri, app: app).json
                seen += (json["items"] as? [[String: Any]] ?? []).compactMap { $0["complaintId"] as? Int }
                cursor = json["next"] as? String
            } while cursor != nil
            #expect(seen == members)

            // Representatives: one to three members of the group
            func represent(_ ids: [Int]) async throws -> TestResponse {
                try await story.send(.put, "/v1/incidents/\(id)/representatives", as: .incidentManager, json: "{\"complaintIds\":\(ids)}")
            }
            #expect(try await represent(Array(members.prefix(4))).status == .unprocessableContent)
            #expect(try await represent([999]).status == .unprocessableContent)
            let named = try await represent([members[0], members[3]])
            #expect(named.status == .ok)
            #expect(named.json["representatives"] as? [Int] == [members[0], members[3]].sorted())
            let listed = try await client.get("/v1/incidents/\(id)/cases", app: app).json
            #expect((listed["items"] as? [[String: Any]])?.filter { $0["representative"] as? Bool == true }.count == 2)

            // The export: UTF-8 with a byte-order mark, Chinese intact, personal data only for roles that see it
            let csv = try await client.get("/v1/incidents/\(id)/cases.csv", as: .intake, app: app)
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let bytes = Array(Data(buffer: csv.body))
            #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
            let text = String(decoding: bytes, as: UTF8.self)
            let lines = text.split(separator: "\r\n")
            #expect(lines.count == 13)
            #expect(text.contains("游客"))
            #expect(text.contains("1390000"))
            let forPR = String(buffer: try await client.get("/v1/incidents/\(id)/cases.csv", as: .pr, app: app).body)
            #expect(!forPR.contains("1390000"))
            #expect(!forPR.contains("游客"))
            #expect(forPR.split(separator: "\r\n").count == 13)

            // The printable page: every row, late rows marked, personal data per role
            let printable = String(buffer: try await client.get("/v1/incidents/\(id)/cases.html", as: .intake, app: app).body)
            #expect(printable.components(separatedBy: "<tr").count - 2 == 12)
            #expect(printable.contains("游客") && printable.contains("acknowledged 10"))
            let pagePR = String(buffer: try await client.get("/v1/incidents/\(id)/cases.html?state=answered", as: .pr, app: app).body)
            #expect(!pagePR.contains("1390000") && !pagePR.contains("游客"))
            #expect(pagePR.components(separatedBy: "<tr").count - 2 == 2)
        }
    }

    @Test func csvFieldsAreQuotedAndFormulasDefused() {
        #expect(IncidentCasesCSV.quoted("plain") == "plain")
        #expect(IncidentCasesCSV.quoted("a,b") == "\"a,b\"")
        #expect(IncidentCasesCSV.quoted("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(IncidentCasesCSV.quoted("=HYPERLINK(1)") == "'=HYPERLINK(1)")
        #expect(IncidentCasesCSV.quoted("-5") == "-5")
    }
}
