/// Customer-level values seen from event rows: inside an aggregate over `visits`, `channel ==
/// customers.channel` compares each visit with its customer's value.
final class GatherContext: Sendable {
    /// The evaluator over the customers.
    let customers: Evaluator
    /// For each event row, its customer (−1 for none).
    let customerOf: [Int32]

    init(customers: Evaluator, customerOf: [Int32]) {
        self.customers = customers
        self.customerOf = customerOf
    }
}

extension Vector {
    /// `xs[index[r]]` at each row r, valid where the index is not −1 and the source row is valid.
    static func gather<T>(_ xs: [T], _ valid: Bitset, _ index: [Int32], zero: T) -> ([T], Bitset) {
        var out = [T](repeating: zero, count: index.count)
        let ok = Bitset.build(count: index.count) { r in
            let i = Int(index[r])
            guard i >= 0, valid[i] else { return false }
            out[r] = xs[i]
            return true
        }
        return (out, ok)
    }

    /// The vector's value of row `index[r]` at each row r (null where the index is −1).
    func gathered(_ index: [Int32]) -> Vector {
        let n = index.count
        switch self {
        case .scalar:
            return self
        case .number(let xs, let valid):
            let (out, ok) = Vector.gather(xs, valid, index, zero: 0)
            return .number(out, valid: ok)
        case .date(let ds, let valid):
            let (out, ok) = Vector.gather(ds, valid, index, zero: 0)
            return .date(out, valid: ok)
        case .string(let codes, let dict, let valid):
            let (out, ok) = Vector.gather(codes, valid, index, zero: 0)
            return .string(codes: out, dictionary: dict, valid: ok)
        case .bool(let t, let f):
            return .bool(isTrue: Bitset.build(count: n) { r in index[r] >= 0 && t[Int(index[r])] },
                         isFalse: Bitset.build(count: n) { r in index[r] >= 0 && f[Int(index[r])] })
        }
    }
}
