import Foundation

/// `strata gen --events`: `customers.csv` plus the event tables linked to it by customer id, deterministic for a
/// given count and seed. `customers.csv` is the same bytes as without events.
///
/// Event rows are written in date order across all customers, as a CRM log is. They are generated block by block
/// (each block's events depend only on the seed, the block and its customers), counted per day in a first pass
/// that also writes `customers.csv`, then regenerated in windows of days that fit in `windowRows`, each window
/// placed in date order by counting sort and written out: memory stays bounded however many customers there are.
public enum EventGenerator {
    /// Rows (8 bytes each, all tables together) held in memory at once: 1.5 million customers fit in one window.
    static let defaultWindowRows = 16_000_000
    /// Rows formatted together on one core.
    static let formatChunk = 1 << 17

    /// The most customers the event tables can name: a row keeps the customer number in 27 bits.
    public static let maxCustomers = 1 << EventRow.customerBits - 1

    /// Asked for more customers than the event tables can hold.
    public struct TooManyCustomers: Error, CustomStringConvertible, Sendable {
        /// The count asked for.
        public let customers: Int
        /// The message, naming the limit.
        public var description: String { GenText.tooManyCustomersForEvents(["limit": "\(EventGenerator.maxCustomers)", "customers": "\(customers)"]).text() }
    }

    /// How many rows each file got.
    public struct Counts: Sendable, Equatable {
        /// Rows of customers.csv.
        public var customers = 0
        /// Rows of each event table, orphans included.
        public var rows: [EventTable: Int] = [:]
    }

    /// Writes `customers.csv` and the event tables into `directory`, each through a temporary file renamed
    /// into place once everything is generated.
    public static func write(customers: Int, seed: UInt64, directory: String) throws -> Counts {
        guard customers <= maxCustomers else { throw TooManyCustomers(customers: customers) }
        let customerFile = try AtomicFileWriter(path: directory + "/customers.csv")
        var files: [EventTable: AtomicFileWriter] = [:]
        do {
            for table in EventTable.allCases { files[table] = try AtomicFileWriter(path: directory + "/" + table.fileName) }
            let counts = try generate(customers: customers, seed: seed, windowRows: defaultWindowRows,
                                      customerSink: customerFile, sinks: files)
            try customerFile.commit()
            for table in EventTable.allCases { try files[table]?.commit() }
            return counts
        } catch {
            customerFile.discard()
            for file in files.values { file.discard() }
            throw error
        }
    }

    /// Every file's bytes in memory (for tests); `windowRows` smaller than the total exercises the windows.
    static func tables(customers: Int, seed: UInt64, windowRows: Int = defaultWindowRows) throws -> (customers: [UInt8], events: [EventTable: [UInt8]]) {
        let customerSink = MemorySink()
        var sinks: [EventTable: MemorySink] = [:]
        for table in EventTable.allCases { sinks[table] = MemorySink() }
        _ = try generate(customers: customers, seed: seed, windowRows: windowRows, customerSink: customerSink, sinks: sinks)
        return (customerSink.bytes, sinks.mapValues(\.bytes))
    }

    static func generate(customers: Int, seed: UInt64, windowRows: Int, customerSink: ByteSink,
                         sinks: [EventTable: some ByteSink]) throws -> Counts {
        guard customers <= maxCustomers else { throw TooManyCustomers(customers: customers) }
        let t = GeneratorTables.shared
        let blocks = CustomerGenerator.blockCount(customers)
        try customerSink.write(CustomerGenerator.headerLine)
        for table in EventTable.allCases { try sinks[table]?.write(table.headerLine) }

        // Pass 1: customers.csv, and how many rows of each table fall on each day.
        var perDay = [[Int]](repeating: [Int](repeating: 0, count: t.dayCount), count: EventTable.allCases.count)
        try BlockPipeline.run(blocks: blocks) { block in
            let (records, bytes) = CustomerGenerator.records(block, customers: customers, seed: seed, keepingRows: true)
            return (bytes, dayCounts(events(block, records, seed: seed), t))
        } consume: { _, result in
            try customerSink.write(result.0)
            for (table, days) in result.1.enumerated() {
                for d in days.indices { perDay[table][d] += days[d] }
            }
        }

        // Then each window of days: regenerate, keep that window's rows in date order, write them.
        var lo = 0
        while lo < t.dayCount {
            var hi = lo + 1
            var size = perDay.reduce(0) { $0 + $1[lo] }
            while hi < t.dayCount {
                let more = perDay.reduce(0) { $0 + $1[hi] }
                if size + more > windowRows { break }
                size += more
                hi += 1
            }
            let window = try collect(days: lo..<hi, perDay: perDay, blocks: blocks, customers: customers, seed: seed)
            for table in EventTable.allCases {
                if let sink = sinks[table] { try writeRows(window[table], table, customers: customers, to: sink) }
            }
            lo = hi
        }

        var counts = Counts(customers: max(0, customers))
        for table in EventTable.allCases { counts.rows[table] = perDay[table.rawValue].reduce(0, +) }
        return counts
    }

    /// One block's event rows, from its drawn customers.
    static func events(_ block: Int, _ records: [CustomerRecord], seed: UInt64) -> EventRows {
        let t = GeneratorTables.shared
        // A stream of its own, so the customers' stream (and customers.csv) is untouched by events.
        var rng = Rng(seed: (seed ^ 0x6576_656E_7473_0000) &+ UInt64(block) &* 0x9E37_79B9_7F4A_7C15)
        var rows = EventRows()
        rows.visits.reserveCapacity(records.count * 10)
        var officeDays: [Int] = []
        var starts: [Int] = []
        starts.reserveCapacity(records.count)
        for c in records {
            VisitEvents.generate(c, &rng, t, into: &rows.visits, officeDays: &officeDays)
            let bought = PurchaseEvents.generate(c, &rng, t, officeDays: officeDays, into: &rows.purchases)
            ComplaintEvents.generate(c, &rng, t, from: bought ?? c.first, into: &rows.complaints)
            starts.append(bought ?? c.first)
        }
        ReferralEvents.generate(records, starts: starts, &rng, t, into: &rows.referrals)
        return rows
    }

    /// Rows per day of each table, in `EventTable` order.
    private static func dayCounts(_ rows: EventRows, _ t: GeneratorTables) -> [[Int]] {
        EventTable.allCases.map { table in
            var days = [Int](repeating: 0, count: t.dayCount)
            for row in rows[table] { days[EventRow.dayIndex(row)] += 1 }
            return days
        }
    }

    /// The rows of every table on `days`, in date order; rows on one day keep the order they were generated in.
    private static func collect(days: Range<Int>, perDay: [[Int]], blocks: Int, customers: Int, seed: UInt64) throws -> EventRows {
        var window = EventRows()
        // Where the next row of each day goes, per table: a counting sort, since the counts are known.
        var next: [[Int]] = []
        for table in EventTable.allCases {
            var offsets: [Int] = []
            var total = 0
            for d in days {
                offsets.append(total)
                total += perDay[table.rawValue][d]
            }
            next.append(offsets)
            window[table] = [UInt64](repeating: 0, count: total)
        }
        try BlockPipeline.run(blocks: blocks) { block in
            events(block, CustomerGenerator.records(block, customers: customers, seed: seed, keepingRows: false).records, seed: seed)
        } consume: { _, rows in
            place(rows.visits, into: &window.visits, &next[EventTable.visits.rawValue], days)
            place(rows.purchases, into: &window.purchases, &next[EventTable.purchases.rawValue], days)
            place(rows.referrals, into: &window.referrals, &next[EventTable.referrals.rawValue], days)
            place(rows.complaints, into: &window.complaints, &next[EventTable.complaints.rawValue], days)
        }
        return window
    }

    private static func place(_ rows: [UInt64], into window: inout [UInt64], _ next: inout [Int], _ days: Range<Int>) {
        for row in rows {
            let d = EventRow.dayIndex(row)
            guard days.contains(d) else { continue }
            window[next[d - days.lowerBound]] = row
            next[d - days.lowerBound] += 1
        }
    }

    /// Formats rows on several cores, a chunk each, and writes the chunks in order.
    private static func writeRows(_ rows: [UInt64], _ table: EventTable, customers: Int, to sink: some ByteSink) throws {
        let chunks = (rows.count + formatChunk - 1) / formatChunk
        try BlockPipeline.run(blocks: chunks) { k in
            let t = GeneratorTables.shared
            var out: [UInt8] = []
            out.reserveCapacity(formatChunk * 40)
            for row in rows[(k * formatChunk)..<min(rows.count, (k + 1) * formatChunk)] {
                table.format(row, customers: customers, t, into: &out)
            }
            return out
        } consume: { _, bytes in
            try sink.write(bytes)
        }
    }
}
