import Foundation
import Hummingbird
import HummingbirdTesting
import SwellCore
import SwellDetection
import Testing

@testable import SwellEngine
@testable import SwellServer

/// The playbook's auto-open rule, and tiered incentives through the HTTP API: the server works out each
/// acceptance's tier from its time against the offer's publication.
@Suite struct OfferRoutesTests {
    /// The default playbook's collective bonus: once 90% of the eligible group accepted within 14 days, everyone who
    /// accepted gets 5% more, computed by the server and counted in the totals.
    @Test func theGroupEarnsTheCollectiveBonusOnceNinetyPercentAccepted() async throws {
        let app = try await TestApp(detection: .standard, playbook: try TestPlaybook.load(autoOpen: "blue"))
        try await app.run { client in
            let story = IncidentStory(app: app, client: client)
            _ = try await story.burst(10)
            let incidents = try await story.eventually(
                "the auto-opened incident", { try await story.items("/v1/incidents", as: .executive) }, until: { !$0.isEmpty })
            let id = try #require(incidents.first?["id"] as? Int)
            let members = try await story.items("/v1/incidents/\(id)/cases").compactMap { $0["complaintId"] as? Int }
            try #require(members.count >= 2)
            let publish = "{\"base\":{\"minorUnits\":100000,\"currency\":\"CNY\"},\"eligible\":2,\"at\":\"2026-07-01T04:00:00Z\"}"
            let offerId = try #require(try await client.post("/v1/incidents/\(id)/offers", as: .incidentManager, json: publish, app: app).json["id"] as? Int)
            func collective() async throws -> [String: Any] {
                let offer = try await client.get("/v1/incidents/\(id)/offers/\(offerId)", as: .executive, app: app).json
                return (offer["totals"] as? [String: Any])?["collective"] as? [String: Any] ?? [:]
            }
            #expect(try await collective()["threshold"] as? Int == 2)
            #expect(try await collective()["endsAt"] as? String == "2026-07-15T04:00:00Z")
            for (member, at) in [(members[0], "2026-07-01T05:00:00Z"), (members[1], "2026-07-01T09:00:00Z")] {
                let answered = try await client.post(
                    "/v1/incidents/\(id)/offers/\(offerId)/responses", as: .incidentManager,
                    json: "{\"complaintId\":\(member),\"decision\":\"accepted\",\"at\":\"\(at)\"}", app: app)
                #expect(answered.status == .created)
            }
            let reached = try await collective()
            #expect(reached["reachedAt"] as? String == "2026-07-01T09:00:00Z")
            #expect((reached["perComplainant"] as? [String: Any])?["minorUnits"] as? Int == 5_000)
            #expect((reached["total"] as? [String: Any])?["minorUnits"] as? Int == 10_000)
            let totals = try await client.get("/v1/incidents/\(id)/offers/\(offerId)", as: .executive, app: app).json["totals"] as? [String: Any]
            #expect((totals?["totalPayout"] as? [String: Any])?["minorUnits"] as? Int == 2 * 120_000 + 10_000)
        }
    }

    @Test func aWarningOpensAnIncidentAndAcceptancesEarnTheirTier() async throws {
        let app = try await TestApp(detection: .standard, playbook: try TestPlaybook.load(autoOpen: "blue"))
        try await app.run { client in
            let story = IncidentStory(app: app, client: client)
            let complaints = try await story.burst(10)
            let warning = try await story.firstWarning()

            // The auto-open rule opened exactly one incident on the warning's cluster
            let incidents = try await story.eventually(
                "the auto-opened incident", { try await story.items("/v1/incidents", as: .executive) }, until: { !$0.isEmpty })
            #expect(incidents.count == 1)
            let id = try #require(incidents.first?["id"] as? Int)
            let incident = try await client.get("/v1/incidents/\(id)", as: .executive, app: app).json
            #expect(incident["openedBy"] as? String == "auto-open")
            #expect(incident["clusterId"] as? Int == warning["clusterId"] as? Int)
            #expect(incident["openedAt"] as? String == warning["raisedAt"] as? String)
            _ = try await story.eventually("tasks", { try await story.items("/v1/incidents/\(id)/tasks") }, until: { !$0.isEmpty })

            // Members of the incident: the complaints the detector put in its cluster
            var members: [Int] = []
            for complaint in complaints where try await client.get("/v1/complaints/\(complaint)", app: app).json["clusterId"] as? Int == incident["clusterId"] as? Int {
                members.append(complaint)
            }
            try #require(members.count >= 6)

            // pr may not publish offers
            let publish = "{\"base\":{\"minorUnits\":100000,\"currency\":\"CNY\"},\"at\":\"2026-07-01T04:00:00Z\"}"
            #expect(try await client.post("/v1/incidents/\(id)/offers", as: .pr, json: publish, app: app).status == .forbidden)
            // An uplift out of range (also one too big for an integer) is a 422 on the field, and the server stays up
            for uplift in ["1e300", "-1e300", "1001", "-5"] {
                let body = "{\"base\":{\"minorUnits\":100000,\"currency\":\"CNY\"},\"upliftPercent\":\(uplift)}"
                let refused = try await client.post("/v1/incidents/\(id)/offers", as: .incidentManager, json: body, app: app)
                #expect(refused.status == .unprocessableContent, "upliftPercent \(uplift)")
                #expect(String(buffer: refused.body).contains("upliftPercent"))
            }
            let published = try await client.post("/v1/incidents/\(id)/offers", as: .incidentManager, json: publish, app: app)
            #expect(published.status == .created)
            let offerId = try #require(published.json["id"] as? Int)
            let tiers = try #require(published.json["tiers"] as? [[String: Any]])
            #expect(tiers.map { $0["endsAt"] as? String } == ["2026-07-04T04:00:00Z", "2026-07-08T04:00:00Z"])
            #expect(tiers.map { $0["percent"] as? Double } == [20, 10])

            // Answers in each window, each recorded after the fact; the client never says the tier
            app.clock.set("2026-07-10T00:00:00Z")
            func respond(_ complaint: Int, _ decision: String, _ at: String) async throws -> TestResponse {
                try await client.post(
                    "/v1/incidents/\(id)/offers/\(offerId)/responses", as: .incidentManager,
                    json: "{\"complaintId\":\(complaint),\"decision\":\"\(decision)\",\"at\":\"\(at)\",\"tier\":1}", app: app)
            }
            let first = try await respond(members[0], "accepted", "2026-07-02T04:00:00Z")
            #expect(first.status == .created)
            #expect(first.json["tier"] as? Int == 1)
            #expect((first.json["payout"] as? [String: Any])?["minorUnits"] as? Int == 120_000)
            #expect(try await respond(members[1], "accepted", "2026-07-04T04:00:00Z").json["tier"] as? Int == 1, "a tier includes its end")
            let second = try await respond(members[2], "accepted", "2026-07-06T00:00:00Z")
            #expect(second.json["tier"] as? Int == 2)
            #expect((second.json["bonus"] as? [String: Any])?["minorUnits"] as? Int == 10_000)
            let late = try await respond(members[3], "accepted", "2026-07-09T00:00:00Z")
            #expect(late.status == .created)
            #expect(late.json["tier"] == nil || late.json["tier"] is NSNull)
            #expect((late.json["bonus"] as? [String: Any])?["minorUnits"] as? Int == 0)
            #expect(try await respond(members[4], "refused", "2026-07-02T05:00:00Z").status == .created)
            let early = try await respond(members[5], "accepted", "2026-07-01T03:00:00Z")
            #expect(early.status == .unprocessableContent)
            #expect(try await respond(members[0], "accepted", "2026-07-02T05:00:00Z").status == .conflict)
            #expect(try await respond(999_999, "accepted", "2026-07-02T05:00:00Z").status == .unprocessableContent)

            // Totals: accepted count and rate, payout by tier
            let offer = try await client.get("/v1/incidents/\(id)/offers/\(offerId)", as: .executive, app: app).json
            let totals = try #require(offer["totals"] as? [String: Any])
            #expect(totals["accepted"] as? Int == 4)
            let byTier = try #require(totals["byTier"] as? [[String: Any]])
            #expect(byTier.map { $0["accepted"] as? Int } == [2, 1, 1])
            #expect((totals["totalPayout"] as? [String: Any])?["minorUnits"] as? Int == 120_000 * 2 + 110_000 + 100_000)
            let eligible = try #require(totals["eligible"] as? Int)
            #expect(eligible >= members.count)
            #expect(abs((totals["rate"] as? Double ?? 0) - 4.0 / Double(eligible)) < 1e-9)

            // The acceptance curve, bucket by bucket: local days in Shanghai, counts cumulative at each day's end
            let curve = try await client.get("/v1/incidents/\(id)/offers/\(offerId)/curve?bucket=day", as: .executive, app: app).json
            let buckets = try #require(curve["buckets"] as? [[String: Any]])
            try #require(buckets.count >= 9)
            #expect(buckets.first?["endsAt"] as? String == "2026-07-01T16:00:00Z")
            #expect(buckets.prefix(9).map { $0["accepted"] as? Int } == [0, 1, 1, 2, 2, 3, 3, 3, 4])
            #expect(buckets.prefix(9).map { $0["refused"] as? Int } == [0, 1, 1, 1, 1, 1, 1, 1, 1])
            #expect(buckets.allSatisfy { ($0["pending"] as? Int) == eligible - ($0["accepted"] as? Int ?? 0) - ($0["refused"] as? Int ?? 0) })
            #expect((curve["tiers"] as? [[String: Any]])?.map { $0["endsAt"] as? String } == ["2026-07-04T04:00:00Z", "2026-07-08T04:00:00Z"])
            let hourly = try await client.get("/v1/incidents/\(id)/offers/\(offerId)/curve?bucket=hour", as: .executive, app: app).json
            let hours = try #require(hourly["buckets"] as? [[String: Any]])
            #expect(hours.first?["endsAt"] as? String == "2026-07-01T05:00:00Z")
            #expect(hours.first { $0["endsAt"] as? String == "2026-07-02T05:00:00Z" }?["accepted"] as? Int == 1)
            #expect(try await client.get("/v1/incidents/\(id)/offers/\(offerId)/curve?bucket=week", app: app).status == .badRequest)
            #expect(try await client.get("/v1/incidents/\(id)/offers/999/curve", app: app).status == .notFound)

            // The summary carries the acceptance, with the curve's latest buckets for the dashboard
            let summary = try #require(try await story.items("/v1/incidents", as: .executive).first)
            let acceptance = try #require(summary["acceptance"] as? [String: Any])
            #expect(acceptance["accepted"] as? Int == 4)
            #expect(acceptance["refused"] as? Int == 1)
            #expect(acceptance["eligible"] as? Int == eligible)
            #expect(acceptance["offerId"] as? Int == offerId)
            #expect(acceptance["curveBucket"] as? String == "day")
            #expect((acceptance["curve"] as? [[String: Any]])?.last?["accepted"] as? Int == 4)

            // A new version from the compensation table; the old one takes no more answers
            let second2 = try await client.post(
                "/v1/incidents/\(id)/offers", as: .admin,
                json: "{\"category\":\"downgraded_service\",\"amount\":{\"minorUnits\":50000,\"currency\":\"CNY\"},\"at\":\"2026-07-05T00:00:00Z\"}",
                app: app)
            #expect(second2.status == .created)
            #expect(second2.json["version"] as? Int == 2)
            #expect(second2.json["supersedes"] as? Int == offerId)
            #expect((second2.json["base"] as? [String: Any])?["minorUnits"] as? Int == 100_000)
            let stale = try await respond(members[6], "accepted", "2026-07-05T01:00:00Z")
            #expect(stale.status == .conflict)
            #expect(stale.problemType == "urn:swell:problem:offer-superseded")
            let unknown = try await client.post(
                "/v1/incidents/\(id)/offers", as: .admin, json: "{\"category\":\"no_such_thing\"}", app: app)
            #expect(unknown.status == .unprocessableContent)
            #expect(try await story.items("/v1/incidents/\(id)/offers").count == 2)
            // Published terms cannot be edited in place: only a new version changes them
            let edit = try await story.send(.put, "/v1/incidents/\(id)/offers/\(offerId)", as: .admin, json: publish)
            #expect(edit.status == .methodNotAllowed)
            #expect(edit.headers[.allow] == "GET")
            let first2 = try await client.get("/v1/incidents/\(id)/offers/\(offerId)", as: .executive, app: app).json
            #expect(first2["current"] as? Bool == false)
            #expect((first2["tiers"] as? [[String: Any]])?.first?["endsAt"] as? String == "2026-07-04T04:00:00Z")
        }
        let types = try await app.store.events(after: 0, limit: 5000).map(\.type.rawValue)
        #expect(types.filter { $0 == "incident.opened" }.count == 1)
        #expect(types.filter { $0 == "offer.published" }.count == 2)
        #expect(types.filter { $0 == "offer.response_recorded" }.count == 5)
    }
}
