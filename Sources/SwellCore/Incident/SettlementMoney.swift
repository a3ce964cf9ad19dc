import Foundation

/// An amount of money in integer minor units (fen, cents) of one currency.
///
/// Bonuses and compensation are paid in these; no floating point touches them. Arithmetic
/// saturates at the limits of `Int64` instead of trapping, so absurd input cannot crash.
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
        let product = Int128(minorUnits) * Int128(basisPoints)
        let rounded = (product.magnitude + 5_000) / 10_000
        let signed = product < 0 ? -Int128(rounded) : Int128(rounded)
        return SettlementMoney(minorUnits: Self.saturated(signed), currency: currency)
    }

    /// The sum of two amounts in the same currency; `nil` when currencies differ.
    public func plus(_ other: SettlementMoney) -> SettlementMoney? {
        guard other.currency == currency else { return nil }
        return SettlementMoney(minorUnits: Self.saturated(Int128(minorUnits) + Int128(other.minorUnits)), currency: currency)
    }

    /// This amount times a whole count.
    public func times(_ count: Int) -> SettlementMoney {
        SettlementMoney(minorUnits: Self.saturated(Int128(minorUnits) * Int128(count)), currency: currency)
    }

    /// The sum of amounts in `currency`, saturating; amounts in other currencies are not added.
    public static func sum(_ amounts: [SettlementMoney], currency: String) -> SettlementMoney {
        let total = amounts.filter { $0.currency == currency.uppercased() }.reduce(Int128(0)) { $0 + Int128($1.minorUnits) }
        return SettlementMoney(minorUnits: saturated(total), currency: currency)
    }

    /// A wide value clamped into `Int64`.
    private static func saturated(_ value: Int128) -> Int64 {
        value > Int128(Int64.max) ? .max : value < Int128(Int64.min) ? .min : Int64(value)
    }
}
