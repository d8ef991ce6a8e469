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

@Suite struct EventGeneratorTests {
    static let count = 3000
    static let generated = try? EventGenerator.tables(customers: count, seed: 11)
    static let customers = generated?.customers ?? []
    /// Each table's data rows (without the header), parsed.
    static let rows: [EventTable: [[String]]] = (generated?.events ?? [:]).mapValues { Array(CustomerGeneratorTests.parse($0).dropFirst()) }
    /// Each customer's fields by id.
    static let byID: [String: [String: String]] = {
        let parsed = CustomerGeneratorTests.parse(customers)
        guard let header = parsed.first else { return [:] }
        var out: [String: [String: String]] = [:]
        for r in parsed.dropFirst() { out[r[0]] = Dictionary(uniqueKeysWithValues: zip(header, r)) }
        return out
    }()

    /// A table's rows grouped by the customer id in `column`, leaving out ids not in the customer table.
    static func grouped(_ table: EventTable, by column: Int = 0) -> [String: [[String]]] {
        Dictionary(grouping: (rows[table] ?? []).filter { byID[$0[column]] != nil }) { $0[column] }
    }

    func field(_ id: String, _ name: String) -> String { Self.byID[id]?[name] ?? "?" }
    func int(_ id: String, _ name: String) -> Int { Int(field(id, name)) ?? -1 }
    /// Whether a date falls between the customer's first visit and last contact (or the end of the data).
    func inWindow(_ id: String, _ date: String) -> Bool {
        let contact = field(id, "last_contact")
        return date >= field(id, "first_visit") && date <= (contact.isEmpty ? "2026-06-30" : contact)
    }

    @Test func sameSeedSameBytesAndWindowsDoNotChangeThem() throws {
        let again = try EventGenerator.tables(customers: Self.count, seed: 11)
        let windowed = try EventGenerator.tables(customers: Self.count, seed: 11, windowRows: 2000)
        let other = try EventGenerator.tables(customers: Self.count, seed: 12)
        for table in EventTable.allCases {
            let bytes = Self.generated?.events[table]
            #expect(bytes != nil && again.events[table] == bytes && windowed.events[table] == bytes)
            #expect(other.events[table] != bytes)
        }
    }

    @Test func customersAreTheSameBytesWithOrWithoutEvents() {
        #expect(Self.byID.count == Self.count)
        #expect(Self.customers == CustomerGenerator.csv(customers: Self.count, seed: 11))
    }

    @Test func headersAndShape() throws {
        for table in EventTable.allCases {
            let parsed = CustomerGeneratorTests.parse(Self.generated?.events[table] ?? [])
            #expect(parsed.first == table.header)
            #expect(parsed.count > 1)
            for r in parsed { #expect(r.count == table.header.count) }
        }
        let empty = try EventGenerator.tables(customers: 0, seed: 1)
        for table in EventTable.allCases { #expect(empty.events[table] == table.headerLine) }
    }

    @Test(arguments: EventTable.allCases)
    func rowsAreInDateOrder(_ table: EventTable) {
        let dates = (Self.rows[table] ?? []).map { $0[table == .referrals ? 2 : 1] }
        #expect(dates == dates.sorted())
        #expect(dates.allSatisfy { $0 >= "2019-01-01" && $0 <= "2026-06-30" && CivilDate.parse($0) != nil })
    }

    @Test func visitsAgreeWithTheCustomer() {
        let visits = Self.grouped(.visits)
        for (id, _) in Self.byID {
            let mine = visits[id] ?? []
            let office = mine.filter { $0[2] == "到访" }.map { $0[1] }
            #expect(office.count == int(id, "visits"), "\(id)")
            #expect(office.max() == field(id, "last_visit"), "\(id)")
            #expect(mine.map { $0[1] }.min() == field(id, "first_visit"), "\(id)")
            #expect(mine.allSatisfy { inWindow(id, $0[1]) }, "\(id)")
        }
        for r in Self.rows[.visits] ?? [] {
            #expect(["到访", "线上", "电话", "活动"].contains(r[2]))
            #expect(r[3].isEmpty || Int(r[3]).map { $0 > 0 && $0 <= 300 } == true)
        }
    }

    @Test func eventsPerCustomerAreSkewed() {
        let visits = Self.grouped(.visits)
        let perCustomer = Self.byID.keys.map { visits[$0]?.count ?? 0 }
        let mean = Double(perCustomer.reduce(0, +)) / Double(Self.count)
        #expect(mean > 7 && mean < 11)
        #expect(Double(perCustomer.filter { $0 <= 2 }.count) / Double(Self.count) > 0.1)
        #expect((perCustomer.max() ?? 0) > 60)
    }

    @Test func orphanRowsArePresentButRare() {
        let all = Self.rows[.visits] ?? []
        let orphans = all.filter { Self.byID[$0[0]] == nil }
        #expect(!orphans.isEmpty)
        #expect(Double(orphans.count) / Double(all.count) < 0.003)
        #expect(orphans.contains { $0[0].isEmpty })
        #expect(orphans.contains { !$0[0].isEmpty })
        // The other tables name only real customers.
        for table in [EventTable.purchases, .referrals, .complaints] {
            #expect((Self.rows[table] ?? []).allSatisfy { Self.byID[$0[0]] != nil })
        }
    }

    @Test func purchasesAddUpToTotalSpend() {
        let purchases = Self.grouped(.purchases), visits = Self.grouped(.visits)
        for (id, _) in Self.byID {
            let mine = purchases[id] ?? []
            #expect(mine.count == int(id, "purchases"), "\(id)")
            #expect(mine.reduce(0) { $0 + (Int($1[2]) ?? 0) } == int(id, "total_spend"), "\(id)")
            let officeDays = Set((visits[id] ?? []).filter { $0[2] == "到访" }.map { $0[1] })
            #expect(mine.allSatisfy { officeDays.contains($0[1]) && inWindow(id, $0[1]) }, "\(id)")
        }
        let projects = Set(GeneratorVocabulary.projects.map(\.0))
        #expect((Self.rows[.purchases] ?? []).allSatisfy { projects.contains($0[3]) && (Int($0[2]) ?? 0) >= 1_000_000 })
    }

    @Test func referralsMatchTheReferrer() {
        let referrals = Self.grouped(.referrals)
        for (id, _) in Self.byID { #expect((referrals[id]?.count ?? 0) == int(id, "referrals"), "\(id)") }
        var referees: [String] = []
        for r in Self.rows[.referrals] ?? [] {
            let (referrer, referee, date, converted) = (r[0], r[1], r[2], r[3])
            #expect(inWindow(referrer, date))
            if referee.isEmpty {
                #expect(converted == "false")
                continue
            }
            referees.append(referee)
            #expect(referee != referrer && Self.byID[referee] != nil)
            #expect(converted == (int(referee, "purchases") > 0 ? "true" : "false"))
            #expect(date <= field(referee, "first_visit"))
        }
        #expect(Set(referees).count == referees.count)
        let empty = (Self.rows[.referrals] ?? []).filter { $0[1].isEmpty }.count
        #expect(empty > 0 && empty < referees.count)
    }

    @Test func complaintsMatchTheCustomer() {
        let complaints = Self.grouped(.complaints)
        for (id, _) in Self.byID { #expect((complaints[id]?.count ?? 0) == int(id, "complaints"), "\(id)") }
        let categories = Set(GeneratorVocabulary.complaintCategories)
        for r in Self.rows[.complaints] ?? [] {
            #expect(categories.contains(r[2]) && ["1", "2", "3"].contains(r[3]))
            #expect(r[4] == "true" ? Int(r[5]).map { $0 >= 1 } == true : r[4] == "false" && r[5].isEmpty)
            #expect(inWindow(r[0], r[1]))
        }
    }

    @Test func refereesFitInTheirPackedField() {
        #expect(CustomerGenerator.blockSize <= 1 << ReferralEvents.placeBits)
    }

    @Test func filesEqualTheInMemoryBytes() throws {
        let dir = NSTemporaryDirectory() + "strata-gen-events-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let counts = try EventGenerator.write(customers: Self.count, seed: 11, directory: dir)
        #expect(counts.customers == Self.count)
        #expect(FileManager.default.contents(atPath: dir + "/customers.csv").map { [UInt8]($0) } == Self.customers)
        for table in EventTable.allCases {
            #expect(FileManager.default.contents(atPath: dir + "/" + table.fileName).map { [UInt8]($0) } == Self.generated?.events[table])
            #expect(counts.rows[table] == Self.rows[table]?.count)
        }
        #expect((try? FileManager.default.contentsOfDirectory(atPath: dir))?.count == 5)
    }
}

@Suite struct BundledDataTests {
    /// examples/data is what the command in docs/cli.md writes, so the docs, the data and the generator agree.
    @Test func bundledExampleDataIsWhatTheDocumentedCommandWrites() throws {
        let docs = try String(contentsOfFile: Repo.path("docs/cli.md"), encoding: .utf8)
        #expect(docs.contains("strata gen --customers 5000 --seed 2026 --out examples/data --events"))
        let generated = try EventGenerator.tables(customers: 5000, seed: 2026)
        let stored = { (name: String) in FileManager.default.contents(atPath: Repo.path("examples/data/" + name)).map { [UInt8]($0) } }
        #expect(stored("customers.csv") == generated.customers)
        for table in EventTable.allCases { #expect(stored(table.fileName) == generated.events[table], "\(table.fileName)") }
    }
}
