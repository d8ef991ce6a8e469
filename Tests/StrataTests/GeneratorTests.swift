import Foundation
import Testing
@testable import Strata

@Suite struct RngTests {
    @Test func sequenceIsStableForAFixedSeed() {
        var r = Rng(seed: 42)
        #expect(r.next() == 1_546_998_764_402_558_742)
        #expect(r.next() == 6_990_951_692_964_543_102)
        #expect(r.next() == 12_544_586_762_248_559_009)
        #expect(r.int(in: 1...6) == 6)
        #expect(r.int(in: 1...6) == 6)
        #expect(r.uniform() == 0.7697394604342425)
    }

    @Test func splitMixMatchesTheReference() {
        var s: UInt64 = 0
        #expect(Rng.splitMix(&s) == 0xE220_A839_7B1D_CDAF)
        #expect(Rng.splitMix(&s) == 7_960_286_522_194_355_700)
    }

    @Test func rangesAndDistributions() {
        var r = Rng(seed: 1)
        var sum = 0.0, sq = 0.0
        let n = 20_000
        for _ in 0..<n {
            let u = r.uniform()
            #expect(u >= 0 && u < 1)
            let k = r.int(in: -3...3)
            #expect((-3)...3 ~= k)
            let z = r.normal()
            sum += z
            sq += z * z
        }
        #expect(abs(sum / Double(n)) < 0.05)
        #expect(abs(sq / Double(n) - 1) < 0.05)
        #expect(r.lognormal(mu: 0, sigma: 1) > 0)
        #expect(r.int(in: 5...5) == 5)
        // The full range has a span of 2^64, which must not overflow.
        _ = r.int(in: Int.min...Int.max)
    }

    @Test func weightedChoiceFollowsWeights() {
        var r = Rng(seed: 9)
        let table = WeightedTable([1, 0, 3])
        var counts = [0, 0, 0]
        var direct = [0, 0, 0]
        for _ in 0..<8000 {
            counts[table.draw(&r)] += 1
            direct[r.weighted([1, 0, 3])] += 1
        }
        #expect(counts[1] == 0 && direct[1] == 0)
        #expect((1700...2300).contains(counts[0]) && (1700...2300).contains(direct[0]))
    }
}

@Suite struct CustomerGeneratorTests {
    static let sample = CustomerGenerator.csv(customers: 5000, seed: 7)
    static let rows: [[String]] = parse(sample)

    /// A small RFC 4180 reader, independent of the loader, so the test checks the bytes themselves.
    static func parse(_ bytes: [UInt8]) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if quoted {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") {
                        field.append(b)
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(b)
                }
            } else if b == UInt8(ascii: "\"") {
                quoted = true
            } else if b == UInt8(ascii: ",") {
                row.append(String(decoding: field, as: UTF8.self))
                field = []
            } else if b == 0x0A {
                row.append(String(decoding: field, as: UTF8.self))
                rows.append(row)
                row = []
                field = []
            } else {
                field.append(b)
            }
            i += 1
        }
        return rows
    }

    func column(_ name: String) -> [String] {
        guard let k = CustomerGenerator.header.firstIndex(of: name) else { return [] }
        return Self.rows.dropFirst().map { $0[k] }
    }

    @Test func sameSeedSameBytesOtherSeedOtherData() {
        #expect(CustomerGenerator.csv(customers: 5000, seed: 7) == Self.sample)
        #expect(CustomerGenerator.csv(customers: 5000, seed: 8) != Self.sample)
        // The first rows do not depend on how many follow.
        let small = CustomerGenerator.csv(customers: 10, seed: 7)
        #expect(Array(Self.sample.prefix(small.count)) == small)
    }

    @Test func headerAndShape() {
        #expect(Self.rows.first == CustomerGenerator.header)
        #expect(Self.rows.count == 5001)
        for r in Self.rows { #expect(r.count == CustomerGenerator.header.count) }
        #expect(!Self.sample.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(Self.sample.last == 0x0A)
        #expect(CustomerGenerator.csv(customers: 0, seed: 1) == Array((CustomerGenerator.header.joined(separator: ",") + "\n").utf8))
    }

    @Test func idsArePaddedAndUnique() {
        let ids = column("id")
        #expect(ids.first == "C0000001")
        #expect(ids.last == "C0005000")
        #expect(Set(ids).count == ids.count)
    }

    @Test func valueRanges() {
        for a in column("age") { #expect(Int(a).map { (22...75).contains($0) } == true) }
        for s in column("satisfaction") where !s.isEmpty {
            #expect(Double(s).map { (1.0...5.0).contains($0) } == true)
        }
        for g in column("gender") { #expect(g == "男" || g == "女") }
        for p in column("phone") {
            #expect(p.count == 11 && p.allSatisfy(\.isNumber))
            #expect(["13", "15", "18"].contains(String(p.prefix(2))))
        }
        for m in column("member") { #expect(m == "true" || m == "false") }
        let stages = Set(column("stage"))
        #expect(stages.isSubset(of: ["到访", "认购", "签约", "交付", "入住", "保修"]))
        let purchases = column("purchases").compactMap { Int($0) }
        let spend = column("total_spend").compactMap { Double($0) }
        for (p, s) in zip(purchases, spend) { #expect(p == 0 ? s == 0 : s >= 1e6) }
    }

    @Test func datesAreOrderedAndInWindow() {
        let first = column("first_visit"), last = column("last_visit"), contact = column("last_contact")
        for i in first.indices {
            #expect(first[i] >= "2019-01-01" && last[i] <= "2026-06-30")
            #expect(first[i] <= last[i])
            if !contact[i].isEmpty { #expect(contact[i] > first[i] && contact[i] <= "2026-06-30") }
            #expect(CivilDate.parse(first[i]) != nil && CivilDate.parse(last[i]) != nil)
        }
    }

    @Test func prospectsAndParetoValue() {
        let purchases = column("purchases").compactMap { Int($0) }
        let prospects = Double(purchases.filter { $0 == 0 }.count) / Double(purchases.count)
        #expect(prospects > 0.2 && prospects < 0.7)
        let clv = column("clv").compactMap { Double($0) }.sorted(by: >)
        let top = clv.prefix(clv.count / 5).reduce(0, +) / clv.reduce(0, +)
        #expect(top > 0.6 && top < 0.95)
        let owners = zip(purchases, column("channel")).filter { $0.0 > 0 }
        let referred = Double(owners.filter { $0.1 == "老带新" }.count) / Double(owners.count)
        #expect(referred > 0.2 && referred < 0.3)
    }

    @Test(arguments: ["income_band", "occupation", "satisfaction", "last_contact", "email"])
    func someCellsAreEmpty(_ name: String) {
        let share = Double(column(name).filter(\.isEmpty).count) / 5000
        #expect(share > 0.02 && share < 0.07)
    }

    @Test(arguments: ["id", "name", "gender", "age", "city", "channel", "purchases", "clv", "first_visit", "phone"])
    func requiredCellsAreNeverEmpty(_ name: String) {
        #expect(!column(name).contains(""))
    }

    @Test func streamedFileEqualsInMemoryBytes() throws {
        let dir = NSTemporaryDirectory() + "strata-gen-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let n = CustomerGenerator.blockSize * 2 + 17
        try CustomerGenerator.writeCSV(customers: n, seed: 3, to: dir + "/data/customers.csv")
        let written = FileManager.default.contents(atPath: dir + "/data/customers.csv").map { [UInt8]($0) }
        #expect(written == CustomerGenerator.csv(customers: n, seed: 3))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: dir + "/data")) == ["customers.csv"])
    }
}
