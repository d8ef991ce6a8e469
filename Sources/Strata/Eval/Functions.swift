import Foundation

/// Scalar built-in functions over vectors. Numeric maps and dictionary-wise string functions are
/// kernels; the rest go row by row through values.
enum Functions {
    static func call(_ f: ScalarFunction, _ a: [Vector], types: [ValueType], resultType: ValueType, count n: Int, span: SourceSpan) throws(EvalError) -> Vector {
        // All-scalar arguments: compute once.
        if a.allSatisfy({ if case .scalar = $0 { return true } else { return false } }) {
            return .scalar(scalar(f, a.map { $0.value(at: 0) }))
        }
        switch f {
        case .abs, .floor, .ceil:
            guard case .number(let xs, let v) = a[0] else { break }
            let g: (Double) -> Double = f == .abs ? { Swift.abs($0) } : (f == .floor ? { $0.rounded(.down) } : { $0.rounded(.up) })
            return Kernels.numberMap(xs, v, n) { g($0) }
        case .round:
            guard case .number(let xs, let v) = a[0] else { break }
            if a.count == 1 { return Kernels.numberMap(xs, v, n) { roundHalfAway($0, 0) } }
            guard case .scalar(let d) = a[1] else { break }
            guard case .number(let digits) = d, digits == digits.rounded() else { return .scalar(.null) }
            return Kernels.numberMap(xs, v, n) { roundHalfAway($0, digits) }
        case .lower, .upper, .length:
            guard case .string(let codes, let dict, let v) = a[0] else { break }
            if f == .length {
                let lens = dict.map(textLength)
                var out = [Double](repeating: 0, count: n)
                for i in 0..<n where v[i] { let c = Int(codes[i]); if c >= 0, c < lens.count { out[i] = lens[c] } }
                return .number(out, valid: v)
            }
            return remapDictionary(codes, dict, v, n) { f == .lower ? $0.lowercased() : $0.uppercased() }
        case .contains, .starts_with, .ends_with:
            guard case .string(let codes, let dict, let v) = a[0], case .scalar(let p) = a[1] else { break }
            guard case .string(let part) = p else { return .scalar(.null) }
            let hit = dict.map { textTest(f, $0, part) }
            return Kernels.truth(v, Kernels.byCode(codes, hit, n))
        case .days_between:
            if case .scalar(.date(let from)) = a[0], case .date(let ds, let v) = a[1] {
                return Kernels.numberMap(ds.map { Double($0) }, v, n) { $0 - Double(from) }
            }
            if case .date(let ds, let v) = a[0], case .scalar(.date(let to)) = a[1] {
                return Kernels.numberMap(ds.map { Double($0) }, v, n) { Double(to) - $0 }
            }
            if case .date(let xs, let xv) = a[0], case .date(let ys, let yv) = a[1], xs.count >= n, ys.count >= n {
                var out = [Double](repeating: 0, count: n)
                for i in 0..<n { out[i] = Double(ys[i]) - Double(xs[i]) }
                return .number(out, valid: xv & yv)
            }
        case .if:
            if a.count == 3, let v = SelectKernel.select(a[0], a[1], a[2], type: resultType, count: n) { return v }
        case .pow, .exp, .ln, .log10, .sqrt, .day, .weekday, .day_of_year, .days, .months, .text, .concat:
            if let v = MathCalendarTextFunctions.kernel(f, a, count: n) { return v }
        case .number:
            if case .number = a[0] { return a[0] }
            // Each distinct text is parsed once.
            guard case .string(let codes, let dict, let v) = a[0] else { break }
            let parsed = dict.map(NumberParser.number(in:))
            var out = [Double](repeating: 0, count: n)
            var valid = Bitset(count: n)
            for i in 0..<n where v[i] {
                let c = Int(codes[i])
                if c >= 0, c < parsed.count, let x = parsed[c] { out[i] = x; valid[i] = true }
            }
            return .number(out, valid: valid)
        default:
            break
        }
        // Row by row through values; one argument buffer for all rows, so no row allocates.
        var args = [Value](repeating: .null, count: a.count)
        return Vector.build(type: resultType, count: n) { i in
            for k in a.indices { args[k] = a[k].value(at: i) }
            return scalar(f, args)
        }
    }

    /// The function on single values: the reference semantics every kernel above must match.
    static func scalar(_ f: ScalarFunction, _ a: [Value]) -> Value {
        func num(_ i: Int) -> Double? { if i < a.count, case .number(let d) = a[i] { return d }; return nil }
        func str(_ i: Int) -> String? { if i < a.count, case .string(let s) = a[i] { return s }; return nil }
        func day(_ i: Int) -> Int32? { if i < a.count, case .date(let d) = a[i] { return d }; return nil }
        switch f {
        case .abs: return num(0).map { .number(Swift.abs($0)) } ?? .null
        case .floor: return num(0).map { .number($0.rounded(.down)) } ?? .null
        case .ceil: return num(0).map { .number($0.rounded(.up)) } ?? .null
        case .round:
            guard let x = num(0) else { return .null }
            if a.count < 2 { return .number(roundHalfAway(x, 0)) }
            // Digits that are not whole (computed, so the checker could not refuse them) have no meaning.
            guard let d = num(1), d == d.rounded() else { return .null }
            return .number(roundHalfAway(x, d))
        case .min, .max:
            let vals = a.filter { !$0.isNull }
            guard var best = vals.first else { return .null }
            for v in vals.dropFirst() {
                let c = ScalarOrder.compare(v, best)
                if f == .min ? c < 0 : c > 0 { best = v }
            }
            return best
        case .coalesce: return a.first { !$0.isNull } ?? .null
        case .lower: return str(0).map { .string($0.lowercased()) } ?? .null
        case .upper: return str(0).map { .string($0.uppercased()) } ?? .null
        case .length: return str(0).map { .number(textLength($0)) } ?? .null
        case .contains, .starts_with, .ends_with:
            guard let s = str(0), let p = str(1) else { return .null }
            return .bool(textTest(f, s, p))
        case .days_between:
            guard let x = day(0), let y = day(1) else { return .null }
            return .number(Double(Int(y) - Int(x)))
        case .months_between:
            guard let x = day(0), let y = day(1) else { return .null }
            return .number(Double(CivilDate.monthsBetween(x, y)))
        case .years_between:
            guard let x = day(0), let y = day(1) else { return .null }
            return .number(Double(CivilDate.yearsBetween(x, y)))
        case .year: return day(0).map { .number(Double(CivilDate.civil($0).year)) } ?? .null
        case .month: return day(0).map { .number(Double(CivilDate.civil($0).month)) } ?? .null
        case .if:
            guard a.count == 3 else { return .null }
            if case .bool(true) = a[0] { return a[1] }
            return a[2]
        case .date: return str(0).flatMap { CivilDate.parse($0) }.map(Value.date) ?? .null
        case .number:
            if let x = num(0) { return .number(x) }
            return str(0).flatMap(NumberParser.number(in:)).map(Value.number) ?? .null
        case .pow, .exp, .ln, .log10, .sqrt, .day, .weekday, .day_of_year, .days, .months, .text, .concat:
            return MathCalendarTextFunctions.scalar(f, a)
        }
    }

    /// `length` counts Unicode code points ("👍🏽" is 2), as DuckDB, PostgreSQL and Spark do, so a rule
    /// gives the same answer in every engine `strata sql` writes for.
    static func textLength(_ s: String) -> Double { Double(s.unicodeScalars.count) }

    static func textTest(_ f: ScalarFunction, _ s: String, _ p: String) -> Bool {
        let sb = Array(s.utf8), pb = Array(p.utf8)
        switch f {
        case .starts_with: return sb.starts(with: pb)
        case .ends_with: return sb.count >= pb.count && sb[(sb.count - pb.count)...].elementsEqual(pb)
        default:
            if pb.isEmpty { return true }
            guard sb.count >= pb.count else { return false }
            for start in 0...(sb.count - pb.count) where sb[start..<(start + pb.count)].elementsEqual(pb) { return true }
            return false
        }
    }

    /// Rounds to `digits` decimals exactly as DuckDB rounds a double (`RoundOperatorPrecision`): the value
    /// scaled by 10^digits is rounded half away from zero and scaled back, so `round(2.675, 2)` is 2.68
    /// like DuckDB's although the stored double is 2.67499…; negative digits divide by 10^−digits.
    /// A scaled result that is not finite gives back the value, and rounding to more than 308 tens gives 0,
    /// as DuckDB does. The scalar and the vector paths both call this, so the two cannot drift apart.
    static func roundHalfAway(_ x: Double, _ digits: Double) -> Double {
        // A fraction of a digit is cut off; beyond ±400 the power of ten is infinite (or 0) either way,
        // so clamping there changes no answer and keeps the conversion to Int from trapping.
        let d = digits.isNaN ? 0 : Int(Swift.max(-400, Swift.min(400, digits.rounded(.towardZero))))
        if d < 0 {
            let m = Foundation.pow(10.0, Double(-d))
            guard m.isFinite else { return 0 }
            let r = (x / m).rounded(.toNearestOrAwayFromZero) * m
            return r.isFinite ? r : x
        }
        let m = Foundation.pow(10.0, Double(d))
        let r = (x * m).rounded(.toNearestOrAwayFromZero) / m
        return r.isFinite ? r : x
    }

    /// Applies a string function to each dictionary entry once, merging entries that become equal.
    static func remapDictionary(_ codes: [Int32], _ dict: [String], _ valid: Bitset, _ n: Int, _ g: (String) -> String) -> Vector {
        var enc = StringEncoder()
        let map = dict.map { enc.code(g($0)) }
        var out = [Int32](repeating: 0, count: n)
        for i in 0..<n where valid[i] { let c = Int(codes[i]); if c >= 0, c < map.count { out[i] = map[c] } }
        return .string(codes: out, dictionary: enc.dictionary, valid: valid)
    }
}
