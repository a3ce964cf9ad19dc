import SwellCore

/// A count of one entity among a cluster's members.
struct EntityTally: Sendable {
    var entity: Entity
    var count: Int32

    /// Binary search in tallies sorted by entity.
    static func count(of entity: Entity, in tallies: [EntityTally]) -> Int32 {
        var low = 0
        var high = tallies.count
        while low < high {
            let mid = (low + high) / 2
            if tallies[mid].entity < entity { low = mid + 1 } else { high = mid }
        }
        return low < tallies.count && tallies[low].entity == entity ? tallies[low].count : 0
    }
}

/// Running state of one cluster: members, shared terms, entities, signals and warning level.
struct ClusterState: Sendable {
    var id: Int64
    /// Member ids in arrival order.
    var members: [Int64]
    var firstAt: Double
    var lastAt: Double
    /// Members holding each feature; empty while the cluster has one member (its features stand in).
    var termCounts = FeatureTable()
    /// Text of features shared by at least two members, for `topTerms`.
    var sharedTermText: [UInt32: String] = [:]
    /// Entities with member counts, sorted by entity.
    var entities: [EntityTally] = []
    /// Members per complainant; empty while the cluster has one member.
    var complainants: [UInt64: Int32] = [:]
    /// Members carrying each escalation signal, indexed like `EscalationSignal.allCases`.
    var signalCounts: [Int32] = []
    var level: WarningLevel?
    var representativeId: Int64
    var representativeText: String
    var representativeScore: Double
    var latestId: Int64
    var latestText: String
    /// Sum over concepts of (members naming it)², kept exactly as members come and go.
    var conceptSquares: Int64 = 0
    /// Cached norm of the centroid vector and the member count it was computed at.
    var centroidNorm: Double = 0
    var centroidNormMembers: Int = 0

    var memberCount: Int { members.count }
    var distinctComplainants: Int { members.count <= 1 ? members.count : complainants.count }

    func tally(of entity: Entity) -> Int32 { EntityTally.count(of: entity, in: entities) }

    mutating func adjust(_ entity: Entity, by delta: Int32) {
        var low = 0
        var high = entities.count
        while low < high {
            let mid = (low + high) / 2
            if entities[mid].entity < entity { low = mid + 1 } else { high = mid }
        }
        if low < entities.count, entities[low].entity == entity {
            entities[low].count += delta
            if entities[low].count <= 0 { entities.remove(at: low) }
        } else if delta > 0 {
            entities.insert(EntityTally(entity: entity, count: delta), at: low)
        }
    }

    /// Members carrying any escalation signal.
    var signalledMembers = 0

    /// Members carrying `signal`.
    func signalCount(_ signal: EscalationSignal) -> Int32 {
        guard let index = EscalationSignal.allCases.firstIndex(of: signal), index < signalCounts.count else { return 0 }
        return signalCounts[index]
    }
}

/// Two cluster ids in a fixed order: a pair a person separated.
struct ClusterPair: Hashable, Sendable {
    var low: Int64
    var high: Int64
    init(_ a: Int64, _ b: Int64) {
        low = min(a, b)
        high = max(a, b)
    }
}
