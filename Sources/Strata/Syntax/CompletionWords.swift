/// Words that completion offers besides keywords, for the REPL and the editor alike.
extension DurationUnit {
    /// Every unit as a duration literal may write it, singular and plural: `1 day`, `90 days`.
    public static let words: [String] = allCases.flatMap { [$0.rawValue, $0.rawValue + "s"] }
}

extension Keyword {
    /// Words of a clause that are not keywords (so fields may bear them): `limit 3 per city`.
    public static let clauseWords = ["per"]
}
