import Foundation

/// An amount of money in integer minor units (fen, cents) of one currency.
///
/// Bonuses and compensation are paid in these; no floating point touches them.
public struct SettlementMoney: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The amount in the currency's minor unit (e.g. fen for CNY).
    public var minorUnits: Int64
    /// ISO 4217 code, upper case (e.g. `CNY`).
    public var currency: String

    public init(minorUnits: Int64, currency: String) {
        self.minorUnits = minorUnits
        self.currency = currency.uppercased()
    }

    /// Zero in a currency.
    public static func zero(_ currency: String) -> SettlementMoney {
        SettlementMoney(minorUnits: 0, currency: currency)
    }

    /// How many decimal places the currency's minor unit has (2 unless known otherwise).
    public static func minorUnitDigits(of currency: String) -> Int {
        ["JPY", "KRW", "VND", "ISK", "CLP"].contains(currency.uppercased()) ? 0 : 2
    }

    /// The amount written with its decimals and code, e.g. `1280.50 CNY`.
    public var description: String {
        let digits = Self.minorUnitDigits(of: currency)
        guard digits > 0 else { return "\(minorUnits) \(currency)" }
        let scale = Int64(pow(10, Double(digits)))
        let sign = minorUnits < 0 ? "-" : ""
        let magnitude = minorUnits.magnitude
        let fraction = String(magnitude % UInt64(scale))
        let padded = String(repeating: "0", count: digits - fraction.count) + fraction
        return "\(sign)\(magnitude / UInt64(scale)).\(padded) \(currency)"
    }

    /// This amount times `basisPoints` / 10 000 (1% = 100 bp), rounded half away from zero.
    public func percentage(basisPoints: Int) -> SettlementMoney {
        let product = minorUnits * Int64(basisPoints)
        let rounded = (product.magnitude + 5_000) / 10_000
        let signed = product < 0 ? -Int64(rounded) : Int64(rounded)
        return SettlementMoney(minorUnits: signed, currency: currency)
    }

    /// The sum of two amounts in the same currency; `nil` when currencies differ.
    public func plus(_ other: SettlementMoney) -> SettlementMoney? {
        guard other.currency == currency else { return nil }
        return SettlementMoney(minorUnits: minorUnits + other.minorUnits, currency: currency)
    }

    /// This amount times a whole count.
    public func times(_ count: Int) -> SettlementMoney {
        SettlementMoney(minorUnits: minorUnits * Int64(count), currency: currency)
    }
}
