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
            let blocks = (max(0, customers) + blockSize - 1) / blockSize
            let cores = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
            var next = 0
            while next < blocks {
                let batch = min(blocks - next, cores * 4)
                let results = BlockResults(count: batch)
                let first = next
                DispatchQueue.concurrentPerform(iterations: batch) { i in
                    var buf: [UInt8] = []
                    buf.reserveCapacity(blockSize * 200)
                    generateBlock(first + i, customers: customers, seed: seed, into: &buf)
                    results.set(i, buf)
                }
                for i in 0..<batch { try writer.write(results.take(i)) }
                next += batch
            }
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
    }

    static var headerLine: [UInt8] { Array((header.joined(separator: ",") + "\n").utf8) }

    /// Appends the rows of one block (customer numbers `block * blockSize + 1 …`) to `out`.
    static func generateBlock(_ block: Int, customers: Int, seed: UInt64, into out: inout [UInt8]) {
        var rng = Rng(seed: seed &+ UInt64(block) &* 0xD1B5_4A32_D192_ED03)
        let start = block * blockSize
        let end = min(customers, start + blockSize)
        guard start < end else { return }
        let t = GeneratorTables.shared
        for n in start..<end { row(n + 1, &rng, t, &out) }
    }

    private static func row(_ number: Int, _ rng: inout Rng, _ t: GeneratorTables, _ out: inout [UInt8]) {
        let comma = UInt8(ascii: ",")
        let wealth = rng.normal()
        let male = rng.chance(0.52)
        let age = Int(min(75, max(22, rng.normal(mean: 41 + 3 * wealth, sd: 10).rounded())))
        let band = wealth < -0.8 ? 0 : wealth < 0.3 ? 1 : wealth < 1.1 ? 2 : 3
        let occupation = age >= 60 && rng.chance(0.7) ? 8 : t.occupation[band].draw(&rng)
        let city = t.city.draw(&rng)
        let owner = rng.chance(min(0.9, max(0.15, 0.5 + 0.1 * wealth)))
        let channel = (owner ? t.ownerChannel : t.prospectChannel).draw(&rng)
        let demand = t.demand[band].draw(&rng)
        var purchases = 0
        if owner {
            purchases = 1
            if rng.chance(min(0.5, 0.12 + 0.08 * max(0, wealth))) { purchases += 1 + t.repeatExtra.draw(&rng) }
        }
        let stage = (owner ? t.ownerStage : t.prospectStage).draw(&rng)
        let visits = owner ? 3 + min(50, rng.geometric(0.2)) + 2 * (purchases - 1) : 1 + min(29, rng.geometric(0.45))

        var spend = 0.0
        let price = GeneratorVocabulary.cities[city].2
        for _ in 0..<purchases {
            let unit = rng.lognormal(mu: log(3.0e6 * price) + 0.3 * wealth, sigma: 0.4)
            spend += (min(3e7, max(1e6, unit)) / 1000).rounded() * 1000
        }

        var complaints = 0
        if rng.chance(owner ? 0.22 : 0.05) { complaints = 1 + t.complaintExtra.draw(&rng) }
        let baseSat = owner ? rng.normal(mean: 4.3, sd: 0.45) : rng.normal(mean: 3.9, sd: 0.55)
        let satisfaction = min(5.0, max(1.0, baseSat - 0.55 * Double(complaints)))
        let satTenths = Int((satisfaction * 10).rounded())
        let member = channel == 5 || rng.chance(owner ? 0.6 : 0.12)

        var referrals = 0
        if owner {
            var q = 0.35 + 0.2 * (satisfaction - 4) + (member ? 0.1 : 0) + (channel == 1 ? 0.1 : 0)
            q = min(0.9, max(0.05, q))
            if rng.chance(q) {
                referrals = 1 + min(8, rng.geometric(0.5))
                // A few owners are connectors who bring in many buyers: the long tail of 老带新.
                if rng.chance(0.03) { referrals += rng.int(in: 3...12) }
            }
        } else if rng.chance(0.02) {
            referrals = 1
        }

        var clv: Double
        if owner {
            clv = spend * (0.1 + 0.08 * Double(purchases - 1)) * exp(0.35 * wealth)
            clv += Double(referrals) * 1.2e5 * price
            clv *= (member ? 1.15 : 1.0) * pow(satisfaction / 4.0, 1.5) * pow(0.9, Double(complaints))
            clv *= rng.lognormal(mu: 0, sigma: 0.35)
        } else {
            clv = rng.lognormal(mu: log(1.5e4) + 0.6 * wealth, sigma: 0.7) * (stage == 1 ? 3 : 1)
        }
        clv = (clv / 100).rounded() * 100

        let span = t.lastDay - t.firstDay - 30
        let u = rng.uniform()
        let first = t.firstDay + Int(Double(span) * (owner ? u : u.squareRoot()))
        let atRisk = complaints >= 2 ? rng.chance(0.7) : rng.chance(owner ? 0.12 : 0.3)
        let gap = atRisk ? 180 + Int(min(3000, -250 * log(1 - rng.uniform()))) : Int(min(3000, -45 * log(1 - rng.uniform())))
        let contact = min(t.lastDay, max(first + 1, t.lastDay - gap))
        let lastVisit: Int
        if owner {
            lastVisit = first + Int(Double(contact - first) * pow(rng.uniform(), 0.7))
        } else {
            lastVisit = first + min(contact - first, Int(min(3000, -20 * log(1 - rng.uniform()))))
        }

        out.append(UInt8(ascii: "C"))
        appendPadded(number, width: 7, &out)
        out.append(comma)
        let surname = t.surname.draw(&rng)
        out.append(contentsOf: t.surnameBytes[surname])
        let pool = rng.chance(0.15) ? t.neutralGiven : (male ? t.maleGiven : t.femaleGiven)
        out.append(contentsOf: pool[rng.int(in: 0...(pool.count - 1))])
        if rng.chance(0.7) { out.append(contentsOf: pool[rng.int(in: 0...(pool.count - 1))]) }
        out.append(comma)
        out.append(contentsOf: male ? t.male : t.female)
        out.append(comma)
        appendInt(age, &out)
        out.append(comma)
        out.append(contentsOf: t.cityBytes[city])
        out.append(comma)
        if !rng.chance(0.04) { out.append(contentsOf: t.bandBytes[band]) }
        out.append(comma)
        if !rng.chance(0.04) { out.append(contentsOf: t.occupationBytes[occupation]) }
        out.append(comma)
        out.append(contentsOf: t.channelBytes[channel])
        out.append(comma)
        out.append(contentsOf: t.demandBytes[demand])
        out.append(comma)
        out.append(contentsOf: t.stageBytes[stage])
        out.append(comma)
        appendInt(visits, &out)
        out.append(comma)
        appendInt(purchases, &out)
        out.append(comma)
        appendInt(Int(spend), &out)
        out.append(comma)
        appendInt(Int(clv), &out)
        out.append(comma)
        appendInt(referrals, &out)
        out.append(comma)
        appendInt(complaints, &out)
        out.append(comma)
        if !rng.chance(0.04) {
            appendInt(satTenths / 10, &out)
            out.append(UInt8(ascii: "."))
            out.append(UInt8(ascii: "0") + UInt8(satTenths % 10))
        }
        out.append(comma)
        out.append(contentsOf: member ? t.trueBytes : t.falseBytes)
        out.append(comma)
        out.append(contentsOf: t.date(first))
        out.append(comma)
        out.append(contentsOf: t.date(lastVisit))
        out.append(comma)
        if !rng.chance(0.04) { out.append(contentsOf: t.date(contact)) }
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

/// Per-block output handed from worker threads to the writer; each slot is written by exactly one worker.
private final class BlockResults: @unchecked Sendable {
    private var slots: [[UInt8]]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: [], count: count) }

    func set(_ i: Int, _ bytes: [UInt8]) {
        lock.lock()
        slots[i] = bytes
        lock.unlock()
    }

    func take(_ i: Int) -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        let b = slots[i]
        slots[i] = []
        return b
    }
}
