import Testing
@testable import Strata

/// Issue 11 item 2: a column's type is what its values mean — the number, bool and date forms that
/// analysts' CRM exports really hold (docs/language.md, "Real-world files").
@Suite struct RealWorldValueTests {
    /// One cell per row under `v`, then the column's type and values.
    static func column(_ cells: [String]) throws -> (ValueType?, [Value]) {
        // A second column keeps a row with an empty `v` from being a blank line.
        let t = try Load.csv("k,v\n" + cells.map { "x," + $0 }.joined(separator: "\n") + "\n")
        return (t.column(named: "v")?.type, Load.values(t, "v"))
    }

    @Test(arguments: [
        // Grouped thousands, quoted as CSV needs them.
        (["\"1,234,567\"", "\"12,000.5\"", "7"], [1_234_567, 12_000.5, 7]),
        (["\"-1,000\"", "\"999\""], [-1000, 999]),
        // Currency signs, alone and with separators.
        (["¥1200", "￥1200", "$1200", "\"¥1,200.50\"", "-¥30"], [1200, 1200, 1200, 1200.5, -30]),
        // Percent is a fraction.
        (["85%", "12.5%", "100%", "-3%", "８５％"], [0.85, 0.125, 1, -0.03, 0.85]),
        // Full-width digits and point.
        (["１２３", "４５．５"], [123, 45.5]),
        // 万 and 亿 still work, also with the new forms.
        (["1.5万", "2亿", "¥3万", "\"1,200万\""], [15_000, 200_000_000, 30_000, 12_000_000]),
    ] as [([String], [Double])])
    func numberForms(cells: [String], expected: [Double]) throws {
        let (type, values) = try Self.column(cells)
        #expect(type == .number)
        #expect(values == expected.map(Value.number))
    }

    @Test func percentIsExactlyTheDecimal() throws {
        let (_, values) = try Self.column(["33.3%", "0.1%"])
        #expect(values == [.number(0.333), .number(0.001)])
    }

    @Test(arguments: [
        // Badly grouped separators are text, not numbers with commas dropped.
        ["\"1,23\"", "5"], ["\"12,3456\"", "5"], ["\"1,234,56\"", "5"], ["\"0,123\"", "5"], ["\"1,,234\"", "5"],
        ["\"1.234,5\"", "5"], ["¥", "5"], ["%", "5"], ["$abc", "5"], ["85%%", "5"], ["1.5万%", "5"],
        // Identifiers stay text: leading zeros and 11+ digits, also in full-width digits.
        ["007", "12"], ["13800138000", "12"], ["０１２", "12"], ["１３８００１３８０００", "12"],
    ])
    func notNumbers(cells: [String]) throws {
        let (type, _) = try Self.column(cells)
        #expect(type == .string)
    }

    @Test func identifierNamesStayText() throws {
        let t = try Load.csv("customer_id,手机,amount\n\"1,234\",１３８,¥5\n")
        #expect(t.columns.map(\.type) == [.string, .string, .number])
    }

    @Test(arguments: [
        (["是", "否", "", "是"], [true, false, nil, true]),
        (["Y", "N", ""], [true, false, nil]),
        (["y", "n"], [true, false]),
        (["yes", "No", "YES"], [true, false, true]),
        (["true", "N", "是"], [true, false, true]),
    ] as [([String], [Bool?])])
    func boolForms(cells: [String], expected: [Bool?]) throws {
        let (type, values) = try Self.column(cells)
        #expect(type == .bool)
        #expect(values == expected.map { $0.map(Value.bool) ?? .null })
    }

    @Test(arguments: [["Y", "maybe"], ["是", "不是"], ["yes", "1"], ["ye", "no"]])
    func notBools(cells: [String]) throws {
        let (type, _) = try Self.column(cells)
        #expect(type == .string)
    }

    @Test(arguments: [
        "2026年6月30日", "2026年06月30日", "2026-06-30T10:00:00", "2026-06-30 10:00", "2026/6/30 23:59:59", "2026年6月30日 10:00",
    ])
    func dateForms(cell: String) throws {
        let (type, values) = try Self.column([cell, "2026-01-01"])
        #expect(type == .date)
        #expect(values == [.date(CivilDate.parse("2026-06-30") ?? 0), .date(CivilDate.parse("2026-01-01") ?? 0)])
    }

    @Test(arguments: ["2026年6月31日", "2026年6月30", "2026年6-30日", "2026年13月1日", "2026年月1日"])
    func notDates(cell: String) throws {
        let (type, _) = try Self.column([cell, "2026-01-01"])
        #expect(type == .string)
    }

    @Test func largeTablesTakeTheSameTypes() throws {
        // Past the sample the builder decides the type cell by cell; the loose forms must agree there.
        let rows = (0..<5000).map { i in "\(i % 2 == 0 ? "\"¥1,200\"" : "85%"),\(i % 2 == 0 ? "是" : "N"),2026年6月\(i % 28 + 1)日" }
        let t = try Load.csv("amount,vip,d\n" + rows.joined(separator: "\n") + "\n")
        #expect(t.columns.map(\.type) == [.number, .bool, .date])
        #expect(Load.values(t, "amount").prefix(2) == [.number(1200), .number(0.85)])
        #expect(Load.values(t, "vip").prefix(2) == [.bool(true), .bool(false)])
    }
}

@Suite struct JSONLargeIntegerTests {
    @Test(arguments: [
        // 17–19 digit integers have no exact Double: the column keeps the text.
        ("[{\"order\": 12345678901234567}, {\"order\": 5}]", ValueType.string, [Value.string("12345678901234567"), .string("5")]),
        ("[{\"order\": 1234567890123456789}]", .string, [.string("1234567890123456789")]),
        ("[{\"order\": -9007199254740993}]", .string, [.string("-9007199254740993")]),
        // Up to 2^53 every integer is exact, and written fractions or exponents are quantities.
        ("[{\"order\": 9007199254740992}]", .number, [.number(9_007_199_254_740_992)]),
        ("[{\"order\": 1.5e20}]", .number, [.number(1.5e20)]),
    ])
    func largeIntegersAreText(json: String, type: ValueType, values: [Value]) throws {
        let t = try TableLoader.loadJSON(bytes: Array(json.utf8), name: "t.json", tableName: "c", lines: false)
        #expect(t.column(named: "order")?.type == type)
        #expect(Load.values(t, "order") == values)
    }
}

@Suite struct TimesDroppedTests {
    @Test func dateColumnsWithTimesAreNamed() throws {
        let t = try Load.csv("k,a,b,c\nx,2026-06-30 10:00,2026-06-30,2026年6月30日\ny,2026-06-29,2026-06-29,2026年6月29日\n")
        #expect(t.columns.map(\.type) == [.string, .date, .date, .date])
        #expect(t.timesDropped == ["a"])
    }
}

extension TimesDroppedTests {
    /// The run says once per column that times were dropped, whether the file is read whole or only
    /// the columns the rules use, CSV or JSON.
    @Test(arguments: [
        ("customers.csv", "id,last_visit,joined,amount\nC1,2026-06-30 10:00,2026年6月1日,\"¥1,200\"\nC2,2026-06-29T08:00:00,2026-06-02,85%\n"),
        ("customers.json", "[{\"id\": \"C1\", \"last_visit\": \"2026-06-30T10:00:00\", \"joined\": \"2026-06-01\"}]"),
    ])
    func theRunNamesTheColumn(file: String, text: String) throws {
        let dir = Repo.tempDir()
        try text.write(toFile: dir + "/" + file, atomically: true, encoding: .utf8)
        for rules in ["segment recent where last_visit >= 2026-06-30 and joined < 2026-06-30\ncount recent\n", "count customers\nshow customers\n"] {
            var o = RunOptions()
            o.dataOverrides = ["customers": dir + "/" + file]
            let r = Pipeline(options: o).run(SourceFile(name: "rules.strata", text: "load customers from \"x.csv\"\n" + rules))
            #expect(r.exitCode == 0, "\(r.renderedDiagnostics)")
            let notes = r.outputs.compactMap(Report.note)
            #expect(notes.filter { $0.contains("times of day") }.count == (rules.hasPrefix("segment") || file.hasSuffix("json") ? 1 : 0), "\(notes)")
            #expect(notes.allSatisfy { !$0.contains("`joined`") })
        }
    }
}
