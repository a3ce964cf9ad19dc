import Foundation
import Hummingbird
import HummingbirdTesting
import SwellCore
import Testing

@testable import SwellEngine
@testable import SwellServer

/// The executive summary, the metrics endpoint and the dashboard's files.
@Suite struct SummaryTests {
    @Test func anEmptyStoreHasAnEmptySummary() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let summary = try await client.get("/v1/summary", as: .executive, app: app)
            #expect(summary.status == .ok)
            #expect(summary.json["counts"] as? [String: Int] == ["complaintsLast24h": 0, "openWarnings": 0, "acknowledgedWarnings": 0, "openIncidents": 0])
            #expect((summary.json["warnings"] as? [Any])?.isEmpty == true)
            #expect((summary.json["incidents"] as? [Any])?.isEmpty == true)
            #expect((summary.json["hourlyComplaints"] as? [Any])?.isEmpty == true)
            #expect(try await client.get("/v1/summary", as: nil, app: app).status == .unauthorized)
        }
    }

    @Test func aWarningShowsWithItsTopTermsAndNoPersonalData() async throws {
        let app = try await TestApp(detection: .standard)
        try await app.run { client in
            // Given a group complaint arriving over three hours (as in DetectionRoutesTests), each with a phone number
            let detection = DetectionRoutesTests()
            for (n, text) in DetectionRoutesTests.hotelTexts.enumerated() {
                _ = try await detection.post(client, app, "s-\(n)", text, minute: n * 20, phone: "1390000\(String(format: "%04d", n))")
                if n == 2 {
                    for (m, other) in DetectionRoutesTests.unrelated.enumerated() {
                        _ = try await detection.post(client, app, "o-\(m)", other, minute: n * 20 + m, phone: "1370000000\(m)")
                    }
                }
            }
            // When the executive reads the summary (once the detector has warned)
            var summary: [String: Any] = [:]
            for _ in 0..<1_500 {
                summary = try await client.get("/v1/summary", as: .executive, app: app).json
                if (summary["warnings"] as? [Any])?.isEmpty == false { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            // Then the warning is there with its cluster's terms, counts end at the newest complaint
            let warning = try #require((summary["warnings"] as? [[String: Any]])?.last)
            #expect(["blue", "yellow", "orange", "red"].contains(warning["level"] as? String ?? ""))
            #expect(!((warning["topTerms"] as? [String]) ?? []).isEmpty)
            let counts = try #require(summary["counts"] as? [String: Int])
            #expect(counts["complaintsLast24h"] == 13)
            #expect(counts["openWarnings"] == 1)
            let hourly = try #require(summary["hourlyComplaints"] as? [[String: Any]])
            #expect(hourly.count == 48)
            #expect(hourly.last?["hour"] as? String == "2026-06-13T11:00:00Z")
            let text = String(decoding: try JSONSerialization.data(withJSONObject: summary), as: UTF8.self)
            #expect(!text.contains("张三") && !text.contains("1390000"))
        }
    }

    @Test func metricsCountRequestsAndTheLog() async throws {
        let app = try await TestApp()
        try await app.run { client in
            _ = try await client.post("/v1/complaints", json: complaintJSON("m-1"), app: app)
            _ = try await client.get("/v1/complaints/1", app: app)
            var text = ""
            for _ in 0..<500 {
                text = String(buffer: try await client.get("/metrics", as: nil, app: app).body)
                if text.contains("swell_complaints_ingested_total 1") { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(text.contains("swell_complaints_ingested_total 1"))
            #expect(text.contains(#"swell_http_requests_total{method="POST",route="/v1/complaints",status="201"} 1"#))
            #expect(text.contains(#"swell_http_request_duration_seconds_bucket{method="GET",route="/v1/complaints/{id}""#))
            #expect(text.contains("swell_feed_subscribers 0"))
        }
    }

    @Test func theDashboardIsServed() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let page = try await client.get("/", as: nil, app: app)
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(String(buffer: page.body).contains("/assets/dashboard.js"))
            for asset in ["dashboard.js", "dashboard.css", "i18n.js", "charts.js"] {
                #expect(try await client.get("/assets/\(asset)", as: nil, app: app).status == .ok, "\(asset)")
            }
            #expect(try await client.get("/assets/..%2FREADME.md", as: nil, app: app).status == .notFound)
            #expect(try await client.get("/assets/.hidden", as: nil, app: app).status == .notFound)
        }
    }
}
