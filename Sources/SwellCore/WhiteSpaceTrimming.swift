extension String {
    /// The text without leading and trailing white space and line breaks (Unicode's White_Space property: spaces of
    /// every width, tabs, line and paragraph separators, the ideographic space 　; and the zero-width space, as
    /// Foundation trims it too), or the string itself when it has none, which is the usual case. Foundation's `trimmingCharacters(in:)` copies every string to UTF-16 on Linux;
    /// on intake that trip cost more than all the other checks of a complaint together.
    public func trimmingWhiteSpace() -> String {
        let scalars = unicodeScalars
        let isBlank = { (scalar: Unicode.Scalar) in
            // ASCII answers without the property table: tab, line feed, vertical tab, form feed, return, space.
            scalar.isASCII ? (0x09...0x0D).contains(scalar.value) || scalar.value == 0x20
                : scalar.properties.isWhitespace || scalar == "\u{200B}"
        }
        guard let first = scalars.firstIndex(where: { !isBlank($0) }),
            let last = scalars.lastIndex(where: { !isBlank($0) })
        else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}

extension Unicode.Scalar {
    /// Whether this is a control character (general category Cc): exactly U+0000–001F and U+007F–009F. Testing the
    /// ranges spares a property-table lookup per character of every complaint's external id.
    public var isControlCharacter: Bool { value <= 0x1F || (0x7F...0x9F).contains(value) }
}
