/// How much entity agreement adds to a complaint's score with a cluster, and how much a
/// conflicting entity takes away (DESIGN §6: entities carry what text cannot).
enum EntityEvidence {
    /// Bonus for sharing a value of this kind.
    static func agreementWeight(_ kind: EntityKind) -> Double {
        switch kind {
        case .flight, .vehiclePlate: 0.15
        case .lodging, .ship, .dining: 0.14
        case .date, .product: 0.12
        case .airline, .coach: 0.1
        case .agency: 0.06
        case .supplier: 0.05
        case .dayOfMonth: 0.04
        case .amount: 0.02
        }
    }

    /// Penalty for naming only other values of this kind than the cluster does.
    static func conflictWeight(_ kind: EntityKind) -> Double {
        switch kind {
        case .flight, .date: 0.45
        case .vehiclePlate: 0.4
        case .product: 0.3
        case .lodging, .ship, .dining, .airline, .coach: 0.12
        case .dayOfMonth, .agency, .supplier, .amount: 0
        }
    }

    static let maximumAgreement = 0.35
    static let maximumConflict = 0.9
    /// Share of the cluster's members that must carry a kind before disagreeing with it counts.
    static let conflictSupport = 0.2

    /// Kinds worth an inverted index: specific enough to find the right incident.
    static func isIndexed(_ kind: EntityKind) -> Bool {
        switch kind {
        case .dayOfMonth, .amount: false
        default: true
        }
    }

    /// Agreement and conflict of a complaint's entities with a cluster.
    static func compare(
        _ entities: [Entity], datesOnlyFromDeparture: Bool, with tallies: [EntityTally], members: Int
    ) -> (agreement: Double, conflict: Double) {
        guard !entities.isEmpty, !tallies.isEmpty else { return (0, 0) }
        var agreement = 0.0
        var conflict = 0.0
        var index = 0
        while index < entities.count {
            let kind = entities[index].kind
            var matched = false
            while index < entities.count, entities[index].kind == kind {
                if EntityTally.count(of: entities[index], in: tallies) > 0 {
                    matched = true
                    agreement += agreementWeight(kind)
                }
                index += 1
            }
            if !matched, kind.isVenue, sharesBigram(entities[index - 1].value, kind: kind, with: tallies) {
                matched = true  // 亚龙湾万豪 and 万豪: maybe the same place written longer; no conflict
            }
            let penalty = conflictWeight(kind)
            if !matched, penalty > 0 {
                // Venue names only contradict names in the same script (白云 and Sunrise may be one place).
                let latin = entities[index - 1].value.unicodeScalars.first.map { $0.value < 0x80 } ?? true
                let support = tallies.reduce(Int32(0)) {
                    $0 + ($1.entity.kind == kind && (!kind.isVenue || $1.entity.isLatin == latin) ? $1.count : 0)
                }
                if Double(support) >= max(1, conflictSupport * Double(members)) {
                    conflict += kind == .date && datesOnlyFromDeparture ? penalty / 2 : penalty
                }
            }
        }
        return (min(agreement, maximumAgreement), min(conflict, maximumConflict))
    }

    /// Whether a venue name shares two consecutive characters with a name of the same kind.
    static func sharesBigram(_ name: String, kind: EntityKind, with tallies: [EntityTally]) -> Bool {
        let a = Array(name.unicodeScalars)
        guard a.count >= 2, a[0].value >= 0x80 else { return false }  // CJK names only
        for tally in tallies where tally.entity.kind == kind {
            let b = Array(tally.entity.value.unicodeScalars)
            guard b.count >= 2 else { continue }
            for i in 0..<(a.count - 1) {
                for j in 0..<(b.count - 1) where a[i] == b[j] && a[i + 1] == b[j + 1] { return true }
            }
        }
        return false
    }

    /// Whether two clusters name different values (venues: in the same script) of a conflicting kind and share none.
    static func clustersConflict(_ a: ClusterState, _ b: ClusterState) -> Bool {
        for kind in EntityKind.allCases where conflictWeight(kind) > 0 {
            for latin in kind.isVenue ? [true, false] : [true] {
                func dominant(_ c: ClusterState) -> Set<Entity> {
                    Set(c.entities.filter {
                        $0.entity.kind == kind && (!kind.isVenue || $0.entity.isLatin == latin)
                            && Double($0.count) >= max(1, conflictSupport * Double(c.memberCount))
                    }.map(\.entity))
                }
                let left = dominant(a)
                let right = dominant(b)
                if !left.isEmpty, !right.isEmpty, left.isDisjoint(with: right) { return true }
            }
        }
        return false
    }
}
