import Foundation
import Testing
@testable import Strata

/// Event tables: per-customer aggregates are SQL's LEFT JOIN + GROUP BY, names resolve as in a SQL
/// subquery, and a `let` aggregates over every row that belongs to a customer.
@Suite struct EventTableTests {
    /// Four customers; C3 has no events at all. Visits are in date order, so each customer's rows are
    /// scattered; one visit names no customer and one has an empty key.
    static let folder: String = {
        let dir = Repo.tempDir()
        let files = [
            "c.csv": "id,name,channel,clv\nC1,张三,到访,6000000\nC2,李四,线上,1000000\nC3,王五,电话,\nC4,赵六,到访,3000000\n",
            "v.csv": "customer_id,date,channel,minutes\nC1,2026-01-05,到访,30\nC2,2026-02-01,线上,5\nC1,2026-03-10,电话,\nC9,2026-03-11,到访,10\n"
                + "C1,2026-06-01,到访,45\nC4,2026-06-20,线上,12\n,2026-06-21,到访,3\nC2,2026-06-25,到访,20\n",
            "p.csv": "customer_id,date,amount,project\nC1,2025-05-01,3000000,万科城\nC1,2026-04-01,2000000,翡翠公园\nC4,2026-04-01,1500000,金色家园\n"
                + "C1,2026-04-01,500000,车位\n",
            "m.csv": "id,clv,tier\nC1,4000000,金卡\nC4,3500000,金卡\n",
        ]
        for (name, text) in files { try? text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        return dir
    }()

    static let head = """
        load customers from "c.csv"
        load visits from "v.csv" linked by customer_id
        load purchases from "p.csv" linked by customer_id
        load may from "m.csv" matched by id
        set as_of = 2026-06-30

        """

    /// Runs rules in the fixture folder and returns the CSV that `show` printed (or the errors).
    static func run(_ rules: String, command: String = "run") -> CLIRun {
        let path = folder + "/r-\(UUID().uuidString).strata"
        try? (head + rules).write(toFile: path, atomically: true, encoding: .utf8)
        return CLIRun([command, path] + (command == "run" ? ["--format", "csv"] : []))
    }

    /// The value of `x` per customer, C1 to C4, as CSV cells.
    static func column(_ expr: String) -> [String] {
        let r = run("derive x = \(expr)\nshow customers columns x\n")
        guard r.code == 0 else { return ["error: " + r.err] }
        return Array(r.out.components(separatedBy: "\n").dropFirst().dropLast())
    }

    @Test(arguments: [
        ("count(visits)", ["3", "2", "0", "1"]),
        ("count(visits where date >= as_of - 90 days)", ["1", "1", "0", "1"]),
        // Three-valued logic inside the filter: C1's visit without minutes is neither kept nor counted.
        ("count(visits where minutes > 10)", ["2", "1", "0", "1"]),
        ("count(visits.minutes)", ["2", "2", "0", "1"]),
        ("sum(purchases.amount)", ["5500000", "", "", "1500000"]),
        ("max(purchases.date)", ["2026-04-01", "", "", "2026-04-01"]),
        ("min(visits.channel)", ["到访", "到访", "", "线上"]),
        ("count(distinct purchases.date)", ["2", "0", "0", "1"]),
        // Ties: `last` takes the later row in the file, `first` the earlier.
        ("last(purchases.project by purchases.date)", ["车位", "", "", "金色家园"]),
        ("first(purchases.project by purchases.date where amount < 2500000)", ["翡翠公园", "", "", "金色家园"]),
        ("avg(visits.minutes)", ["37.5", "12.5", "", "12"]),
        ("median(visits.minutes)", ["37.5", "12.5", "", "12"]),
        ("percentile(visits.minutes, 0.25)", ["33.75", "8.75", "", "12"]),
        ("stddev(visits.minutes)", ["10.606601717798213", "10.606601717798213", "", ""]),
        // An unqualified name is the event's field first; `customers.channel` reaches the customer's.
        ("count(visits where channel == customers.channel)", ["2", "1", "0", "0"]),
        ("sum(visits.minutes where channel == \"到访\" and date >= as_of - 180 days)", ["75", "20", "", ""]),
        // A matched snapshot's field is one value per customer, null without a row.
        ("may.clv", ["4000000", "", "", "3500000"]),
        ("ntile(count(visits), 2)", ["2", "2", "1", "1"]),
    ])
    func perCustomer(_ expr: String, _ expected: [String]) {
        #expect(Self.column(expr) == expected, "\(expr)")
    }

    @Test func aLetAggregatesOverEveryRowThatBelongsToACustomer() {
        let r = Self.run("""
            let total_visits = count(visits)
            let avg_ticket = avg(purchases.amount)
            let avg_visits = avg(count(visits))
            let with_visits = count(where count(visits) > 0)
            assert total_visits == 6
            assert avg_ticket == 1750000
            assert avg_visits == 1.5
            assert with_visits == 3

            """, command: "test")
        #expect(r.code == 0, "\(r.out)\(r.err)")
        #expect(r.out.contains("4 passed, 0 failed"))
    }

    @Test func rowsThatNameNoCustomerAreCountedInOneWarning() {
        let r = Self.run("count count(visits) > 0\n")
        #expect(r.code == 0)
        #expect(r.err.contains("warning: 2 rows of `visits` name no customer (first: \(Self.folder)/v.csv:5, `C9`)"))
        #expect(r.out.contains("3"))
    }

    @Test func checkWarnsWhenAnEventFieldHidesACustomerField() {
        let r = Self.run("derive same = count(visits where channel == \"到访\")\ncount same > 0\n", command: "check")
        #expect(r.err.contains("warning: `channel` here is `visits.channel`, which hides the field `channel`"), "\(r.err)")
        #expect(r.err.contains("write `visits.channel` to say so, or `customers.channel` for the customer's"))
    }

    @Test(arguments: [
        ("segment s where visits.date > as_of", "`visits.date` has many values per customer"),
        ("segment s where minutes > 1", "`minutes` is a field of `visits`, which has many rows per customer"),
        ("derive x = sum(visits.minutes + purchases.amount)", "one aggregate cannot read two event tables"),
        ("derive x = count(visits where purchases.amount > 1)", "`purchases.amount` is a field of `purchases`, but this aggregate is over `visits`"),
        ("derive x = last(purchases.project)", "`last` needs `by`"),
        ("derive x = count(visits where count(purchases) > 0)", "aggregates cannot be nested"),
        ("derive x = visits.dat", "`visits` has no field `dat`"),
        ("derive x = vists.date", "unknown table `vists`"),
    ])
    func mistakesAreExplained(_ rule: String, _ message: String) {
        let r = Self.run(rule + "\n", command: "check")
        #expect(r.code == 1)
        #expect(r.err.contains(message), "\(r.err)")
    }

    @Test func checkWithoutDataUsesOneSchemaPerTable() {
        let dir = Repo.tempDir()
        let rules = """
            schema customers {
              id: string key
              clv: number
            }
            schema visits {
              customer_id: string
              date: date
            }
            load customers from "nowhere.csv"
            load visits from "nowhere-v.csv" linked by customer_id
            set as_of = 2026-06-30
            segment silent where count(visits where date >= as_of - 180 days) == 0
            segment typo where count(visits where dat > as_of) == 0
            count silent

            """
        try? rules.write(toFile: dir + "/r.strata", atomically: true, encoding: .utf8)
        let r = CLIRun(["check", dir + "/r.strata"])
        #expect(r.code == 1)
        #expect(r.err.contains("r.strata:13:39: error: unknown name `dat`"), "\(r.err)")
        #expect(r.err.contains("1 error"))
    }
}
