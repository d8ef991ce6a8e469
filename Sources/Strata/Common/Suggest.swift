/// Edit-distance suggestions ("did you mean `clv`?") shared by every phase.
public enum Suggest {
    /// The closest candidate to `name` if it is close enough to be a plausible typo.
    public static func nearest(_ name: String, in candidates: [String]) -> String? {
        let target = Array(name.lowercased().unicodeScalars)
        var best: (String, Int)?
        for c in candidates.sorted() {
            let d = distance(target, Array(c.lowercased().unicodeScalars))
            if let b = best, d >= b.1 { continue }
            best = (c, d)
        }
        guard let (candidate, dist) = best else { return nil }
        let limit = max(1, min(3, (target.count + 2) / 3))
        return dist <= limit ? candidate : nil
    }

    /// Damerau–Levenshtein (optimal string alignment) distance.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, prev2[j - 2] + 1) }
                cur[j] = v
            }
            prev2 = prev
            prev = cur
        }
        return prev[b.count]
    }
}
