/// Kinds of named evidence pulled from a complaint (DESIGN §6).
public enum EntityKind: String, Sendable, Codable, CaseIterable, Comparable {
    /// A calendar date with month and day (year dropped: complaints rarely give it).
    case date
    /// A day of the month ("12号"), also emitted for every full date so the two can meet.
    case dayOfMonth
    /// A product or tour code such as `AU-8D-0612`.
    case product
    case flight
    case vehiclePlate
    /// Hotels, guesthouses, resorts.
    case lodging
    /// Restaurants and other places to eat.
    case dining
    /// Ships and cruises.
    case ship
    case airline
    /// Coach and transport companies.
    case coach
    /// Travel agencies and tour companies.
    case agency
    /// The structured supplier field.
    case supplier
    /// A money amount; people paid different sums, so it never counts against joining.
    case amount

    public static func < (lhs: EntityKind, rhs: EntityKind) -> Bool {
        lhs.ordinal < rhs.ordinal
    }

    /// Position in ``allCases``.
    var ordinal: Int {
        switch self {
        case .date: 0
        case .dayOfMonth: 1
        case .product: 2
        case .flight: 3
        case .vehiclePlate: 4
        case .lodging: 5
        case .dining: 6
        case .ship: 7
        case .airline: 8
        case .coach: 9
        case .agency: 10
        case .supplier: 11
        case .amount: 12
        }
    }

    /// Names of places, vehicles and companies, which may be written in either script.
    var isVenue: Bool {
        switch self {
        case .lodging, .dining, .ship, .airline, .coach, .agency: true
        default: false
        }
    }
}

/// One piece of named evidence: its kind and canonical value.
public struct Entity: Sendable, Hashable, Codable, Comparable {
    public var kind: EntityKind
    /// Canonical value, e.g. `06-12`, `ca1234`, `海景` (a lodging), `粤b12345`.
    public var value: String

    public init(kind: EntityKind, value: String) {
        self.kind = kind
        self.value = value
    }

    /// Whether the value is written in Latin letters (venue names in two scripts never conflict).
    var isLatin: Bool { value.unicodeScalars.first.map { $0.value < 0x80 } ?? true }

    /// Stable 64-bit key: kind in the top byte, value hash below.
    var key: EntityKey { EntityKey(kind: kind, value: value) }

    public static func < (lhs: Entity, rhs: Entity) -> Bool {
        lhs.kind != rhs.kind ? lhs.kind < rhs.kind : lhs.value < rhs.value
    }
}

/// Compact, stable key of an ``Entity``.
struct EntityKey: Hashable, Sendable, Comparable {
    var raw: UInt64

    init(kind: EntityKind, value: String) {
        let index = UInt64(kind.ordinal)
        raw = (index << 56) | (StableHash.string(value) & 0x00ff_ffff_ffff_ffff)
    }

    var kindIndex: Int { Int(raw >> 56) }
    var kind: EntityKind { EntityKind.allCases[kindIndex] }

    static func < (lhs: EntityKey, rhs: EntityKey) -> Bool { lhs.raw < rhs.raw }
}
