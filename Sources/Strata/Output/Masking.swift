/// Masking of values on their way out: a personal field's cells as the text output shows them.
extension PII {
    /// Masks a cell; numbers (a phone column read as numbers) become masked strings, null stays null.
    public static func mask(_ v: Value, fieldName: String) -> Value {
        guard let k = kind(fieldName: fieldName) else { return v }
        return mask(v, kind: k)
    }

    /// Masks a value of a personal field of the given kind. A date (a birthday) is masked whole; a
    /// number (a phone column read as numbers) becomes a masked string; null and bools stay.
    public static func mask(_ v: Value, kind: Kind) -> Value {
        switch v {
        case .string(let s): return .string(mask(s, kind: kind))
        case .number: return .string(mask(ValueFormat.text(v), kind: kind))
        case .date: return .string("****-**-**")
        case .bool, .null, .duration: return v
        }
    }

}
