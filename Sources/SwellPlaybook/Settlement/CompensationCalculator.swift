public import SwellCore

/// The facts of one complainant's case that the compensation rules need.
public struct CompensationCase: Sendable, Hashable {
    /// The category key, e.g. `downgraded_service`.
    public let category: String
    /// The case's own amount: a price difference, a skipped attraction's price, a direct loss.
    public let amount: SettlementMoney?
    /// The total price this complainant paid for the tour.
    public let tourPrice: SettlementMoney?
    /// How many times it happened (forced shopping stops, skipped free attractions).
    public let occurrences: Int

    public init(category: String, amount: SettlementMoney? = nil, tourPrice: SettlementMoney? = nil, occurrences: Int = 1) {
        self.category = category
        self.amount = amount
        self.tourPrice = tourPrice
        self.occurrences = occurrences
    }
}

/// What one case is owed, in parts.
public struct CompensationAward: Sendable, Hashable {
    /// The case's amount paid back (zero when the rule refunds nothing).
    public let refund: SettlementMoney
    /// The penalty (违约金) under the rule.
    public let penalty: SettlementMoney
    /// The company's uplift on refund + penalty.
    public let uplift: SettlementMoney

    /// Refund + penalty + uplift.
    public var total: SettlementMoney {
        SettlementMoney.sum([refund, penalty, uplift], currency: refund.currency)
    }
}

/// Why a case cannot be computed.
public enum CompensationError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownCategory(String, known: [String])
    case missingAmount(category: String)
    case missingTourPrice(category: String)
    case wrongCurrency(expected: String, found: String)
    case invalidOccurrences(Int)

    public var description: String {
        switch self {
        case .unknownCategory(let category, let known):
            "no compensation rule for \"\(category)\"; known categories: \(known.joined(separator: ", "))"
        case .missingAmount(let category):
            "\"\(category)\" is computed from the case's amount (difference, price or loss), which is missing"
        case .missingTourPrice(let category):
            "\"\(category)\" is computed from the tour price, which is missing"
        case .wrongCurrency(let expected, let found):
            "amounts must be in \(expected), found \(found)"
        case .invalidOccurrences(let count):
            "occurrences must be at least 1, found \(count)"
        }
    }
}

extension CompensationTable {
    /// What a case is owed under its category's rule, plus the uplift.
    public func award(for claim: CompensationCase) throws(CompensationError) -> CompensationAward {
        guard let rule = rule(for: claim.category) else {
            throw .unknownCategory(claim.category, known: rules.map(\.category))
        }
        guard claim.occurrences >= 1 else { throw .invalidOccurrences(claim.occurrences) }
        for money in [claim.amount, claim.tourPrice].compactMap(\.self) where money.currency != currency {
            throw .wrongCurrency(expected: currency, found: money.currency)
        }
        let zero = SettlementMoney.zero(currency)
        guard !rule.needsAmount || claim.amount != nil else { throw .missingAmount(category: rule.category) }
        guard !rule.needsTourPrice || claim.tourPrice != nil else { throw .missingTourPrice(category: rule.category) }

        let refund = rule.refundsAmount ? (claim.amount ?? zero) : zero
        var penalty = zero
        if let rule = rule.penalty {
            let base = (rule.of == .amount ? claim.amount : claim.tourPrice) ?? zero
            penalty = base.percentage(basisPoints: rule.basisPoints).times(rule.perOccurrence ? claim.occurrences : 1)
        }
        let statutory = SettlementMoney.sum([refund, penalty], currency: currency)
        return CompensationAward(refund: refund, penalty: penalty, uplift: statutory.percentage(basisPoints: upliftBasisPoints))
    }
}
