import Foundation
import Hummingbird
import HummingbirdTesting
import SwellCore
import SwellStore
import Testing

@testable import SwellEngine
@testable import SwellServer

/// People acting on warnings through the HTTP API: acknowledge and dismiss (who, when, why), the roles that may,
/// the moves that are refused, what the summary counts, a cluster that warns again at its next level, and
/// incidents linking their cluster's warnings.
@Suite struct WarningHandlingTests {
    /// What the detector writes (its own tests cover when): a cluster standing at `level` and a warning record.
    static func warn(
        _ store: any CaseStore, cluster: Int64, level: WarningLevel, previous: WarningLevel? = nil, at: String
    ) async throws {
        let snapshot = ClusterSnapshot(
            id: ClusterID(cluster), firstAt: RFC3339.parse("2026-07-01T01:00:00Z")!, lastAt: RFC3339.parse(at)!,
            memberCount: 12, distinctComplainants: 12, level: level, topTerms: ["酒店", "汽车旅馆"],
            representativeText: "酒店降级", representativeComplaintId: ComplaintID(cluster), entities: [], updatedAt: TestApp.now)
        let warning = WarningRecord(
            clusterId: ClusterID(cluster), kind: previous == nil ? "raised" : "escalated", level: level, previousLevel: previous,
            raisedAt: RFC3339.parse(at)!, triggeringComplaintId: ComplaintID(cluster), complaintCount: 12,
            distinctComplainants: 12, rule: "burst", reasons: [.init(code: "size", detail: "12 people in 48h")])
        _ = try await store.apply([.saveCluster(snapshot), .raiseWarning(warning, at: RFC3339.parse(at)!)], checkpoint: nil)
    }

    func counts(_ client: any TestClientProtocol, _ app: TestApp) async throws -> [String: Int] {
        try await client.get("/v1/summary", as: .executive, app: app).json["counts"] as? [String: Int] ?? [:]
    }

    func warning(_ client: any TestClientProtocol, _ app: TestApp, _ id: Int, as role: Role = .incidentManager) async throws -> [String: Any] {
        try await client.get("/v1/warnings/\(id)", as: role, app: app).json
    }

    func ids(_ client: any TestClientProtocol, _ app: TestApp, _ query: String) async throws -> [Int] {
        let items = try await client.get("/v1/warnings\(query)", as: .executive, app: app).json["items"] as? [[String: Any]] ?? []
        return items.compactMap { $0["id"] as? Int }
    }

    @Test func peopleAcknowledgeAndDismissWarnings() async throws {
        let app = try await TestApp()
        // Given cluster 7 with a blue warning (1) escalated to yellow (2), and cluster 8 with a blue warning (3)
        try await Self.warn(app.store, cluster: 7, level: .blue, at: "2026-07-01T02:00:00Z")
        try await Self.warn(app.store, cluster: 7, level: .yellow, previous: .blue, at: "2026-07-01T03:00:00Z")
        try await Self.warn(app.store, cluster: 8, level: .blue, at: "2026-07-01T04:00:00Z")
        try await app.run { client in
            #expect(try await counts(client, app) == ["complaintsLast24h": 0, "openWarnings": 2, "acknowledgedWarnings": 0, "openIncidents": 0])
            #expect(try await warning(client, app, 2)["state"] as? String == "open")
            #expect(try await warning(client, app, 2)["acknowledgedBy"] == nil)

            // Roles that do not run incidents are refused
            for role in [Role.executive, .pr, .intake] {
                let refused = try await client.post("/v1/warnings/2/acknowledge", as: role, json: "", app: app)
                #expect(refused.status == .forbidden, "\(role)")
                #expect(refused.problemType == "urn:swell:problem:forbidden")
                let dismissal = try await client.post("/v1/warnings/2/dismiss", as: role, json: #"{"reason":"x"}"#, app: app)
                #expect(dismissal.status == .forbidden, "\(role)")
            }
            #expect(try await client.post("/v1/warnings/2/acknowledge", as: nil, json: "", app: app).status == .unauthorized)

            // When an incident manager acknowledges the escalation, it and the earlier warning record who and when
            let acknowledged = try await client.post("/v1/warnings/2/acknowledge", as: .incidentManager, json: "", app: app)
            #expect(acknowledged.status == .ok)
            #expect(acknowledged.json["state"] as? String == "acknowledged")
            #expect(acknowledged.json["acknowledgedBy"] as? String == "incident_manager")
            #expect(acknowledged.json["acknowledgedAt"] as? String == "2026-07-02T00:00:00Z")
            #expect(try await warning(client, app, 1)["state"] as? String == "acknowledged")
            #expect(try await warning(client, app, 3)["state"] as? String == "open", "another cluster's warning is untouched")
            #expect(try await counts(client, app)["openWarnings"] == 1)
            #expect(try await counts(client, app)["acknowledgedWarnings"] == 1)

            // A wrong move is a 409 problem
            let again = try await client.post("/v1/warnings/2/acknowledge", as: .admin, json: "", app: app)
            #expect(again.status == .conflict)
            #expect(again.problemType == "urn:swell:problem:transition-forbidden")
            #expect(try await warning(client, app, 2)["acknowledgedBy"] as? String == "incident_manager")

            // A dismissal needs a reason: missing, blank or too long is 422, a broken body 400
            for body in ["{}", #"{"reason":"   "}"#, #"{"reason":null}"#, "{\"reason\":\"\(String(repeating: "长", count: 2_001))\"}"] {
                let refused = try await client.post("/v1/warnings/2/dismiss", as: .admin, json: body, app: app)
                #expect(refused.status == .unprocessableContent, "\(body.prefix(20))")
                #expect(refused.json["field"] as? String == "reason")
            }
            #expect(try await client.post("/v1/warnings/2/dismiss", as: .admin, json: "{", app: app).status == .badRequest)
            #expect(try await warning(client, app, 2)["state"] as? String == "acknowledged")

            // Dismissing with a reason: who, when and why; the reason is masked for roles without personal data
            let reason = "是一位客人（13812345678）的个人纠纷，不是群体事件"
            let dismissed = try await client.post("/v1/warnings/2/dismiss", as: .admin, json: "{\"reason\":\"\(reason)\"}", app: app)
            #expect(dismissed.status == .ok)
            #expect(dismissed.json["state"] as? String == "dismissed")
            #expect(dismissed.json["dismissedBy"] as? String == "admin")
            #expect(dismissed.json["dismissedAt"] as? String == "2026-07-02T00:00:00Z")
            #expect(dismissed.json["dismissReason"] as? String == reason)
            #expect(dismissed.json["acknowledgedBy"] as? String == "incident_manager", "the acknowledgement stays on record")
            #expect(try await warning(client, app, 1)["state"] as? String == "dismissed")
            let masked = try await warning(client, app, 2, as: .executive)["dismissReason"] as? String
            #expect(masked?.contains("13812345678") == false && masked?.contains("个人纠纷") == true)

            // Then the dismissed cluster no longer counts; a dismissed warning cannot be acknowledged
            #expect(try await counts(client, app)["openWarnings"] == 1)
            #expect(try await counts(client, app)["acknowledgedWarnings"] == 0)
            #expect(try await client.post("/v1/warnings/1/acknowledge", as: .admin, json: "", app: app).status == .conflict)
            #expect(try await client.post("/v1/warnings/2/dismiss", as: .admin, json: #"{"reason":"again"}"#, app: app).status == .conflict)

            // The list filters by state; a value that is not a state is refused
            #expect(try await ids(client, app, "?state=dismissed") == [2, 1])
            #expect(try await ids(client, app, "?state=open") == [3])
            #expect(try await ids(client, app, "?state=acknowledged").isEmpty)
            #expect(try await ids(client, app, "?state=open&clusterId=7").isEmpty)
            let bad = try await client.get("/v1/warnings?state=closed", as: .executive, app: app)
            #expect(bad.status == .badRequest)
            #expect(bad.problemType == "urn:swell:problem:invalid-parameter")
            #expect(bad.json["field"] as? String == "state")

            // Unknown warnings are not found
            #expect(try await client.post("/v1/warnings/99/acknowledge", as: .admin, json: "", app: app).status == .notFound)
            #expect(try await client.post("/v1/warnings/x/dismiss", as: .admin, json: #"{"reason":"r"}"#, app: app).status == .notFound)

            // When the dismissed cluster reaches the next level, its escalation is open and counted again
            try await Self.warn(app.store, cluster: 7, level: .orange, previous: .yellow, at: "2026-07-01T06:00:00Z")
            #expect(try await warning(client, app, 4)["state"] as? String == "open")
            #expect(try await warning(client, app, 2)["state"] as? String == "dismissed")
            #expect(try await counts(client, app)["openWarnings"] == 2)
            #expect(try await ids(client, app, "?state=open") == [4, 3])
            let summaryStates = try await client.get("/v1/summary", as: .executive, app: app).json["warnings"] as? [[String: Any]]
            #expect(summaryStates?.compactMap { $0["state"] as? String } == ["open", "open", "dismissed", "dismissed"])
        }
        // Each move is one audited event, carrying no reason and no personal data
        let events = try await app.store.events(after: 0, limit: 100)
        #expect(events.filter { $0.type == .warningAcknowledged }.count == 1)
        let dismissal = try #require(events.first { $0.type == .warningDismissed })
        #expect(dismissal.draft.clusterId == ClusterID(7))
        #expect(dismissal.draft.payload.contains(#""by":"admin""#) && dismissal.draft.payload.contains(#""warningIds":[1,2]"#))
        #expect(!events.contains { $0.draft.payload.contains("13812345678") || $0.draft.payload.contains("个人纠纷") })
    }

    @Test func openingAnIncidentLinksTheClustersWarnings() async throws {
        let app = try await TestApp(playbook: try TestPlaybook.load())  // auto-opens at orange
        try await Self.warn(app.store, cluster: 7, level: .blue, at: "2026-07-01T02:00:00Z")
        try await Self.warn(app.store, cluster: 7, level: .yellow, previous: .blue, at: "2026-07-01T03:00:00Z")
        try await app.run { client in
            let story = IncidentStory(app: app, client: client)
            // Given the earlier warning dismissed and the escalation open
            #expect(try await client.post("/v1/warnings/1/dismiss", as: .admin, json: #"{"reason":"looked like one tour"}"#, app: app).status == .ok)
            #expect(try await counts(client, app)["openWarnings"] == 1)

            // When an incident manager opens an incident on the cluster
            let opened = try await client.post("/v1/incidents", as: .incidentManager, json: #"{"clusterId":7}"#, app: app)
            #expect(opened.status == .created)
            let incident = try #require(opened.json["id"] as? Int)

            // Then every warning of the cluster is linked to it, the dismissed one too, and none counts as open
            for id in [1, 2] {
                let linked = try await warning(client, app, id)
                #expect(linked["state"] as? String == "incident", "warning \(id)")
                #expect(linked["incidentId"] as? Int == incident, "warning \(id)")
                #expect(linked["linkedAt"] as? String == "2026-07-02T00:00:00Z")
            }
            #expect(try await warning(client, app, 1)["dismissReason"] as? String == "looked like one tour")
            #expect(try await counts(client, app)["openWarnings"] == 0)
            let refused = try await client.post("/v1/warnings/2/dismiss", as: .admin, json: #"{"reason":"no"}"#, app: app)
            #expect(refused.status == .conflict)
            #expect(try await client.post("/v1/warnings/2/acknowledge", as: .admin, json: "", app: app).status == .conflict)

            // A later escalation of the same cluster joins the open incident
            try await Self.warn(app.store, cluster: 7, level: .orange, previous: .yellow, at: "2026-07-02T01:00:00Z")
            let joined = try await story.eventually(
                "the escalation linked", { try await warning(client, app, 3) }, until: { $0["state"] as? String == "incident" })
            #expect(joined["incidentId"] as? Int == incident)

            // And an incident the playbook opens by itself links its cluster's warning too
            try await Self.warn(app.store, cluster: 9, level: .orange, at: "2026-07-02T02:00:00Z")
            let auto = try await story.eventually(
                "the auto-opened incident's link", { try await warning(client, app, 4) }, until: { $0["state"] as? String == "incident" })
            let autoIncident = try #require(auto["incidentId"] as? Int)
            #expect(autoIncident != incident)
            #expect(try await client.get("/v1/incidents/\(autoIncident)", app: app).json["clusterId"] as? Int == 9)
            #expect(try await counts(client, app)["openWarnings"] == 0)
        }
        let linked = try await app.store.events(after: 0, limit: 500).filter { $0.type == .warningLinked }
        #expect(linked.count == 3)
        #expect(linked.first?.draft.incidentId != nil && linked.first?.draft.clusterId == ClusterID(7))
        #expect(linked.first?.draft.payload.contains(#""warningIds":[1,2]"#) == true)
    }

    @Test func warningsStoredBeforeTheyHadAStateJoinTheirActiveIncidentAtStart() async throws {
        let app = try await TestApp(playbook: try TestPlaybook.load(autoOpen: "never"))
        // Given an incident that an earlier release opened on cluster 7, its follower past every event
        try await Self.warn(app.store, cluster: 7, level: .yellow, at: "2026-07-01T02:00:00Z")
        let record = IncidentRecord(
            title: "Hotel", clusterId: ClusterID(7), warningId: WarningID(1), level: .yellow,
            playbook: .init(name: "group-complaint", version: "1"), openedAt: TestApp.now, openedBy: "anna")
        let opened = try await app.store.apply(
            [.openIncident(record, event: EventDraft(type: .incidentOpened, at: TestApp.now, clusterId: ClusterID(7)))], checkpoint: nil)
        let incident = try #require(opened.first?.draft.incidentId)
        let last = try await app.store.lastEventSeq()
        _ = try await app.store.apply([], checkpoint: FollowerCheckpoint(follower: IncidentEngine.followerName, seq: last))
        #expect(try await app.store.warning(WarningID(1))?.handling.state == .open)

        // When the server starts, the incident engine links the cluster's warning with an event
        try await app.run { client in
            let linked = try await IncidentStory(app: app, client: client).eventually(
                "the warning linked", { try await warning(client, app, 1) }, until: { $0["state"] as? String == "incident" })
            #expect(linked["incidentId"] as? Int == Int(incident.rawValue))
            #expect(try await counts(client, app)["openWarnings"] == 0)
        }
        #expect(try await app.store.events(after: 0, limit: 50).filter { $0.type == .warningLinked }.count == 1)
    }

    @Test func handledWarningsShowOnTheLiveFeed() async throws {
        let app = try await TestApp()
        try await Self.warn(app.store, cluster: 7, level: .blue, at: "2026-07-01T02:00:00Z")
        try await app.runLive { client in
            #expect(try await client.post("/v1/warnings/1/acknowledge", as: .incidentManager, json: "", app: app).status == .ok)
            #expect(try await client.post("/v1/warnings/1/dismiss", as: .admin, json: #"{"reason":"a private matter"}"#, app: app).status == .ok)
            let (messages, _) = try await FeedTests().collect(client, "/v1/feed?since=0", headers: app.headers(.executive)) { messages in
                messages.contains { $0.contains("warning.dismissed") }
            }
            let types = messages.compactMap { message in
                (try? JSONSerialization.jsonObject(with: Data(message.utf8)) as? [String: Any])?["type"] as? String
            }
            #expect(types.contains("warning.acknowledged") && types.contains("warning.dismissed"))
            #expect(!messages.contains { $0.contains("a private matter") })
        }
    }
}
