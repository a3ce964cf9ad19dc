/// Coarse classes of normalised scalars, shared by the tokenizer and the entity scanners.
enum ScalarClass {
    case han, letter, digit, separator

    @inline(__always)
    static func of(_ value: UInt32) -> ScalarClass {
        switch value {
        case 0x30...0x39: return .digit
        case 0x61...0x7A: return .letter
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: return .han
        case 0x00...0x7F: return .separator
        default:
            guard let scalar = Unicode.Scalar(value) else { return .separator }
            return scalar.properties.isAlphabetic ? .letter : .separator
        }
    }
}

extension Array where Element == UInt32 {
    /// The scalars in `range` as a string.
    func string(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        for value in self[range] { if let scalar = Unicode.Scalar(value) { view.append(scalar) } }
        return String(view)
    }
}
