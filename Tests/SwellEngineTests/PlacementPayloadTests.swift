import Foundation
import SwellCore
import Testing

@testable import SwellEngine

@Suite struct PlacementPayloadTests {
    /// Written once per placed complaint by hand: it must be the encoder's very text, whatever the similarity.
    @Test func aPlacementsPayloadIsTheEncodersText() {
        for step in 0...1_000 {
            let payload = PlacementPayload(
                complaintId: Int64(step) * 7_919, similarity: (Double(step) / 1_000 * 1_000).rounded() / 1_000,
                memberCount: step + 1, distinctComplainants: step / 2 + 1)
            #expect(EventDraft.payload(payload) == EventDraft.payload(ThroughCodable(payload)), "\(step)")
        }
    }
}

/// Any payload, encoded the general way (through `Codable`): the hand-written overload does not apply to it.
private struct ThroughCodable<Value: Encodable>: Encodable {
    var value: Value
    init(_ value: Value) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
