import Foundation
import SwellCore
import SwellStore

extension IncidentEngine {
    /// Logs a contact with an authority or organisation. A report sent to a regulator is the
    /// incident's "regulator report sent" milestone.
    public func logLiaison(incident id: IncidentID, _ contact: LiaisonContact) async throws -> Int64 {
        try await serialized {
            var record = try await active(id, changedAt: contact.at)
            try checkDeadlines([("followUpDue", contact.followUpDue), ("responseDue", contact.responseDue)], after: contact.at)
            var changes: [StoreChange] = [.addIncidentItem(
                IncidentItem(incidentId: id, at: contact.at, body: .liaison(contact)),
                event: IncidentEvents.simple(.liaisonLogged, incident: id, at: contact.at, [
                    "bodyKind": contact.bodyKind.rawValue, "channel": contact.channel, "by": contact.loggedBy,
                    "sent": contact.sent == nil ? "false" : "true", "referenceNo": contact.referenceNo ?? "",
                ]))]
            if contact.bodyKind == .regulator, contact.sent != nil {
                let timing = record.timing.recording(.regulatorReportSent, at: contact.at)
                if timing != record.timing {
                    record.timing = timing
                    changes.append(.saveIncident(record))
                }
            }
            let itemId = try await addItem(changes)
            try await addContactDeadlines(id)
            return itemId
        }
    }

    /// Logs a contact with the media.
    public func logMedia(incident id: IncidentID, _ contact: MediaContact) async throws -> Int64 {
        try await serialized {
            _ = try await active(id, changedAt: contact.at)
            try checkDeadlines([("followUpDue", contact.followUpDue)], after: contact.at)
            let itemId = try await addItem([.addIncidentItem(
                IncidentItem(incidentId: id, at: contact.at, body: .media(contact)),
                event: IncidentEvents.simple(.mediaContactLogged, incident: id, at: contact.at, [
                    "outlet": contact.outlet, "tone": contact.tone.rawValue, "channel": contact.channel, "by": contact.loggedBy,
                ]))])
            try await addContactDeadlines(id)
            return itemId
        }
    }

    /// Logs a public statement, a press conference or a decision about speaking to the media.
    public func logStatement(incident id: IncidentID, _ statement: PublicStatement) async throws -> Int64 {
        try await serialized {
            _ = try await active(id, changedAt: statement.at)
            return try await addItem([.addIncidentItem(
                IncidentItem(incidentId: id, at: statement.at, body: .statement(statement)),
                event: IncidentEvents.simple(.statementLogged, incident: id, at: statement.at, [
                    "kind": statement.kind.rawValue, "title": statement.title, "by": statement.loggedBy,
                ]))])
        }
    }

    /// An incident's items of one kind with their ids, oldest first.
    public func items(of id: IncidentID, kind: IncidentItem.Kind) async throws -> [IncidentItem] {
        _ = try await existing(id)
        return try await store.incidentItems(id, kind: kind)
    }

    /// Applies changes whose first adds an item; returns the new item's id.
    private func addItem(_ changes: [StoreChange]) async throws -> Int64 {
        let appended = try await store.apply(changes, checkpoint: nil)
        guard let id = appended.first.flatMap(StampedId.of) else {
            throw IncidentError.invalid(field: "body", message: "the record was not stored")
        }
        return id
    }
}
