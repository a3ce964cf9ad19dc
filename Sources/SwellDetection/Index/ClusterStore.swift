/// Live clusters in reusable slots of one array, so scoring can borrow a cluster in place
/// instead of copying it out of a `Dictionary` (which retains every field).
struct ClusterStore: Sendable {
    private(set) var records: [ClusterState] = []
    private var slots = IdTable()
    private var free: [Int32] = []

    var count: Int { slots.count }
    var ids: [Int64] { slots.allKeys }

    @inline(__always)
    func slot(of id: Int64) -> Int32? { slots[id] }

    /// Whether a cluster is live (without copying it).
    @inline(__always)
    func contains(_ id: Int64) -> Bool { slots[id] != nil }

    /// A copy of a cluster, or nil; setting nil deletes it and frees its slot.
    subscript(id: Int64) -> ClusterState? {
        get { slots[id].map { records[Int($0)] } }
        set {
            if let state = newValue {
                put(state)
            } else if let slot = slots.remove(id) {
                records[Int(slot)] = ClusterState.vacant
                free.append(slot)
            }
        }
    }

    /// Moves a cluster out of its slot (which stays reserved) so it can be changed without a
    /// copy-on-write; give it back with `put`.
    mutating func take(_ id: Int64) -> ClusterState? {
        guard let slot = slots[id] else { return nil }
        var state = ClusterState.vacant
        swap(&state, &records[Int(slot)])
        return state
    }

    /// Stores a cluster in its slot, or a new one.
    mutating func put(_ state: consuming ClusterState) {
        if let slot = slots[state.id] {
            records[Int(slot)] = state
        } else if let slot = free.popLast() {
            records[Int(slot)] = state
            slots.set(state.id, slot)
        } else {
            slots.set(state.id, Int32(records.count))
            records.append(state)
        }
    }
}

extension ClusterState {
    /// What a free or borrowed slot holds.
    static let vacant = ClusterState(
        id: .min, members: [], firstAt: 0, lastAt: 0, representativeId: .min, representativeText: "", representativeScore: 0,
        latestId: .min, latestText: "")
}
