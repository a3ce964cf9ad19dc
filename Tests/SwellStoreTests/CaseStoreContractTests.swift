import Foundation
import SwellCore
import SwellStore
import Testing

/// The case store contract, run against every back end: SQLite always; PostgreSQL when
/// `SWELL_TEST_POSTGRES_URL` is set (`scripts/with-postgres`), and reported as skipped otherwise.
/// Each behaviour runs on a fresh, empty store.
@Suite struct CaseStoreContractTests {
    @Test("Case store contract on SQLite", arguments: StoreBehaviour.allCases)
    func sqlite(_ behaviour: StoreBehaviour) async throws {
        try await StoreBackend.sqlite.withStore(behaviour.check)
    }

    @Test(
        "Case store contract on PostgreSQL",
        .enabled(if: PostgresTestDatabase.isConfigured, Comment(rawValue: PostgresTestDatabase.skipReason)),
        arguments: StoreBehaviour.allCases)
    func postgres(_ behaviour: StoreBehaviour) async throws {
        try await StoreBackend.postgres.withStore(behaviour.check)
    }
}

/// What every `CaseStore` must do, one case per behaviour.
enum StoreBehaviour: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case ingestIsIdempotentByExternalId
    case storesEveryFieldAndReadsItBack
    case aBatchOfAThousandIsOneTransaction
    case externalIdsAreComparedByTheirBytes
    case concurrentWritersKeepTheChainContiguousAndValid
    case listsNewestFirstWithFiltersAndCursor
    case equalTimesPageByIdWithoutLossOrRepeat
    case tokensAreLookedUpByHashAndRevocable
    case applyMovesTheCheckpointWithItsChanges
    case signalWakesSubscribersAfterCommit
    case placementsApplyInOrderWithinOneBatch
    case clustersWarningsAndMergesRoundTrip
    case hourlyCountsEndWithTheNewestComplaint
    case incidentsAndTheirItemsRoundTrip
    case warningHandlingFollowsTheThread
    case notificationChannelsAndDeliveriesRoundTrip
    case idempotencyKeysKeepTheFirstAnswer
    case complaintCasesAreComparedAndSet
    case searchFindsEitherScriptWithFiltersAndPaging
    case mentionsAreStoredOnceReadAndCorrected
    case personalDataIsErasedPastRetention
    case playbookVersionsAreKeptOnce

    var testDescription: String { rawValue }

    func check(_ store: any CaseStore) async throws {
        switch self {
        case .ingestIsIdempotentByExternalId: try await Self.ingestIsIdempotentByExternalId(store)
        case .storesEveryFieldAndReadsItBack: try await Self.storesEveryFieldAndReadsItBack(store)
        case .aBatchOfAThousandIsOneTransaction: try await Self.aBatchOfAThousandIsOneTransaction(store)
        case .externalIdsAreComparedByTheirBytes: try await Self.externalIdsAreComparedByTheirBytes(store)
        case .concurrentWritersKeepTheChainContiguousAndValid: try await Self.concurrentWritersKeepTheChainContiguousAndValid(store)
        case .listsNewestFirstWithFiltersAndCursor: try await Self.listsNewestFirstWithFiltersAndCursor(store)
        case .equalTimesPageByIdWithoutLossOrRepeat: try await Self.equalTimesPageByIdWithoutLossOrRepeat(store)
        case .tokensAreLookedUpByHashAndRevocable: try await Self.tokensAreLookedUpByHashAndRevocable(store)
        case .applyMovesTheCheckpointWithItsChanges: try await Self.applyMovesTheCheckpointWithItsChanges(store)
        case .signalWakesSubscribersAfterCommit: try await Self.signalWakesSubscribersAfterCommit(store)
        case .placementsApplyInOrderWithinOneBatch: try await Self.placementsApplyInOrderWithinOneBatch(store)
        case .clustersWarningsAndMergesRoundTrip: try await Self.clustersWarningsAndMergesRoundTrip(store)
        case .hourlyCountsEndWithTheNewestComplaint: try await Self.hourlyCountsEndWithTheNewestComplaint(store)
        case .incidentsAndTheirItemsRoundTrip: try await IncidentStoreContract.roundTrip(store)
        case .warningHandlingFollowsTheThread: try await WarningStoreContract.roundTrip(store)
        case .notificationChannelsAndDeliveriesRoundTrip: try await NotificationStoreContract.roundTrip(store)
        case .idempotencyKeysKeepTheFirstAnswer: try await IdempotencyStoreContract.roundTrip(store)
        case .complaintCasesAreComparedAndSet: try await ComplaintCaseStoreContract.roundTrip(store)
        case .searchFindsEitherScriptWithFiltersAndPaging: try await SearchStoreContract.roundTrip(store)
        case .mentionsAreStoredOnceReadAndCorrected: try await MentionStoreContract.roundTrip(store)
        case .personalDataIsErasedPastRetention: try await RetentionStoreContract.roundTrip(store)
        case .playbookVersionsAreKeptOnce: try await PlaybookStoreContract.roundTrip(store)
        }
    }

    private static func hourlyCountsEndWithTheNewestComplaint(_ store: any CaseStore) async throws {
        #expect(try await store.hourlyComplaintCounts(hours: 48).isEmpty)

        // Given complaints at 05:10, twice at 08:15 and 08:59 the next day, and one far outside the window
        let times = ["2026-06-01T00:00:00Z", "2026-06-30T05:10:00Z", "2026-07-01T08:15:00Z", "2026-07-01T08:59:59Z", "2026-07-01T08:15:00Z"]
        _ = try await store.ingest(times.enumerated().map { sampleComplaint($0.offset + 1, at: $0.element) }, at: storeNow)

        // When asked for the 48 hours ending with the newest complaint's hour (event time, not the clock)
        let series = try await store.hourlyComplaintCounts(hours: 48)

        // Then every hour is there, oldest first, with empty hours as 0
        #expect(series.count == 48)
        #expect(series.first?.hour == "2026-06-29T09:00:00Z")
        #expect(series.last == HourlyCount(hour: "2026-07-01T08:00:00Z", count: 3))
        #expect(series.first { $0.hour == "2026-06-30T05:00:00Z" }?.count == 1)
        #expect(series.map(\.count).reduce(0, +) == 4)
        #expect(try await store.hourlyComplaintCounts(hours: 1) == [HourlyCount(hour: "2026-07-01T08:00:00Z", count: 3)])
    }

    private static func ingestIsIdempotentByExternalId(_ store: any CaseStore) async throws {
        let first = try await store.ingest([sampleComplaint(1), sampleComplaint(2)], at: storeNow)
        #expect(first.allSatisfy { $0.isCreated })

        // Given the same externalId again (even with other content), and a repeat inside one batch
        var changed = sampleComplaint(1)
        changed.text = "something else"
        let second = try await store.ingest([changed, sampleComplaint(3), sampleComplaint(3)], at: storeNow)

        #expect(second.map(\.isCreated) == [false, true, false])
        #expect(second[0].complaint == first[0].complaint)
        #expect(second[2].complaint == second[1].complaint)
        #expect(try await store.lastEventSeq() == 3)  // one event per stored complaint, none for repeats
        #expect(try await store.ingest([], at: storeNow).isEmpty)
    }

    private static func storesEveryFieldAndReadsItBack(_ store: any CaseStore) async throws {
        var full = sampleComplaint(1)
        full.complainant.email = "k@example.com"
        full.supplier = "金色假期"
        full.demand = "退还差价"
        var sparse = sampleComplaint(2, product: nil)
        sparse.departure = nil
        sparse.complainant = Complainant(name: nil, phone: nil)
        let created = try await store.ingest([full, sparse], at: storeNow).map(\.complaint)

        #expect(created.map(\.content) == [full, sparse])
        #expect(created[0].id < created[1].id)
        for complaint in created {
            #expect(try await store.complaint(complaint.id) == complaint)
        }
        let byIds = try await store.complaints(ids: created.map(\.id) + [ComplaintID(999_999)])
        #expect(Set(byIds.map(\.id)) == Set(created.map(\.id)))
        #expect(try await store.complaint(ComplaintID(999_999)) == nil)
        #expect(try await store.complaints(ids: []).isEmpty)

        let event = try #require(try await store.events(after: 0, limit: 1).first)
        #expect(event.type == .complaintReceived)
        #expect(event.draft.complaintId == created[0].id)
        #expect(event.at == storeNow)
        #expect(!event.draft.payload.contains("客人1"))  // no personal data in the log
    }

    /// Two ids Swift calls equal (`é` composed, and `e` with a combining accent) are two complaints, in one batch or
    /// two: a complaint is never dropped as a duplicate of another one.
    private static func externalIdsAreComparedByTheirBytes(_ store: any CaseStore) async throws {
        var composed = sampleComplaint(1)
        composed.externalId = "caf\u{E9}-1"
        var decomposed = sampleComplaint(2)
        decomposed.externalId = "cafe\u{301}-1"
        #expect(composed.externalId == decomposed.externalId)  // to Swift
        let outcomes = try await store.ingest([composed, decomposed, decomposed], at: storeNow)
        #expect(outcomes.map(\.isCreated) == [true, true, false])
        #expect(outcomes[0].complaint.id != outcomes[1].complaint.id)
        #expect(outcomes[2] == .duplicate(outcomes[1].complaint))
        let again = try await store.ingest([decomposed], at: storeNow)
        #expect(again == [.duplicate(outcomes[1].complaint)])
    }

    private static func aBatchOfAThousandIsOneTransaction(_ store: any CaseStore) async throws {
        let batch = (1...1_000).map { sampleComplaint($0) } + [sampleComplaint(7)]
        let outcomes = try await store.ingest(batch, at: storeNow)
        #expect(outcomes.filter(\.isCreated).count == 1_000)
        #expect(outcomes.last == .duplicate(outcomes[6].complaint))
        #expect(outcomes.map(\.complaint.content.externalId) == batch.map(\.externalId))
        let events = try await store.events(after: 0, limit: 2_000)
        #expect(events.map(\.seq) == Array(1...1_000))
        #expect(events.map(\.draft.complaintId) == outcomes.prefix(1_000).map(\.complaint.id))
        #expect(try await ChainVerifier.verify(store, pageSize: 333).isIntact)
    }

    private static func concurrentWritersKeepTheChainContiguousAndValid(_ store: any CaseStore) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    for i in 0..<25 {
                        _ = try await store.ingest([sampleComplaint(writer * 1000 + i)], at: storeNow)
                    }
                }
            }
            try await group.waitForAll()
        }
        let events = try await store.events(after: 0, limit: 1000)
        #expect(events.map(\.seq) == Array(1...200))
        let verification = try await ChainVerifier.verify(store, pageSize: 37)
        #expect(verification.isIntact)
        #expect(verification.eventsChecked == 200)
    }

    private static func listsNewestFirstWithFiltersAndCursor(_ store: any CaseStore) async throws {
        let complaints = (1...7).map { n in
            sampleComplaint(n, at: "2026-07-01T0\(n):00:00Z", product: n % 2 == 0 ? "EVEN" : "ODD")
        }
        _ = try await store.ingest(complaints, at: storeNow)

        var seen: [String] = []
        var query = ComplaintQuery(limit: 3)
        while true {
            let page = try await store.complaints(query)
            seen += page.items.map(\.content.externalId)
            guard let next = page.next else { break }
            query.after = next
        }
        #expect(seen == (1...7).reversed().map { "hotline-\($0)" })

        let even = try await store.complaints(ComplaintQuery(product: "EVEN"))
        #expect(even.items.map(\.content.externalId) == ["hotline-6", "hotline-4", "hotline-2"])
        let window = try await store.complaints(ComplaintQuery(
            receivedFrom: RFC3339.parse("2026-07-01T02:00:00Z"), receivedBefore: RFC3339.parse("2026-07-01T04:00:00Z")))
        #expect(window.items.map(\.content.externalId) == ["hotline-3", "hotline-2"])
        let channel = try await store.complaints(ComplaintQuery(channel: .web))
        #expect(channel.items.isEmpty)
    }

    private static func equalTimesPageByIdWithoutLossOrRepeat(_ store: any CaseStore) async throws {
        _ = try await store.ingest((1...5).map { sampleComplaint($0) }, at: storeNow)  // all at 08:15
        var seen: [String] = []
        var query = ComplaintQuery(departure: CalendarDate("2026-06-12"), limit: 2)
        while true {
            let page = try await store.complaints(query)
            seen += page.items.map(\.content.externalId)
            guard let next = page.next else { break }
            query.after = next
        }
        #expect(seen == (1...5).reversed().map { "hotline-\($0)" })
    }

    private static func tokensAreLookedUpByHashAndRevocable(_ store: any CaseStore) async throws {
        let hash = EventHashing.tokenHash("swl_secret")
        let id = try await store.createToken(name: "anna", role: .pr, tokenHash: hash, at: storeNow)
        #expect(try await store.caller(forTokenHash: hash) == Caller(tokenId: id, name: "anna", role: .pr))
        await #expect(throws: StoreError.tokenNameTaken("anna")) {
            try await store.createToken(name: "anna", role: .admin, tokenHash: "other", at: storeNow)
        }
        #expect(try await store.revokeToken(named: "anna", at: storeNow))
        #expect(try await store.caller(forTokenHash: hash) == nil)
        #expect(try await !store.revokeToken(named: "anna", at: storeNow))

        // The name is free again once revoked.
        _ = try await store.createToken(name: "anna", role: .admin, tokenHash: "other", at: storeNow)
        let tokens = try await store.tokens()
        #expect(tokens.map(\.name) == ["anna", "anna"])
        #expect(tokens.map(\.revokedAt) == [storeNow, nil])
        let types = try await store.events(after: 0, limit: 10).map(\.type)
        #expect(types == [.tokenCreated, .tokenRevoked, .tokenCreated])
        #expect(try await store.events(after: 0, limit: 10).allSatisfy { !$0.draft.payload.contains(hash) })
    }

    private static func applyMovesTheCheckpointWithItsChanges(_ store: any CaseStore) async throws {
        _ = try await store.ingest([sampleComplaint(1)], at: storeNow)
        let id = try #require(try await store.complaints(ComplaintQuery()).items.first?.id)
        #expect(try await store.checkpoint(of: "detector") == 0)
        let appended = try await store.apply(
            [.assignCluster(id, ClusterID(9)),
             .appendEvent(EventDraft(type: EventType("cluster.created"), at: storeNow, clusterId: ClusterID(9)))],
            checkpoint: FollowerCheckpoint(follower: "detector", seq: 1))
        #expect(appended.map(\.seq) == [2])
        #expect(try await store.events(after: 1, limit: 5) == appended)
        #expect(try await store.checkpoint(of: "detector") == 1)
        #expect(try await store.complaint(id)?.clusterId == ClusterID(9))
        #expect(try await store.complaints(ComplaintQuery(clusterId: ClusterID(9))).items.map(\.id) == [id])

        // No events: the checkpoint still moves, and a cluster can be taken away.
        #expect(try await store.apply([.assignCluster(id, nil)], checkpoint: FollowerCheckpoint(follower: "detector", seq: 2)).isEmpty)
        #expect(try await store.checkpoint(of: "detector") == 2)
        #expect(try await store.complaint(id)?.clusterId == nil)
        #expect(try await store.lastEventSeq() == 2)

        // Compare-and-set: a holder moving the checkpoint from where it read it succeeds…
        _ = try await store.apply([.assignCluster(id, ClusterID(4))], checkpoint: FollowerCheckpoint(follower: "detector", seq: 3, from: 2))
        #expect(try await store.checkpoint(of: "detector") == 3)
        // …and a stale holder, which read 2 before another instance moved it, is refused with nothing applied.
        await #expect(throws: StoreError.checkpointMoved(follower: "detector", expected: 2, found: 3)) {
            _ = try await store.apply(
                [.assignCluster(id, ClusterID(7)), .appendEvent(EventDraft(type: EventType("cluster.created"), at: storeNow))],
                checkpoint: FollowerCheckpoint(follower: "detector", seq: 3, from: 2))
        }
        #expect(try await store.complaint(id)?.clusterId == ClusterID(4))
        #expect(try await store.lastEventSeq() == 2)
        #expect(try await store.checkpoint(of: "detector") == 3)
        // A follower that never ran starts from 0.
        _ = try await store.apply([], checkpoint: FollowerCheckpoint(follower: "notifier", seq: 2, from: 0))
        #expect(try await store.checkpoint(of: "notifier") == 2)
    }

    /// One batch as the detector sends it: many placements, a complaint placed twice (the last one holds), a
    /// merge between placements (it moves only what was placed before it), and more than 1,000 of them.
    private static func placementsApplyInOrderWithinOneBatch(_ store: any CaseStore) async throws {
        _ = try await store.ingest((1...1_205).map { sampleComplaint($0) }, at: storeNow)
        var changes: [StoreChange] = (1...1_200).map { .assignCluster(ComplaintID(Int64($0)), ClusterID(1)) }
        changes += [
            .assignCluster(ComplaintID(1201), ClusterID(2)), .assignCluster(ComplaintID(1201), ClusterID(3)),
            .assignCluster(ComplaintID(1202), ClusterID(2)),
            .reassignCluster(from: ClusterID(2), to: ClusterID(1)),
            .assignCluster(ComplaintID(1203), ClusterID(2)), .assignCluster(ComplaintID(5), nil),
        ]
        _ = try await store.apply(changes, checkpoint: nil)
        #expect(try await store.complaint(ComplaintID(1200))?.clusterId == ClusterID(1))
        #expect(try await store.complaint(ComplaintID(1201))?.clusterId == ClusterID(3))
        #expect(try await store.complaint(ComplaintID(1202))?.clusterId == ClusterID(1))
        #expect(try await store.complaint(ComplaintID(1203))?.clusterId == ClusterID(2))
        #expect(try await store.complaint(ComplaintID(5))?.clusterId == nil)
        #expect(try await store.complaint(ComplaintID(1204))?.clusterId == nil)
    }

    private static func signalWakesSubscribersAfterCommit(_ store: any CaseStore) async throws {
        var wakeups = store.signal.subscribe().makeAsyncIterator()
        _ = try await store.ingest([sampleComplaint(1)], at: storeNow)
        #expect(await wakeups.next() == 1)
        try await store.ping()
    }

    private static func clustersWarningsAndMergesRoundTrip(_ store: any CaseStore) async throws {
        _ = try await store.ingest((1...4).map { sampleComplaint($0, at: "2026-07-0\($0)T08:00:00Z") }, at: storeNow)
        func snapshot(_ id: Int64, last: String) -> ClusterSnapshot {
            ClusterSnapshot(
                id: ClusterID(id), firstAt: RFC3339.parse("2026-07-01T08:00:00Z")!, lastAt: RFC3339.parse(last)!,
                memberCount: 2, distinctComplainants: 2, level: id == 1 ? .yellow : nil, topTerms: ["酒店", "降级"],
                representativeText: "酒店降级", representativeComplaintId: ComplaintID(id), entities: ["date:06-12"],
                updatedAt: storeNow)
        }
        let warning = WarningRecord(
            clusterId: ClusterID(1), kind: "raised", level: .yellow, previousLevel: nil,
            raisedAt: RFC3339.parse("2026-07-02T08:00:00Z")!, triggeringComplaintId: ComplaintID(2), complaintCount: 2,
            distinctComplainants: 2, rule: "burst", reasons: [.init(code: "size", detail: "8 people in 48h")])
        let appended = try await store.apply(
            [.assignCluster(ComplaintID(1), ClusterID(1)), .assignCluster(ComplaintID(2), ClusterID(1)),
             .assignCluster(ComplaintID(3), ClusterID(2)), .assignCluster(ComplaintID(4), ClusterID(2)),
             .saveCluster(snapshot(1, last: "2026-07-02T08:00:00Z")), .saveCluster(snapshot(2, last: "2026-07-04T08:00:00Z")),
             .raiseWarning(warning, at: storeNow), .separateClusters(ClusterID(2), ClusterID(1))],
            checkpoint: nil)
        #expect(appended.map(\.type) == [.warningRaised])
        #expect(appended.first?.draft.payload.contains("\"warningId\":1") == true)

        #expect(try await store.clusters(limit: 10, includeMerged: false).map(\.id) == [ClusterID(2), ClusterID(1)])
        #expect(try await store.cluster(ClusterID(1)) == snapshot(1, last: "2026-07-02T08:00:00Z"))
        #expect(try await store.clusterDailyCounts(ClusterID(1)) == [DailyCount(day: "2026-07-01", count: 1), DailyCount(day: "2026-07-02", count: 1)])
        let stored = try #require(try await store.warnings(limit: 10, clusterId: ClusterID(1)).first)
        #expect(stored.id == WarningID(1))
        #expect(stored.reasons == warning.reasons)
        #expect(try await store.warning(WarningID(1))?.rule == "burst")
        #expect(try await store.warnings(limit: 10, clusterId: ClusterID(2)).isEmpty)
        #expect(try await store.warnedClusterCounts() == [.open: 1])  // cluster 1 stands at yellow, cluster 2 at no level
        #expect(stored.handling == .open)
        let separations = try await store.clusterSeparations()
        #expect(separations.map { [$0.0.rawValue, $0.1.rawValue] } == [[1, 2]])
        #expect(try await store.lastClusterId() == ClusterID(2))
        #expect(try await store.latestPlacedReceivedAt() == RFC3339.parse("2026-07-04T08:00:00Z"))
        let window = try await store.placedComplaints(receivedFrom: RFC3339.parse("2026-07-02T00:00:00Z")!, afterId: ComplaintID(0), limit: 10)
        #expect(window.map(\.id.rawValue) == [2, 3, 4])

        // A merge moves the members and marks the absorbed cluster.
        _ = try await store.apply([.reassignCluster(from: ClusterID(2), to: ClusterID(1))], checkpoint: nil)
        #expect(try await store.complaint(ComplaintID(4))?.clusterId == ClusterID(1))
        #expect(try await store.cluster(ClusterID(2))?.mergedInto == ClusterID(1))
        #expect(try await store.clusters(limit: 10, includeMerged: false).map(\.id) == [ClusterID(1)])
        #expect(try await store.clusters(limit: 10, includeMerged: true).count == 2)
    }
}
