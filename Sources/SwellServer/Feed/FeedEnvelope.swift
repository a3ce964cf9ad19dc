import Foundation
import SwellCore
import SwellEngine

/// The text of one feed message (DESIGN.md section 4), encoded once by the hub and sent as is to every subscriber:
/// `{"seq":42,"at":"…","type":"warning.raised","incidentId":null,"clusterId":7,"complaintId":131,"data":{…}}`.
/// `data` is the event's stored payload, which never holds personal data. Heartbeats are
/// `{"type":"heartbeat","seq":<head>,"at":"…"}`: no event, only the newest seq the hub has seen.
enum FeedEnvelope {
    static func json(_ event: Event) -> String { EventEnvelope.json(event) }

    static func heartbeat(head: Int64, at: Date) -> String {
        #"{"type":"heartbeat","seq":\#(head),"at":"\#(RFC3339.format(at))"}"#
    }

    /// Who may see an event of this type: token events only admins; everything else every role.
    static func isAdminOnly(_ type: EventType) -> Bool {
        type.rawValue.hasPrefix("token.")
    }
}
