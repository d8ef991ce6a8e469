/// Unified diffs of two texts, line by line, as `diff -u` prints them.
public enum LineDiff {
    /// The unified diff from `old` to `new` with three lines of context; "" when the texts are equal.
    public static func unified(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let a = lines(old), b = lines(new)
        guard a != b else { return "" }
        let ops = script(a, b)
        var out = "--- \(oldName)\n+++ \(newName)\n"
        for range in hunks(ops, context: context) {
            let slice = ops[range]
            let oldLines = slice.filter { $0.kind != .insert }.count
            let newLines = slice.filter { $0.kind != .delete }.count
            let first = ops[range.lowerBound]
            out += "@@ -\(header(first.old, oldLines)) +\(header(first.new, newLines)) @@\n"
            for op in slice {
                let line: Line
                switch op.kind {
                case .same: line = a[op.old]; out += " "
                case .delete: line = a[op.old]; out += "-"
                case .insert: line = b[op.new]; out += "+"
                }
                out += line.text + "\n"
                if !line.newline { out += "\\ No newline at end of file\n" }
            }
        }
        return out
    }

    struct Line: Equatable {
        var text: Substring
        /// False only for a last line that has no newline, which then differs from the same text with one.
        var newline: Bool
    }

    enum Kind { case same, delete, insert }

    /// One step of the edit script; `old`/`new` are the 0-based positions in each text at this step.
    struct Op {
        var kind: Kind
        var old: Int
        var new: Int
    }

    static func lines(_ text: String) -> [Line] {
        guard !text.isEmpty else { return [] }
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false)
        let endsWithNewline = parts.last == ""
        if endsWithNewline { parts.removeLast() }
        return parts.enumerated().map { i, p in Line(text: p, newline: endsWithNewline || i < parts.count - 1) }
    }

    /// Largest table the longest-common-subsequence search may use; beyond it the middle is replaced wholesale.
    static let maxCells = 4_000_000

    /// An edit script: common prefix and suffix, and a longest common subsequence of the middle.
    static func script(_ a: [Line], _ b: [Line]) -> [Op] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let n = a.count - prefix - suffix, m = b.count - prefix - suffix
        var ops = (0..<prefix).map { Op(kind: .same, old: $0, new: $0) }
        var i = 0, j = 0
        if n > 0, m > 0, (n + 1) * (m + 1) <= maxCells {
            // lcs[x * (m + 1) + y] is the LCS length of a[prefix + x ..< end] and b[prefix + y ..< end].
            var lcs = [Int32](repeating: 0, count: (n + 1) * (m + 1))
            for x in stride(from: n - 1, through: 0, by: -1) {
                for y in stride(from: m - 1, through: 0, by: -1) {
                    lcs[x * (m + 1) + y] = a[prefix + x] == b[prefix + y]
                        ? lcs[(x + 1) * (m + 1) + y + 1] + 1
                        : max(lcs[(x + 1) * (m + 1) + y], lcs[x * (m + 1) + y + 1])
                }
            }
            while i < n, j < m {
                if a[prefix + i] == b[prefix + j] {
                    ops.append(Op(kind: .same, old: prefix + i, new: prefix + j))
                    i += 1
                    j += 1
                } else if lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1] {
                    ops.append(Op(kind: .delete, old: prefix + i, new: prefix + j))
                    i += 1
                } else {
                    ops.append(Op(kind: .insert, old: prefix + i, new: prefix + j))
                    j += 1
                }
            }
        }
        while i < n {
            ops.append(Op(kind: .delete, old: prefix + i, new: prefix + j))
            i += 1
        }
        while j < m {
            ops.append(Op(kind: .insert, old: prefix + i, new: prefix + j))
            j += 1
        }
        for k in 0..<suffix { ops.append(Op(kind: .same, old: a.count - suffix + k, new: b.count - suffix + k)) }
        return ops
    }

    /// Ranges of the script to print: each change with `context` unchanged steps around it, overlapping ones merged.
    static func hunks(_ ops: [Op], context: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for (k, op) in ops.enumerated() where op.kind != .same {
            let lo = max(0, k - context), hi = min(ops.count, k + context + 1)
            if let last = result.last, lo <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, hi)
            } else {
                result.append(lo..<hi)
            }
        }
        return result
    }

    /// `start,count` as in `diff -u`: 1-based, count omitted when 1, and the line before when count is 0.
    static func header(_ index: Int, _ count: Int) -> String {
        switch count {
        case 0: return "\(index),0"
        case 1: return "\(index + 1)"
        default: return "\(index + 1),\(count)"
        }
    }
}
