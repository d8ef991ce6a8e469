import Foundation

extension CLI {
    /// Usage of `strata gen`, printed by `strata gen --help`.
    public static let genUsage = """
        usage: strata gen --customers N [--seed S] --out DIR [--events]

        Writes DIR/customers.csv: N realistic demo customers of a residential developer, the same bytes for
        the same N and S (default 1) on every machine. With --events, also writes the CRM event tables linked
        to it by customer id, in date order and consistent with each customer's row:
          visits.csv      customer_id,date,channel,minutes   (到访/线上/电话/活动; ~0.1% rows name no customer)
          purchases.csv   customer_id,date,amount,project
          referrals.csv   referrer,referee,date,converted
          complaints.csv  customer_id,date,category,severity,resolved,days_to_resolve
        customers.csv is the same with or without --events. See docs/cli.md.

        """

    /// `strata gen`: writes generated customers (and with `--events` their event tables) into a folder.
    func gen(_ words: [String]) throws(UsageError) -> Int32 {
        let a = try Arguments(words, valueOptions: ["customers", "seed", "out"], flagOptions: ["events", "help"])
        if a.flag("help") {
            out(CLI.genUsage)
            return 0
        }
        guard a.positionals.isEmpty else { throw UsageError(message: "gen takes no file arguments; use --out DIR") }
        guard let ns = a.value("customers"), let n = Int(ns), n >= 0, n <= 100_000_000 else {
            throw UsageError(message: "gen needs --customers N (a whole number up to 100000000)")
        }
        let seed = try a.value("seed").map { (s: String) throws(UsageError) -> UInt64 in
            guard let v = UInt64(s) else { throw UsageError(message: "--seed takes a whole number, found `\(s)`") }
            return v
        } ?? 1
        guard let dir = a.value("out") else { throw UsageError(message: "gen needs --out DIR") }
        let path = dir + "/customers.csv"
        do {
            if a.flag("events") {
                let counts = try EventGenerator.write(customers: n, seed: seed, directory: dir)
                err("wrote \(ValueFormat.customers(n)) to \(path)\n")
                for table in EventTable.allCases {
                    err("wrote \(counts.rows[table] ?? 0) rows to \(dir)/\(table.fileName)\n")
                }
            } else {
                try CustomerGenerator.writeCSV(customers: n, seed: seed, to: path)
                err("wrote \(ValueFormat.customers(n)) to \(path)\n")
            }
        } catch {
            err("strata: \(error)\n")
            return 3
        }
        return 0
    }
}
