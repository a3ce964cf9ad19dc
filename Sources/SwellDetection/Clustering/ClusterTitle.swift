import SwellCore

/// A cluster's title for people: the problem, the trip and the strongest entity, as `酒店降级不符 · AU-8D-0612 ·
/// 6月12日`. The problem comes from the bilingual concepts most members share (so an English complaint reads the
/// same), the trip from the product most members name, the entity from the date — else the hotel, restaurant,
/// ship or flight — most members name. Never personal data: concepts are words of the lexicon, entities are trips
/// and places.
enum ClusterTitle {
    /// A short Chinese label per concept of ``ConceptLexicon/table``, in its order.
    static let conceptLabels = [
        "酒店", "降级不符", "卫生差", "大巴", "车辆故障", "购物", "导游", "餐食", "身体不适", "就医", "航班", "延误取消",
        "行程删减", "甩团", "辱骂威胁", "邮轮", "签证", "退款", "收费", "超售", "赔偿",
    ]
    /// Demands, not problems: named only when nothing else is.
    static let demandConcepts: Set<Int> = [17, 20]

    /// `memberShare(concept)` is the share of members naming a concept; `entities` the cluster's tallies.
    static func make(conceptShares: [(concept: Int, share: Double)], entities: [EntityTally], members: Int, fallback: String?) -> String? {
        let named = conceptShares.filter { $0.share >= 0.3 && $0.concept < conceptLabels.count }
        let problems = named.filter { !demandConcepts.contains($0.concept) }
        let chosen = (problems.isEmpty ? named : problems)
            .sorted { $0.share != $1.share ? $0.share > $1.share : $0.concept < $1.concept }
            .prefix(2).sorted { $0.concept < $1.concept }
        let problem = chosen.isEmpty ? fallback : chosen.map { conceptLabels[$0.concept] }.joined()
        func dominant(_ kinds: [EntityKind]) -> Entity? {
            entities.filter { kinds.contains($0.entity.kind) && Double($0.count) >= max(1, 0.2 * Double(members)) }
                .max { $0.count != $1.count ? $0.count < $1.count : $0.entity > $1.entity }?.entity
        }
        let trip = dominant([.product]).map { $0.value.uppercased() }
        let place = dominant([.date]).map(readableDate) ?? dominant([.lodging, .dining, .ship]).map(\.value)
            ?? dominant([.flight, .vehiclePlate]).map { $0.value.uppercased() }
        let parts = [problem, trip, place].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// `06-12` as `6月12日`.
    static func readableDate(_ entity: Entity) -> String {
        let parts = entity.value.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2 else { return entity.value }
        return "\(parts[0])月\(parts[1])日"
    }
}

extension Detector {
    /// The share of a cluster's members naming each concept of the lexicon they name at all.
    func conceptShares(_ state: ClusterState) -> [(concept: Int, share: Double)] {
        let n = Double(max(state.memberCount, 1))
        var shares: [(concept: Int, share: Double)] = []
        for (index, feature) in ConceptLexicon.orderedFeatures.enumerated() {
            let count: Double
            if state.memberCount == 1 {
                count = (complaints[state.members[0]]?.features.contains(feature) ?? false) ? 1 : 0
            } else {
                count = Double(state.termCounts[feature])
            }
            if count > 0 { shares.append((index, count / n)) }
        }
        return shares
    }
}
