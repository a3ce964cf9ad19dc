/// The complaints in the window, kept in reusable slots of one array so hot loops can read a
/// field of a record in place (a `Dictionary` lookup copies the whole record and retains its
/// arrays). Ids map to slots; freed slots are reused.
struct ComplaintStore: Sendable {
    private(set) var records: [ComplaintRecord] = []
    /// LSH links, `bands` per slot, flat so a bucket walk touches one small entry per step.
    private(set) var links: [BandLink] = []
    let bands: Int
    private var slots = IdTable()
    private var free: [Int32] = []

    var count: Int { slots.count }

    init(bands: Int) { self.bands = bands }

    /// The link of the complaint in `slot` for `band`.
    @inline(__always)
    func link(_ slot: Int32, _ band: Int) -> BandLink { links[Int(slot) * bands + band] }

    /// Sets the links of the complaint in `slot`.
    mutating func setLinks(_ slot: Int32, _ values: [BandLink]) {
        let base = Int(slot) * bands
        for band in 0..<bands { links[base + band] = band < values.count ? values[band] : .empty }
    }

    /// Slot of a complaint in the window.
    @inline(__always)
    func slot(of id: Int64) -> Int32? { slots[id] }

    /// The record of a complaint, or nil; setting nil frees its slot.
    subscript(id: Int64) -> ComplaintRecord? {
        get { slots[id].map { records[Int($0)] } }
        set {
            if let record = newValue {
                if let slot = slots[id] {
                    records[Int(slot)] = record
                } else if let slot = free.popLast() {
                    records[Int(slot)] = record
                    slots.set(id, slot)
                } else {
                    slots.set(id, Int32(records.count))
                    records.append(record)
                    links.append(contentsOf: repeatElement(BandLink.empty, count: bands))
                }
            } else if let slot = slots.remove(id) {
                records[Int(slot)] = ComplaintRecord.vacant
                setLinks(slot, [])
                free.append(slot)
            }
        }
    }

    /// Changes one record in place.
    @inline(__always)
    mutating func update(_ id: Int64, _ body: (inout ComplaintRecord) -> Void) {
        guard let slot = slots[id] else { return }
        body(&records[Int(slot)])
    }

    static let vacant: Int64 = .min
}

extension ComplaintRecord {
    /// What a freed slot holds.
    static let vacant = ComplaintRecord(
        id: ComplaintStore.vacant, time: 0, clusterId: 0, complainant: 0, features: [], norm: 0, entities: [],
        datesOnlyFromDeparture: false, signals: 0)
}
