extension RandomAccessCollection {
    /// The first index whose element satisfies `pred`, for a predicate that is false up to some point and true
    /// from there on (elements sorted by what it tests); `endIndex` when none does. Keeps formatting linear
    /// in the number of comments: each one finds its line in log time instead of scanning every line.
    func partitionIndex(where pred: (Element) -> Bool) -> Index {
        var lo = startIndex, n = count
        while n > 0 {
            let half = n / 2
            let mid = index(lo, offsetBy: half)
            if pred(self[mid]) {
                n = half
            } else {
                lo = index(after: mid)
                n -= half + 1
            }
        }
        return lo
    }
}
