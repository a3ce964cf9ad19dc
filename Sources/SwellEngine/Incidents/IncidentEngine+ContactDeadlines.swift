import Foundation
import SwellCore
import SwellStore

/// Deadlines that contacts set: a liaison or media contact's `followUpDue`, and an authority's `responseDue`,
/// become tasks of the incident (kinds `follow_up` and `authority_response`) that go overdue like any task and
/// can be marked done. Keyed by the contact, so planning them again finds them made.
extension IncidentEngine {
    /// The deadline tasks the incident's contacts call for and that do not exist yet.
    func contactDeadlineChanges(_ id: IncidentID, existingKeys: Set<String>) async throws -> [StoreChange] {
        var tasks: [IncidentTask] = []
        for item in try await store.incidentItems(id, kind: .liaison) {
            guard case .liaison(let contact) = item.body, let contactId = item.id else { continue }
            let reference = contact.referenceNo.map { "（\($0)）" } ?? ""
            if let due = contact.followUpDue {
                tasks.append(Self.deadlineTask(
                    .followUp, contact: contactId, opensAt: contact.at, dueAt: due, owner: contact.loggedByRole ?? .incidentManager,
                    zh: "跟进联络：\(contact.body)\(reference)", en: "Follow up with \(contact.body)\(contact.referenceNo.map { " (ref \($0))" } ?? "")"))
            }
            if let due = contact.responseDue {
                tasks.append(Self.deadlineTask(
                    .authorityResponse, contact: contactId, opensAt: contact.at, dueAt: due, owner: .incidentManager,
                    zh: "按期答复\(contact.body)\(reference)",
                    en: "Answer \(contact.body) by its deadline\(contact.referenceNo.map { " (ref \($0))" } ?? "")"))
            }
        }
        for item in try await store.incidentItems(id, kind: .media) {
            guard case .media(let contact) = item.body, let contactId = item.id, let due = contact.followUpDue else { continue }
            tasks.append(Self.deadlineTask(
                .followUp, contact: contactId, opensAt: contact.at, dueAt: due, owner: contact.loggedByRole ?? .pr,
                zh: "跟进媒体：\(contact.outlet)", en: "Follow up with \(contact.outlet)"))
        }
        return tasks.filter { !existingKeys.contains($0.key) }.map { task in
            .addIncidentItem(
                IncidentItem(incidentId: id, key: task.key, at: task.dueAt, body: .task(task)),
                event: IncidentEvents.task(.taskCreated, task, incident: id, at: task.opensAt))
        }
    }

    static func deadlineTask(
        _ kind: IncidentTaskKind, contact: Int64, opensAt: Date, dueAt: Date, owner: Role, zh: String, en: String
    ) -> IncidentTask {
        var task = IncidentTask(
            key: "\(kind.rawValue):\(contact)", templateId: kind.rawValue, phaseId: "liaison", titleZh: zh, titleEn: en,
            ownerRole: owner, opensAt: opensAt, dueAt: dueAt, occurrence: nil)
        task.kind = kind
        task.contactId = contact
        return task
    }

    /// Writes the deadline tasks of a contact just logged (the scheduler would find them on its next pass too).
    func addContactDeadlines(_ id: IncidentID) async throws {
        let existing = Set(try await store.incidentItems(id, kind: .task).compactMap(\.key))
        let changes = try await contactDeadlineChanges(id, existingKeys: existing)
        if !changes.isEmpty { _ = try await store.apply(changes, checkpoint: nil) }
    }

    /// A contact's deadlines must come after the contact.
    func checkDeadlines(_ deadlines: [(field: String, due: Date?)], after at: Date) throws {
        for (field, due) in deadlines {
            guard let due else { continue }
            guard due > at else {
                throw IncidentError.invalid(field: field, message: "must be after the contact (\(RFC3339.format(at)))")
            }
        }
    }
}
