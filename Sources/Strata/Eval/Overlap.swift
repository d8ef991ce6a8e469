/// The result of `overlap`: each set's size and every pair's intersection, for the matrix and the pair list.
public struct OverlapTable: Sendable, Hashable {
    /// The segments or conditions compared, as written (canonical text).
    public var labels: [String]
    /// How many customers each one holds.
    public var sizes: [Int]
    /// `both[i][j]`: customers in `labels[i]` and `labels[j]` (symmetric; the diagonal is the size).
    public var both: [[Int]]

    /// One pair with its measures.
    public struct Pair: Sendable, Hashable {
        public var a: Int
        public var b: Int
        public var both: Int
        /// Intersection over union: 1 when the two are the same customers, 0 when they share none.
        public var jaccard: Double
        /// The share of `a` that is also in `b`, and the other way round (1: contained).
        public var shareOfA: Double
        public var shareOfB: Double
    }

    /// Every pair once (`a` listed before `b`), most similar first (Jaccard descending, then the larger
    /// intersection, then the order the sets were listed in).
    public var pairs: [Pair] {
        var out: [Pair] = []
        for i in labels.indices {
            for j in labels.indices where j > i {
                let n = both[i][j]
                let union = sizes[i] + sizes[j] - n
                out.append(Pair(a: i, b: j, both: n, jaccard: union == 0 ? 0 : Double(n) / Double(union),
                                shareOfA: sizes[i] == 0 ? 0 : Double(n) / Double(sizes[i]),
                                shareOfB: sizes[j] == 0 ? 0 : Double(n) / Double(sizes[j])))
            }
        }
        return out.enumerated().sorted { x, y in
            if x.element.jaccard != y.element.jaccard { return x.element.jaccard > y.element.jaccard }
            if x.element.both != y.element.both { return x.element.both > y.element.both }
            return x.offset < y.offset
        }.map(\.element)
    }
}

extension Runner {
    /// Each condition's members, then every pair's intersection counted without keeping it.
    func overlap(_ items: [(label: String, condition: TypedExpr)], _ ev: Evaluator) throws(EvalError) -> OverlapTable {
        var sets: [Bitset] = []
        for item in items { sets.append(try ev.eval(item.condition).truth(rowCount).isTrue) }
        var both = [[Int]](repeating: [Int](repeating: 0, count: sets.count), count: sets.count)
        for i in sets.indices {
            both[i][i] = sets[i].cardinality
            for j in sets.indices where j > i {
                try checkCancelled(at: items[j].condition.span)
                let n = (sets[i] & sets[j]).cardinality
                both[i][j] = n
                both[j][i] = n
            }
        }
        return OverlapTable(labels: items.map(\.label), sizes: sets.map(\.cardinality), both: both)
    }
}
