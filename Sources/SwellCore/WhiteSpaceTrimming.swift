extension String {
    /// The text without leading and trailing white space and line breaks (Unicode's White_Space property: spaces of
    /// every width, tabs, line and paragraph separators, the ideographic space 　; and the zero-width space, as
    /// Foundation trims it too), or the string itself when it has none, which is the usual case. Foundation's `trimmingCharacters(in:)` copies every string to UTF-16 on Linux;
    /// on intake that trip cost more than all the other checks of a complaint together.
    public func trimmingWhiteSpace() -> String {
        let scalars = unicodeScalars
        let isBlank = { (scalar: Unicode.Scalar) in scalar.properties.isWhitespace || scalar == "\u{200B}" }
        guard let first = scalars.firstIndex(where: { !isBlank($0) }),
            let last = scalars.lastIndex(where: { !isBlank($0) })
        else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}
