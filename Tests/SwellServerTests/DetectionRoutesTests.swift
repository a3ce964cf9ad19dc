import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SwellCore
import SwellDetection
import Testing

@testable import SwellEngine
@testable import SwellServer

/// Detection through the HTTP API: post a stream, read clusters and warnings back, correct them.
@Suite struct DetectionRoutesTests {
    static let hotelTexts = [
        "6月12日出发的澳洲8日游，合同写的四星酒店，结果住进了汽车旅馆，强烈要求退还差价",
        "AU-8D-0612团，说好的四星级酒店变成了路边汽车旅馆，房间又脏又小，要求赔偿",
        "澳洲八日游6月12日团 酒店被降级 四星变成汽车旅馆 旅行社必须给说法",
        "我们6/12出发的澳洲团，酒店和合同不符，四星酒店换成了汽车旅馆，要求退差价并道歉",
        "澳洲8天团（6月12日出发）入住的不是合同里的四星酒店，是汽车旅馆，太过分了",
        "6月12号澳洲团的酒店严重降级，合同四星实际是汽车旅馆，要求全额退还住宿差价",
        "同团的人都很气愤：6月12日澳洲八日游酒店从四星降成汽车旅馆，要求赔偿",
        "澳洲8日游6月12日出发，旅行社擅自把四星酒店换成汽车旅馆，我们要投诉到12315",
        "投诉澳洲八日游（6月12日团）：酒店不符合合同约定的四星标准，是汽车旅馆，要求退款",
        "6月12日澳洲团酒店降级为汽车旅馆，与合同四星不符，已联系媒体记者曝光",
    ]
    static let unrelated = [
        "导游在云南丽江强迫我们购物，不买就甩脸色",
        "The coach to the Great Wall broke down and we waited four hours in the sun",
        "邮轮上的自助餐太难吃了，服务员态度也差",
    ]

    func post(_ client: any TestClientProtocol, _ app: TestApp, _ id: String, _ text: String, minute: Int, phone: String) async throws -> Int {
        let time = RFC3339.format(RFC3339.parse("2026-06-13T08:00:00Z")!.addingTimeInterval(Double(minute) * 60))
        let body = """
            {"externalId":"\(id)","receivedAt":"\(time)","channel":"web","text":"\(text)","complainant":{"phone":"\(phone)"}}
            """
        let response = try await client.post("/v1/complaints", json: body, app: app)
        #expect(response.status == .created)
        return response.json["id"] as? Int ?? 0
    }

    /// Waits (bounded) until the detector has placed complaint `id`.
    func clusterOf(_ client: any TestClientProtocol, _ app: TestApp, _ id: Int) async throws -> Int? {
        for _ in 0..<1_500 {
            if let cluster = try await client.get("/v1/complaints/\(id)", app: app).json["clusterId"] as? Int { return cluster }
            try await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    @Test func aGroupComplaintIsClusteredAndWarned() async throws {
        let app = try await TestApp(detection: .standard)
        try await app.run { client in
            var hotel: [Int] = []
            for (n, text) in Self.hotelTexts.enumerated() {
                hotel.append(try await post(client, app, "hotel-\(n)", text, minute: n * 20, phone: "1390000\(String(format: "%04d", n))"))
                if n == 2 {
                    for (m, other) in Self.unrelated.enumerated() {
                        _ = try await post(client, app, "other-\(m)", other, minute: n * 20 + m, phone: "1370000000\(m)")
                    }
                }
            }
            let clusterIds = try await withThrowingTaskGroup(of: Int?.self) { _ in
                var ids: [Int?] = []
                for id in hotel { ids.append(try await clusterOf(client, app, id)) }
                return ids
            }
            let main = try #require(clusterIds.compactMap { $0 }.first)
            #expect(clusterIds.filter { $0 == main }.count >= 8, "hotel complaints should share one cluster: \(clusterIds)")

            let detail = try await client.get("/v1/clusters/\(main)", app: app).json
            let cluster = try #require(detail["cluster"] as? [String: Any])
            #expect((cluster["memberCount"] as? Int ?? 0) >= 8)
            #expect(!((cluster["topTerms"] as? [String]) ?? []).isEmpty)
            #expect((detail["dailyCounts"] as? [[String: Any]])?.isEmpty == false)

            let warnings = try #require(try await client.get("/v1/warnings", app: app).json["items"] as? [[String: Any]])
            let raised = try #require(warnings.first { $0["clusterId"] as? Int == main && $0["kind"] as? String == "raised" })
            #expect(["blue", "yellow", "orange", "red"].contains(raised["level"] as? String ?? ""))
            #expect(hotel.contains(raised["triggeringComplaintId"] as? Int ?? -1))
            #expect((raised["complaintCount"] as? Int ?? 0) >= 8)
            #expect(!((raised["reasons"] as? [Any]) ?? []).isEmpty)
            #expect(raised["rule"] is String)

            let clusters = try #require(try await client.get("/v1/clusters", app: app).json["items"] as? [[String: Any]])
            #expect(clusters.first?["id"] as? Int == main || clusters.contains { $0["id"] as? Int == main })
        }
        let types = Set(try await app.store.events(after: 0, limit: 1000).map(\.type.rawValue))
        #expect(types.isSuperset(of: ["complaint.received", "cluster.created", "cluster.updated", "warning.raised"]))
    }

    @Test func aClusterSaysWhyAComplaintIsInItOrNot() async throws {
        let app = try await TestApp(detection: .standard)
        try await app.run { client in
            var hotel: [Int] = []
            for (n, text) in Self.hotelTexts.prefix(8).enumerated() {
                hotel.append(try await post(client, app, "why-\(n)", text, minute: n * 10, phone: "1390000\(String(format: "%04d", n))"))
            }
            let other = try await post(client, app, "why-other", Self.unrelated[0], minute: 90, phone: "13700000009")
            _ = try await clusterOf(client, app, other)
            let main = try #require(try await clusterOf(client, app, hotel[0]))

            // A member: its score, the entities and terms it shares with the cluster
            let member = try await client.get("/v1/clusters/\(main)?complaintId=\(hotel[2])", as: .pr, app: app).json
            let why = try #require(member["explanation"] as? [String: Any])
            #expect(why["inCluster"] as? Bool == (try await clusterOf(client, app, hotel[2]) == main))
            #expect((why["score"] as? Double ?? 0) > 0)
            #expect((why["text"] as? Double ?? 0) > 0.1)
            #expect(!((why["sharedTerms"] as? [String]) ?? []).isEmpty)
            #expect(((why["sharedEntities"] as? [String]) ?? []).contains { $0.hasPrefix("date:") }, "\(why)")
            #expect(why["complainantAgreement"] as? Double == 0)  // its own complaint is not its earlier one

            // The same person again, in other words: placed by who complains, and the explanation says so
            let followUp = try await post(
                client, app, "why-again", "我已经投诉过了，酒店的问题旅行社到现在不处理，要求尽快退差价", minute: 95,
                phone: "13900000002")
            let earlier = try #require(try await clusterOf(client, app, hotel[2]))
            #expect(try await clusterOf(client, app, followUp) == earlier)
            let again = try await client.get("/v1/clusters/\(earlier)?complaintId=\(followUp)", as: .pr, app: app).json
            let because = try #require(again["explanation"] as? [String: Any])
            #expect(because["complainantAgreement"] as? Double == 0.15, "\(because)")

            // A complaint about something else: not in it, would not join
            let outsider = try await client.get("/v1/clusters/\(main)?complaintId=\(other)", as: .pr, app: app).json
            let no = try #require(outsider["explanation"] as? [String: Any])
            #expect(no["inCluster"] as? Bool == false)
            #expect(no["wouldJoin"] as? Bool == false)

            #expect(try await client.get("/v1/clusters/\(main)?complaintId=999999", as: .pr, app: app).status == .notFound)
            #expect(try await client.get("/v1/clusters/\(main)?complaintId=abc", as: .pr, app: app).status == .badRequest)
        }
    }

    @Test func peopleCanSplitMergeAndMove() async throws {
        let app = try await TestApp(detection: .standard)
        try await app.run { client in
            var ids: [Int] = []
            for (n, text) in Self.hotelTexts.prefix(8).enumerated() {
                ids.append(try await post(client, app, "h-\(n)", text, minute: n, phone: "1390000000\(n)"))
            }
            var clusterOfComplaint: [Int: Int] = [:]
            for id in ids { clusterOfComplaint[id] = try #require(try await clusterOf(client, app, id)) }
            let sizes = Dictionary(grouping: ids) { clusterOfComplaint[$0] ?? 0 }
            let (main, members) = try #require(sizes.max { $0.value.count < $1.value.count })
            try #require(members.count >= 3, "the hotel complaints should mostly share a cluster: \(sizes)")

            // intake may not correct clusters
            let refused = try await client.post("/v1/clusters/\(main)/split", as: .intake, json: "{\"complaintIds\":[\(members[1])]}", app: app)
            #expect(refused.status == .forbidden)

            let split = try await client.post("/v1/clusters/\(main)/split", as: .incidentManager, json: "{\"complaintIds\":[\(members[1])]}", app: app)
            #expect(split.status == .created)
            let newCluster = try #require(split.json["id"] as? Int)
            #expect(try await client.get("/v1/complaints/\(members[1])", app: app).json["clusterId"] as? Int == newCluster)

            // a further similar complaint must not re-merge what a person split
            let later = try await post(client, app, "h-late", Self.hotelTexts[8], minute: 30, phone: "13900000099")
            _ = try await clusterOf(client, app, later)
            #expect(try await client.get("/v1/complaints/\(members[1])", app: app).json["clusterId"] as? Int == newCluster)

            let moved = try await client.post("/v1/complaints/\(members[2])/move", as: .incidentManager, json: "{\"clusterId\":\(newCluster)}", app: app)
            #expect(moved.status == .ok)
            #expect(try await client.get("/v1/complaints/\(members[2])", app: app).json["clusterId"] as? Int == newCluster)

            let merged = try await client.post("/v1/clusters/\(newCluster)/merge", as: .admin, json: "{\"into\":\(main)}", app: app)
            #expect(merged.status == .ok)
            #expect(try await client.get("/v1/complaints/\(members[1])", app: app).json["clusterId"] as? Int == main)
            let absorbed = try await client.get("/v1/clusters/\(newCluster)", app: app).json["cluster"] as? [String: Any]
            #expect(absorbed?["mergedInto"] as? Int == main)

            let bad = try await client.post("/v1/clusters/\(main)/merge", as: .admin, json: "{\"into\":\(main)}", app: app)
            #expect(bad.status == .unprocessableContent)
            let unknown = try await client.post("/v1/clusters/9999/split", as: .admin, json: "{\"complaintIds\":[1]}", app: app)
            #expect(unknown.status == .notFound)
            // What the path names and is missing is 404; what the body names and is missing is 422 on its field
            let toNowhere = try await client.post("/v1/complaints/\(members[2])/move", as: .admin, json: "{\"clusterId\":9999}", app: app)
            #expect(toNowhere.status == .unprocessableContent)
            #expect(toNowhere.json["field"] as? String == "clusterId")
            let intoNowhere = try await client.post("/v1/clusters/\(main)/merge", as: .admin, json: "{\"into\":9999}", app: app)
            #expect(intoNowhere.status == .unprocessableContent)
            #expect(intoNowhere.json["field"] as? String == "into")
            let nobody = try await client.post("/v1/clusters/\(main)/split", as: .admin, json: "{\"complaintIds\":[99999]}", app: app)
            #expect(nobody.status == .unprocessableContent)
            #expect(nobody.json["field"] as? String == "complaintIds")
            let missingComplaint = try await client.post("/v1/complaints/99999/move", as: .admin, json: "{\"clusterId\":\(main)}", app: app)
            #expect(missingComplaint.status == .notFound)
        }
        let types = try await app.store.events(after: 0, limit: 1000).map(\.type)
        #expect(types.contains(.clusterSplit) && types.contains(.complaintMoved) && types.contains(.clusterMerged))
    }
}
