import Foundation

extension CLI {
    /// Usage of `strata gen`, printed by `strata gen --help`.
    public static var genUsage: String { UsageText.gen.message.text() }

    /// `strata gen`: writes generated customers (and with `--events` their event tables) into a folder.
    func gen(_ words: [String]) throws(UsageError) -> Int32 {
        let a = try Arguments(words, valueOptions: ["customers", "seed", "out"], flagOptions: ["events", "help"])
        if a.flag("help") {
            out(CLI.genUsage)
            return 0
        }
        guard a.positionals.isEmpty else { throw UsageError(message: CLIText.genNoFiles.message) }
        guard let ns = a.value("customers"), let n = Int(ns), n >= 0, n <= 100_000_000 else {
            throw UsageError(message: CLIText.genCustomers.message)
        }
        let seed = try a.value("seed").map { (s: String) throws(UsageError) -> UInt64 in
            guard let v = UInt64(s) else { throw UsageError(message: CLIText.seedWhole(["found": .text(s)])) }
            return v
        } ?? 1
        guard let dir = a.value("out") else { throw UsageError(message: CLIText.genOut.message) }
        let path = dir + "/customers.csv"
        do {
            if a.flag("events") {
                let counts = try EventGenerator.write(customers: n, seed: seed, directory: dir)
                err(CLIText.wroteCustomers(["count": "\(n)", "en_s": CLIText.s(n), "path": .text(path)]).text() + "\n")
                for table in EventTable.allCases {
                    err(CLIText.wroteRows(["count": "\(counts.rows[table] ?? 0)", "path": "\(dir)/\(table.fileName)"]).text() + "\n")
                }
            } else {
                try CustomerGenerator.writeCSV(customers: n, seed: seed, to: path)
                err(CLIText.wroteCustomers(["count": "\(n)", "en_s": CLIText.s(n), "path": .text(path)]).text() + "\n")
            }
        } catch {
            err("strata: \(error)\n")
            return 3
        }
        return 0
    }
}
