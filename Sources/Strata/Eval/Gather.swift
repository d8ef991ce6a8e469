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
    /// The vector's value of row `index[r]` at each row r (null where the index is −1).
    func gathered(_ index: [Int32]) -> Vector {
        let n = index.count
        switch self {
        case .scalar:
            return self
        case .number(let xs, let valid):
            var out = [Double](repeating: 0, count: n)
            let ok = Bitset.build(count: n) { r in
                let i = Int(index[r])
                guard i >= 0, valid[i] else { return false }
                out[r] = xs[i]
                return true
            }
            return .number(out, valid: ok)
        case .date(let ds, let valid):
            var out = [Int32](repeating: 0, count: n)
            let ok = Bitset.build(count: n) { r in
                let i = Int(index[r])
                guard i >= 0, valid[i] else { return false }
                out[r] = ds[i]
                return true
            }
            return .date(out, valid: ok)
        case .string(let codes, let dict, let valid):
            var out = [Int32](repeating: 0, count: n)
            let ok = Bitset.build(count: n) { r in
                let i = Int(index[r])
                guard i >= 0, valid[i] else { return false }
                out[r] = codes[i]
                return true
            }
            return .string(codes: out, dictionary: dict, valid: ok)
        case .bool(let t, let f):
            return .bool(isTrue: Bitset.build(count: n) { r in index[r] >= 0 && t[Int(index[r])] },
                         isFalse: Bitset.build(count: n) { r in index[r] >= 0 && f[Int(index[r])] })
        }
    }
}
