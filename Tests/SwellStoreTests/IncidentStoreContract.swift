import Foundation
import SwellCore
import SwellStore
import Testing

/// The incident part of the case store contract: incidents and their items, each written with its event.
enum IncidentStoreContract {
    static func roundTrip(_ store: any CaseStore) async throws {
        let openedAt = RFC3339.parse("2026-07-01T03:00:00Z")!
        let record = IncidentRecord(
            title: "Hotel downgrade", clusterId: ClusterID(7), warningId: WarningID(3), level: .yellow,
            playbook: .init(name: "group-complaint", version: "1"), openedAt: openedAt, openedBy: "manager")

        // Given an opened incident: the event carries the new id
        let opened = try await store.apply(
            [.openIncident(record, event: EventDraft(type: .incidentOpened, at: openedAt, clusterId: ClusterID(7), payload: #"{"title":"x"}"#))],
            checkpoint: nil)
        let id = try #require(opened.first?.draft.incidentId)
        #expect(StampedId.of(try #require(opened.first)) == id.rawValue)
        #expect(opened.first?.draft.payload == #"{"id":\#(id.rawValue),"title":"x"}"#)
        var stored = try #require(try await store.incident(id))
        #expect(stored.id == id)
        #expect(stored.title == "Hotel downgrade" && stored.history.count == 1 && stored.timing[.opened] == openedAt)

        // A second incident on the same cluster is refused while the first is not closed
        await #expect(throws: (any Error).self) {
            _ = try await store.apply([.openIncident(record, event: EventDraft(type: .incidentOpened, at: openedAt))], checkpoint: nil)
        }
        #expect(try await store.lastEventSeq() == 1, "the refused transaction left nothing behind")

        // Items: a task with a key; the same key again is refused
        let task = IncidentTask(
            key: "notify_leadership", templateId: "notify_leadership", phaseId: "early_warning", titleZh: "通知领导",
            titleEn: "Notify leadership", ownerRole: .incidentManager, opensAt: openedAt, dueAt: openedAt.addingTimeInterval(3600),
            occurrence: nil)
        let item = IncidentItem(incidentId: id, key: task.key, at: task.dueAt, body: .task(task))
        let added = try await store.apply(
            [.addIncidentItem(item, event: EventDraft(type: .taskCreated, at: openedAt, incidentId: id, payload: #"{"key":"notify_leadership"}"#))],
            checkpoint: FollowerCheckpoint(follower: "incidents", seq: 1))
        let taskId = try #require(added.first.flatMap(StampedId.of))
        #expect(try await store.checkpoint(of: "incidents") == 1)
        await #expect(throws: (any Error).self) {
            _ = try await store.apply([.addIncidentItem(item, event: nil)], checkpoint: nil)
        }
        let media = MediaContact(
            at: openedAt.addingTimeInterval(60), loggedBy: "pr", outlet: "新京报", journalist: nil, channel: "phone",
            inquiry: "询问", said: nil, tone: .negative, followUpDue: nil)
        _ = try await store.apply([.addIncidentItem(IncidentItem(incidentId: id, at: media.at, body: .media(media)), event: nil)], checkpoint: nil)

        var done = task
        done.status = .done
        done.completedAt = openedAt.addingTimeInterval(1800)
        var doneItem = item
        doneItem.id = taskId
        doneItem.body = .task(done)
        _ = try await store.apply([.saveIncidentItem(doneItem)], checkpoint: nil)
        let tasks = try await store.incidentItems(id, kind: .task)
        #expect(tasks == [doneItem])
        #expect(try await store.incidentItem(taskId) == doneItem)
        #expect(try await store.incidentItems(id, kind: .media).map(\.body) == [.media(media)])
        #expect(try await store.incidentItems(id, kind: .offer).isEmpty)

        // Closing frees the cluster for a new incident; the filters see it
        stored.state = .closed
        stored.history.append(.init(state: .closed, at: openedAt.addingTimeInterval(7200), by: "manager"))
        _ = try await store.apply([.saveIncident(stored)], checkpoint: nil)
        #expect(try await store.incidents(activeOnly: true, clusterId: nil).isEmpty)
        let reopened = try await store.apply(
            [.openIncident(record, event: EventDraft(type: .incidentOpened, at: openedAt.addingTimeInterval(9000)))], checkpoint: nil)
        let second = try #require(reopened.first?.draft.incidentId)
        #expect(second != id)
        #expect(try await store.incidents(activeOnly: true, clusterId: ClusterID(7)).map(\.id) == [second])
        #expect(try await store.incidents(activeOnly: false, clusterId: ClusterID(7)).count == 2)
        #expect(try await store.incidents(activeOnly: false, clusterId: ClusterID(8)).isEmpty)
        #expect(try await store.incident(id)?.state == .closed)
        #expect(try await store.incident(IncidentID(9_999)) == nil)
    }
}
