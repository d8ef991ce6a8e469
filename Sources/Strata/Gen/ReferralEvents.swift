/// `referrals.csv`: 老带新, one row per referral, `referrals` rows per referrer. The referee is a customer of
/// the same block (preferably one whose channel is 老带新) whose first visit follows the referral, or empty
/// when no such customer is free or the friend never came in; `converted` says whether the referee bought.
enum ReferralEvents {
    /// Fields: bit 0 converted, bit 1 the referee is in the table, bits 2–15 the referee's place in the block.
    static let placeBits = 14
    /// Referrals whose friend never came to the sales office, so is not in the customer table.
    static let strangerRate = 0.12
    /// How long before their first visit a friend may be referred, in days.
    static let leadDays = 45
    /// Random tries at a free referee before giving up, so a crowded period cannot slow generation down.
    private static let probes = 12

    /// Appends the referrals of one block of customers; `starts` is the day from which each may refer
    /// (an owner's first purchase, a prospect's first visit).
    static func generate(_ block: [CustomerRecord], starts: [Int], _ rng: inout Rng, _ t: GeneratorTables, into rows: inout [UInt64]) {
        guard block.contains(where: { $0.referrals > 0 }) else { return }
        // Candidate referees ordered by first visit, so those in a referrer's window are one contiguous range.
        // Channel 1 is 老带新 (`GeneratorVocabulary.channels`).
        let referred = block.indices.filter { block[$0].channel == 1 }.sorted { (block[$0].first, $0) < (block[$1].first, $1) }
        let everyone = block.indices.sorted { (block[$0].first, $0) < (block[$1].first, $1) }
        var taken = [Bool](repeating: false, count: block.count)
        for (i, c) in block.enumerated() where c.referrals > 0 {
            let start = min(starts[i], c.contact)
            for _ in 0..<c.referrals {
                var referee: Int?
                if !rng.chance(strangerRate) {
                    referee = pick(referred, from: start, to: c.contact + leadDays, not: i, block, &taken, &rng)
                        ?? pick(everyone, from: start, to: c.contact + leadDays, not: i, block, &taken, &rng)
                }
                var fields = 0
                let day: Int
                if let j = referee {
                    // Referred a few days or weeks before the friend's first visit, and not after the referrer's last contact.
                    day = min(c.contact, max(start, block[j].first - rng.int(in: 0...leadDays)))
                    fields = (block[j].amounts.isEmpty ? 0 : 1) | 2 | j << 2
                } else {
                    day = rng.int(in: start...c.contact)
                }
                rows.append(EventRow.pack(day: day, customer: c.number, fields: fields, t))
            }
        }
    }

    /// A random free customer from `pool` (sorted by first visit) whose first visit is in `from...to`.
    private static func pick(_ pool: [Int], from: Int, to: Int, not referrer: Int, _ block: [CustomerRecord],
                             _ taken: inout [Bool], _ rng: inout Rng) -> Int? {
        let lo = firstIndex(pool, atLeast: from, block), hi = firstIndex(pool, atLeast: to + 1, block)
        guard lo < hi else { return nil }
        for _ in 0..<probes {
            let j = pool[rng.int(in: lo...(hi - 1))]
            if j != referrer, !taken[j] {
                taken[j] = true
                return j
            }
        }
        return nil
    }

    /// The first position in `pool` whose customer's first visit is on or after `day`.
    private static func firstIndex(_ pool: [Int], atLeast day: Int, _ block: [CustomerRecord]) -> Int {
        var lo = 0, hi = pool.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if block[pool[mid]].first < day { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    static func format(_ row: UInt64, _ t: GeneratorTables, into out: inout [UInt8]) {
        let f = EventRow.fields(row)
        let referrer = EventRow.customer(row)
        CustomerGenerator.appendID(referrer, &out)
        out.append(UInt8(ascii: ","))
        if EventRow.bits(f, at: 1, width: 1) == 1 {
            // The referee's number: the first number of the referrer's block plus their place in it.
            let blockStart = (referrer - 1) / CustomerGenerator.blockSize * CustomerGenerator.blockSize
            CustomerGenerator.appendID(blockStart + EventRow.bits(f, at: 2, width: placeBits) + 1, &out)
        }
        out.append(UInt8(ascii: ","))
        EventRow.appendDate(row, t, into: &out)
        out.append(contentsOf: EventRow.bits(f, at: 0, width: 1) == 1 ? t.trueBytes : t.falseBytes)
        out.append(UInt8(ascii: "\n"))
    }
}
