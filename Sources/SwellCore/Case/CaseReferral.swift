public import Foundation

/// A complaint referred by an authority (a regulator's hotline or platform), which sets its own period
/// for the company's answer.
public struct CaseReferral: Sendable, Codable, Equatable {
    /// The authority's hotline or name as the playbook lists it: `12315`, `12345`, `12301`; `regulator`
    /// for a complaint that came in through the regulator channel without naming one.
    public var authority: String
    /// The authority's reference number for the complaint (not personal data).
    public var referenceNo: String?
    /// When the authority's referral reached the company; its period counts from here.
    public var receivedAt: Date

    public init(authority: String, referenceNo: String?, receivedAt: Date) {
        self.authority = authority
        self.referenceNo = referenceNo
        self.receivedAt = receivedAt
    }

    /// The authority named for a complaint that arrived through the regulator channel.
    public static let unnamedAuthority = "regulator"
}
