/// `overlap` as text: the matrix (each cell the customers in both, and the Jaccard index) and below it
/// the pairs, most similar first. CSV and JSON hold the pair list, which carries every number of the matrix.
enum OverlapRender {
    static func render(_ t: OverlapTable, format: OutputFormat) -> String {
        let headers = ["a", "b", "a_count", "b_count", "both", "jaccard", "share_of_a", "share_of_b"]
        switch format {
        case .csv, .json:
            let rows = t.pairs.map { p -> [Value] in
                [.string(t.labels[p.a]), .string(t.labels[p.b]), .number(Double(t.sizes[p.a])), .number(Double(t.sizes[p.b])),
                 .number(Double(p.both)), .number(Report.roundShare(p.jaccard)), .number(Report.roundShare(p.shareOfA)),
                 .number(Report.roundShare(p.shareOfB))]
            }
            return format == .csv ? CSVWriter.render(headers: headers, rows: rows) : JSONWriter.render(headers: headers, rows: rows)
        case .table:
            return matrix(t) + "\n" + pairList(t)
        }
    }

    /// Rows and columns in the order listed; a cell is `both (jaccard)`, the diagonal each one's size.
    static func matrix(_ t: OverlapTable) -> String {
        TextTable(headers: [OutputText.overlap.message.text()] + t.labels, rows: matrixCells(t), rightAligned: Set(1...max(1, t.labels.count))).render()
    }

    /// The matrix's cells (the HTML report prints the same).
    static func matrixCells(_ t: OverlapTable) -> [[String]] {
        t.labels.indices.map { i in
            [t.labels[i]] + t.labels.indices.map { j in
                i == j ? String(t.sizes[i]) : "\(t.both[i][j]) (\(jaccard(pairJaccard(t, i, j))))"
            }
        }
    }

    /// The pair list's headers, in the output's language (CSV and JSON keep `headers` above).
    static var pairHeaders: [String] { [OutputText.pairA, .pairB, .both, .jaccard, .ofA, .ofB].map { $0.message.text() } }
    static let pairNumericColumns: Set<Int> = [2, 3, 4, 5]

    static func pairList(_ t: OverlapTable) -> String {
        TextTable(headers: pairHeaders, rows: pairCells(t), rightAligned: pairNumericColumns).render()
    }

    /// The pair list's cells, most similar first.
    static func pairCells(_ t: OverlapTable) -> [[String]] {
        t.pairs.map { p in
            [t.labels[p.a], t.labels[p.b], String(p.both), jaccard(p.jaccard), ValueFormat.share(p.shareOfA), ValueFormat.share(p.shareOfB)]
        }
    }

    static func pairJaccard(_ t: OverlapTable, _ i: Int, _ j: Int) -> Double {
        let union = t.sizes[i] + t.sizes[j] - t.both[i][j]
        return union == 0 ? 0 : Double(t.both[i][j]) / Double(union)
    }

    /// Jaccard to two decimals, enough to tell redundant classifications (≥ 0.8) from related ones.
    static func jaccard(_ x: Double) -> String {
        let hundredths = Int((x * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
