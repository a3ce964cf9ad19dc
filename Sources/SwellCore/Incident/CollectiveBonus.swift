public import Foundation

/// A bonus for everyone who accepted, released once a share of the eligible group has accepted (and, when the
/// offer sets an end, by then). It rewards the group for settling together; it never lowers anyone's payout.
public struct CollectiveBonus: Sendable, Hashable, Codable {
    /// The share of eligible complainants whose acceptance releases it, in basis points (90% = 9000).
    public let shareBasisPoints: Int
    /// The bonus as a share of the base, in basis points.
    public let percentBasisPoints: Int
    /// A fixed bonus on top, if any.
    public let fixed: SettlementMoney?
    /// The share must be reached by this instant (included); nil: at any time.
    public let endsAt: Date?

    public init(shareBasisPoints: Int, percentBasisPoints: Int, fixed: SettlementMoney?, endsAt: Date?) {
        self.shareBasisPoints = shareBasisPoints
        self.percentBasisPoints = percentBasisPoints
        self.fixed = fixed
        self.endsAt = endsAt
    }

    /// How many acceptances release the bonus: the share of `eligible`, rounded up, at least one.
    public func threshold(eligible: Int) -> Int {
        max(1, (max(0, eligible) * shareBasisPoints + 9_999) / 10_000)
    }

    /// When the threshold-th acceptance (by time) came, if it came by `now` and by ``endsAt``.
    public func reachedAt(acceptances: [Date], eligible: Int, at now: Date) -> Date? {
        let counted = acceptances.filter { $0 <= now }.sorted()
        let needed = threshold(eligible: eligible)
        guard counted.count >= needed else { return nil }
        let reached = counted[needed - 1]
        if let endsAt, reached > endsAt { return nil }
        return reached
    }

    /// What each accepting complainant gets on top once it is released.
    public func amount(base: SettlementMoney) throws(IncentiveError) -> SettlementMoney {
        let share = base.percentage(basisPoints: percentBasisPoints)
        guard let fixed else { return share }
        guard let sum = share.plus(fixed) else { throw .currencyMismatch(base: base.currency, bonus: fixed.currency) }
        return sum
    }
}

/// The collective bonus as it stands at one instant.
public struct CollectiveBonusTotal: Sendable, Hashable, Codable {
    /// Acceptances needed.
    public let threshold: Int
    /// When the threshold was reached; nil while it is not (or can no longer be).
    public let reachedAt: Date?
    /// What each accepting complainant gets once released.
    public let perComplainant: SettlementMoney
    /// Paid out so far: every acceptance counted, once released; zero before.
    public let total: SettlementMoney
}
