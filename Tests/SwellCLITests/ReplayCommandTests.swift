import Foundation
import Testing

@testable import SwellCLI

@Suite struct ReplayCommandTests {
    /// Every line of the output is JSON with the documented fields and types, whichever way a line was read (the
    /// scanner, or the decoder for a line it leaves) and written (by hand, or through JSONSerialization).
    @Test func replayWritesOneJSONLinePerPlacementAndPerFinalCluster() async throws {
        let folder = try scratchFolder()
        let file = folder.appendingPathComponent("stream.ndjson").path
        let output = folder.appendingPathComponent("out.ndjson").path
        let hotel = ["6月12日出发的澳洲团，说好的海景大酒店临时换成了小旅馆", "我们6/12出发，海景酒店根本不是五星", "6月12号澳洲团，海景大酒店被降级"]
        var lines = hotel.enumerated().map { n, text in
            #"{"externalId":"r-\#(n)","receivedAt":"2026-07-01T0\#(n):00:00Z","channel":"web","text":"\#(text)"}"#
        }
        lines.append(#"{"externalId":"r-\"quoted\"\\x","receivedAt":"2026-07-01T05:00:00Z","channel":"web","text":"a\tb"}"#)
        lines.append(#"{"externalId":"r-5","receivedAt":"2026-07-01T06:00:00Z","channel":"web","text":"酒店","product":7}"#)  // rejected: a number
        lines.append(#"{"externalId":"r-0","receivedAt":"2026-07-01T07:00:00Z","channel":"web","text":"again"}"#)  // repeated
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)

        try await runSwell(["replay", file, "--output", output])

        let records = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        let placements = records.filter { $0["type"] as? String == "placement" }
        let finals = records.filter { $0["type"] as? String == "final" }
        #expect(placements.count == 4)
        #expect(finals.count == 4)
        #expect(placements.map { $0["complaintId"] as? Int } == [1, 2, 3, 4])
        #expect(placements.map { $0["line"] as? Int } == [1, 2, 3, 4])
        #expect(placements[3]["externalId"] as? String == #"r-"quoted"\x"#)
        #expect(placements[0]["createdCluster"] as? Bool == true)
        for placement in placements {
            #expect(placement["similarity"] is Double || placement["similarity"] is Int)
            #expect(placement["clusterId"] is Int)
        }
        #expect(Set(finals.map { $0["externalId"] as? String ?? "" }) == ["r-0", "r-1", "r-2", #"r-"quoted"\x"#])
        // The hotel complaints end in one cluster.
        let hotelClusters = Set(finals.filter { ($0["externalId"] as? String)?.hasPrefix("r-") == true && $0["complaintId"] as? Int ?? 9 <= 3 }
            .map { $0["clusterId"] as? Int ?? -1 })
        #expect(hotelClusters.count == 1)
    }
}
