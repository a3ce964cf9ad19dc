public import Foundation

/// One event as the outside world sees it, in the feed and in webhooks (DESIGN.md section 4):
/// `{"seq":42,"at":"…","type":"warning.raised","incidentId":null,"clusterId":7,"complaintId":131,"data":{…}}`.
/// `data` is the event's stored payload, which never holds personal data.
public enum EventEnvelope {
    public static func json(_ event: Event) -> String {
        let draft = event.draft
        var text = #"{"seq":\#(event.seq),"at":"\#(RFC3339.format(draft.at))","type":\#(quoted(draft.type.rawValue))"#
        text += #","incidentId":\#(number(draft.incidentId?.rawValue))"#
        text += #","clusterId":\#(number(draft.clusterId?.rawValue))"#
        text += #","complaintId":\#(number(draft.complaintId?.rawValue))"#
        text += #","data":\#(draft.payload.isEmpty ? "{}" : draft.payload)}"#
        return text
    }

    private static func number(_ value: Int64?) -> String {
        value.map(String.init) ?? "null"
    }

    static func quoted(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data(#""""#.utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
