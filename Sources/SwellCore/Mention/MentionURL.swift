public import Foundation

/// The normalised form of a mention's URL, its idempotency key: the same article shared with another tracking
/// tag, fragment, letter case in the host or trailing slash is one mention.
///
/// - scheme and host in lower case; `http` and `https` only; default ports dropped;
/// - the fragment dropped; tracking parameters (`utm_*`, `spm`, `from`, `share_*`, `fbclid`, `gclid`, …) dropped,
///   the others kept in order of name;
/// - a trailing slash dropped from a path other than `/`.
public enum MentionURL {
    /// The normalised URL, or nil when the text is not an absolute http(s) URL with a host.
    public static func normalise(_ text: String) -> String? {
        guard var parts = URLComponents(string: text.trimmingWhiteSpace()),
            let scheme = parts.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = parts.host?.lowercased(), !host.isEmpty
        else { return nil }
        parts.scheme = scheme
        parts.host = host
        if (scheme == "http" && parts.port == 80) || (scheme == "https" && parts.port == 443) { parts.port = nil }
        parts.fragment = nil
        parts.user = nil
        parts.password = nil
        if parts.path.count > 1, parts.path.hasSuffix("/") { parts.path = String(parts.path.dropLast()) }
        let kept = (parts.queryItems ?? []).filter { !isTracking($0.name) }
        parts.queryItems = kept.isEmpty ? nil : kept.sorted { ($0.name, $0.value ?? "") < ($1.name, $1.value ?? "") }
        return parts.string
    }

    static func isTracking(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasPrefix("utm_") || lower.hasPrefix("share_") || trackingNames.contains(lower)
    }

    static let trackingNames: Set<String> = [
        "spm", "from", "fbclid", "gclid", "isappinstalled", "scene", "srcid", "sharer_shareid", "sharer_sharetime",
        "xsec_source", "xsec_token", "vd_source", "share_source", "wfr", "ref", "ref_src",
    ]
}
