import Foundation

/// Realistic demo customers of a Chinese residential developer, as CSV: deterministic for a given count and seed.
public enum CustomerGenerator {
    /// The CSV columns, in order.
    public static let header: [String] = [
        "id", "name", "gender", "age", "city", "income_band", "occupation", "channel", "demand_type", "stage",
        "visits", "purchases", "total_spend", "clv", "referrals", "complaints", "satisfaction", "member",
        "first_visit", "last_visit", "last_contact", "phone", "email",
    ]

    /// Customers per independently seeded block; a block's rows depend only on the seed and the block number,
    /// so blocks can be generated on several cores and still give the same bytes.
    static let blockSize = 16_384

    /// The whole CSV in memory (header and `customers` rows, LF line ends).
    public static func csv(customers: Int, seed: UInt64) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + max(0, customers) * 200)
        out.append(contentsOf: headerLine)
        var block = 0
        while block * blockSize < customers {
            generateBlock(block, customers: customers, seed: seed, into: &out)
            block += 1
        }
        return out
    }

    /// Writes the CSV to `path`, streaming through a temporary file that is renamed into place only when complete.
    public static func writeCSV(customers: Int, seed: UInt64, to path: String) throws {
        let writer = try AtomicFileWriter(path: path)
        do {
            try writer.write(headerLine)
            try BlockPipeline.run(blocks: blockCount(customers)) { block in
                var buf: [UInt8] = []
                buf.reserveCapacity(blockSize * 200)
                generateBlock(block, customers: customers, seed: seed, into: &buf)
                return buf
            } consume: { _, bytes in
                try writer.write(bytes)
            }
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
    }

    /// How many blocks `customers` customers take.
    static func blockCount(_ customers: Int) -> Int { (max(0, customers) + blockSize - 1) / blockSize }

    static var headerLine: [UInt8] { Array((header.joined(separator: ",") + "\n").utf8) }

    /// Appends the rows of one block (customer numbers `block * blockSize + 1 …`) to `out`.
    static func generateBlock(_ block: Int, customers: Int, seed: UInt64, into out: inout [UInt8]) {
        var rng = blockRng(block, seed: seed)
        let t = GeneratorTables.shared
        for n in blockRange(block, customers: customers) { row(n + 1, &rng, t, &out) }
    }

    /// The drawn customers of one block, for the event tables, and (when `keepingRows`) their CSV rows.
    /// The rows are drawn even when not kept, because the names and contacts drawn in them move the generator on.
    static func records(_ block: Int, customers: Int, seed: UInt64, keepingRows: Bool) -> (records: [CustomerRecord], rows: [UInt8]) {
        var rng = blockRng(block, seed: seed)
        let t = GeneratorTables.shared
        let range = blockRange(block, customers: customers)
        var records: [CustomerRecord] = []
        records.reserveCapacity(range.count)
        var out: [UInt8] = []
        out.reserveCapacity(keepingRows ? range.count * 200 : 512)
        for n in range {
            records.append(row(n + 1, &rng, t, &out))
            if !keepingRows { out.removeAll(keepingCapacity: true) }
        }
        return (records, out)
    }

    /// The generator of one block's customers; a block's rows depend only on the seed and the block number.
    static func blockRng(_ block: Int, seed: UInt64) -> Rng { Rng(seed: seed &+ UInt64(block) &* 0xD1B5_4A32_D192_ED03) }

    /// Indices (customer number minus one) of a block's customers.
    static func blockRange(_ block: Int, customers: Int) -> Range<Int> {
        let start = block * blockSize
        return start..<max(start, min(customers, start + blockSize))
    }

    /// Draws one customer and appends their row; returns what was drawn, for the event tables.
    @discardableResult
    static func row(_ number: Int, _ rng: inout Rng, _ t: GeneratorTables, _ out: inout [UInt8]) -> CustomerRecord {
        let c = CustomerRecord.draw(number, &rng, t)
        let comma = UInt8(ascii: ",")
        appendID(number, &out)
        out.append(comma)
        let surname = t.surname.draw(&rng)
        out.append(contentsOf: t.surnameBytes[surname])
        let pool = rng.chance(0.15) ? t.neutralGiven : (c.male ? t.maleGiven : t.femaleGiven)
        out.append(contentsOf: pool[rng.int(in: 0...(pool.count - 1))])
        if rng.chance(0.7) { out.append(contentsOf: pool[rng.int(in: 0...(pool.count - 1))]) }
        out.append(comma)
        out.append(contentsOf: c.male ? t.male : t.female)
        out.append(comma)
        appendInt(c.age, &out)
        out.append(comma)
        out.append(contentsOf: t.cityBytes[c.city])
        out.append(comma)
        if !rng.chance(0.04) { out.append(contentsOf: t.bandBytes[c.band]) }
        out.append(comma)
        if !rng.chance(0.04) { out.append(contentsOf: t.occupationBytes[c.occupation]) }
        out.append(comma)
        out.append(contentsOf: t.channelBytes[c.channel])
        out.append(comma)
        out.append(contentsOf: t.demandBytes[c.demand])
        out.append(comma)
        out.append(contentsOf: t.stageBytes[c.stage])
        out.append(comma)
        appendInt(c.visits, &out)
        out.append(comma)
        appendInt(c.purchases, &out)
        out.append(comma)
        appendInt(c.spend, &out)
        out.append(comma)
        appendInt(c.clv, &out)
        out.append(comma)
        appendInt(c.referrals, &out)
        out.append(comma)
        appendInt(c.complaints, &out)
        out.append(comma)
        if !rng.chance(0.04) {
            appendInt(c.satTenths / 10, &out)
            out.append(UInt8(ascii: "."))
            out.append(UInt8(ascii: "0") + UInt8(c.satTenths % 10))
        }
        out.append(comma)
        out.append(contentsOf: c.member ? t.trueBytes : t.falseBytes)
        out.append(comma)
        out.append(contentsOf: t.date(c.first))
        out.append(comma)
        out.append(contentsOf: t.date(c.lastVisit))
        out.append(comma)
        if !rng.chance(0.04) { out.append(contentsOf: t.date(c.contact)) }
        out.append(comma)
        appendInt(GeneratorVocabulary.phonePrefixes[rng.int(in: 0...(GeneratorVocabulary.phonePrefixes.count - 1))], &out)
        appendPadded(rng.int(in: 0...99_999_999), width: 8, &out)
        out.append(comma)
        if !rng.chance(0.04) {
            if rng.chance(0.4) {
                appendInt(rng.int(in: 10_000...2_999_999_999), &out)
                out.append(contentsOf: t.qqDomain)
            } else {
                out.append(contentsOf: t.pinyinBytes[surname])
                if rng.chance(0.5) { out.append(contentsOf: t.pinyinBytes[t.surname.draw(&rng)]) }
                appendInt(rng.int(in: 1...9999), &out)
                out.append(UInt8(ascii: "@"))
                out.append(contentsOf: t.domainBytes[t.domain.draw(&rng)])
            }
        }
        out.append(UInt8(ascii: "\n"))
        return c
    }

    /// A customer id: `C` and the number, zero-padded to seven digits.
    static func appendID(_ number: Int, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "C"))
        appendPadded(number, width: 7, &out)
    }

    static func appendInt(_ value: Int, _ out: inout [UInt8]) {
        var v = value
        if v < 0 {
            out.append(UInt8(ascii: "-"))
            v = -v
        }
        appendPadded(v, width: 1, &out)
    }

    /// Decimal digits of a non-negative number, zero-padded to at least `width`.
    static func appendPadded(_ value: Int, width: Int, _ out: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        var v = value.magnitude
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[n] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                n += 1
            } while v > 0
            while n < min(width, 20) {
                d[n] = UInt8(ascii: "0")
                n += 1
            }
            for i in stride(from: n - 1, through: 0, by: -1) { out.append(d[i]) }
        }
    }
}
