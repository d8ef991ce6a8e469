/// Finding what `why` explains: the customer by key and the segments or tiers by name, with the refusals
/// (a key no one has, a name that is no classification) as errors that suggest the closest there are.
extension Runner {
    /// The reports for the customer with `key`: `name` alone, or every segment and tiers field in `classifications`.
    func whyReports(key: String, name: String?, keyField: String, classifications: [Binding], scope: Scope,
                    rules: WhyRules) throws(EvalError) -> [OutputItem] {
        var names = classifications.map(\.name)
        if let name {
            guard names.contains(name) else {
                let kind = scope.lookup(name).map(\.kind)
                throw EvalError(.whyNotAClassification(name, kind: kind, nearest: Suggest.nearest(name, in: names)), at: .wholeFile)
            }
            names = [name]
        }
        guard let row = row(ofKey: key, field: keyField) else {
            throw EvalError(.whyUnknownCustomer(key, field: keyField, near: Runner.closest(key, in: keys(field: keyField))), at: .wholeFile)
        }
        var out: [OutputItem] = []
        for n in names {
            if let r = try why(n, row: row, key: (keyField, key), rules: rules) { out.append(.why(r)) }
        }
        return out
    }

    /// Up to three keys nearest to `key` by edit distance (ties in sorted order), for a key that was mistyped.
    static func closest(_ key: String, in keys: [String], limit: Int = 3) -> [String] {
        let target = Array(key.lowercased().unicodeScalars)
        // Keys much longer or shorter cannot be close: skip them before measuring.
        let scored = keys.lazy.filter { abs($0.unicodeScalars.count - target.count) <= 2 }
            .map { ($0, Suggest.distance(target, Array($0.lowercased().unicodeScalars))) }
        let best = scored.filter { $0.1 <= max(1, min(3, (target.count + 2) / 3)) }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        return Array(best.prefix(limit).map(\.0))
    }
}
