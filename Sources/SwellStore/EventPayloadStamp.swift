import Foundation
import SwellCore

/// Puts an id the store has just assigned into an event's JSON payload (as `"id"`), so the event names
/// the row it announces. Keys stay sorted, so the payload text (and its hash) is stable.
enum EventPayloadStamp {
    static func stamping(_ id: Int64, into draft: EventDraft) -> EventDraft {
        var draft = draft
        var object = (try? JSONSerialization.jsonObject(with: Data(draft.payload.utf8)) as? [String: Any]) ?? [:]
        object["id"] = id
        if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) {
            draft.payload = String(decoding: data, as: UTF8.self)
        }
        return draft
    }
}

/// The id stamped into an event's payload by the store (see `EventPayloadStamp`).
public enum StampedId {
    public static func of(_ event: Event) -> Int64? {
        struct Stamp: Decodable { var id: Int64 }
        return try? JSONDecoder().decode(Stamp.self, from: Data(event.draft.payload.utf8)).id
    }
}
