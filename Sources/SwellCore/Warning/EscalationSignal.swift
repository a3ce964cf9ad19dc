/// A sign, in what complainants write, that a group complaint is leaving the company's hands. One vocabulary
/// for the detector (which finds them in text), the playbook (whose level rules name them) and warnings.
public enum EscalationSignal: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// The complaint went, or is going, to a regulator or hotline: 12315, 12345, 12301, the consumer association.
    case regulatorReferral = "regulator_referral"
    /// Journalists, newspapers, TV: the story may be published.
    case mediaAttention = "media_attention"
    /// A lawyer, a lawsuit, a court.
    case legalThreat = "legal_threat"
    /// Illness, injury, an accident: someone's safety.
    case safety
    /// People gathering in person: banners, a sit-in, a crowd at the shop or the airport.
    case gathering
    /// Posting about it publicly online: Weibo, Douyin, Xiaohongshu, going viral.
    case socialMedia = "social_media"
    /// Organising together without gathering: a joint letter, a rights group chat, "the whole group".
    case collectiveAction = "collective_action"

    public static func < (lhs: EscalationSignal, rhs: EscalationSignal) -> Bool {
        let order = allCases
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }

    /// A few words for people, used in warning reasons.
    public var humanName: String {
        switch self {
        case .regulatorReferral: "a regulator or complaint hotline (12315/12345/12301)"
        case .mediaAttention: "journalists or the media"
        case .legalThreat: "lawyers or legal action"
        case .safety: "illness, injury or an accident"
        case .gathering: "people gathering in person"
        case .socialMedia: "posting online"
        case .collectiveAction: "acting together as a group"
        }
    }
}
