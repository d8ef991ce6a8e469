/// `purchases.csv`: one row per home bought. A customer has `purchases` rows whose amounts sum to
/// `total_spend` exactly, each on one of their office visits (a home is signed for at the sales office).
enum PurchaseEvents {
    /// Fields: bits 0–14 the amount in thousands of yuan (at most 30,000: the generator caps a home at 3000万
    /// and rounds to the thousand), bits 15–19 the project.
    static let amountBits = 15

    /// Appends the customer's purchases and returns the day of the first, or nil for a prospect.
    static func generate(_ c: CustomerRecord, _ rng: inout Rng, _ t: GeneratorTables, officeDays: [Int], into rows: inout [UInt64]) -> Int? {
        let count = c.amounts.count
        guard count > 0, !officeDays.isEmpty else { return nil }
        // Buyers visit before they buy, so the first visit is skipped when there are visits enough (owners
        // have at least 2 × purchases + 1); selection sampling picks `count` visits in order without a list.
        let lo = officeDays.count > count ? 1 : 0
        var needed = count
        var days: [Int] = []
        days.reserveCapacity(count)
        for i in lo..<officeDays.count where needed > 0 {
            if rng.int(in: 0...(officeDays.count - i - 1)) < needed {
                days.append(officeDays[i])
                needed -= 1
            }
        }
        // Only if there were fewer visits than homes: the rest are signed on the last visit.
        while days.count < count { days.append(officeDays[officeDays.count - 1]) }

        var project = t.project.draw(&rng)
        for (k, amount) in c.amounts.enumerated() {
            // A repeat buyer often buys again in the same project (a second unit, one for the parents).
            if k > 0, !rng.chance(0.4) { project = t.project.draw(&rng) }
            rows.append(EventRow.pack(day: days[k], customer: c.number, fields: amount / 1000 | project << amountBits, t))
        }
        return days[0]
    }

    static func format(_ row: UInt64, _ t: GeneratorTables, into out: inout [UInt8]) {
        let f = EventRow.fields(row)
        EventRow.appendCustomerAndDate(row, t, into: &out)
        CustomerGenerator.appendInt(EventRow.bits(f, at: 0, width: amountBits) * 1000, &out)
        out.append(UInt8(ascii: ","))
        out.append(contentsOf: t.projectBytes[EventRow.bits(f, at: amountBits, width: 5)])
        out.append(UInt8(ascii: "\n"))
    }
}
