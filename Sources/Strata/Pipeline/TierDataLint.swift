/// The tier warnings of `strata check --data` decided on the data: the rules' definitions are evaluated
/// and each tiers field's customers counted per arm. An arm no customer gets although its condition
/// takes some is shadowed by the arms above it; without `otherwise`, customers no arm takes are counted.
extension Pipeline {
    /// Adds the data's tier warnings to a compilation for `check --data` (nothing without `--data`,
    /// without a tiers field, or when the rules cannot be evaluated: `run` reports that).
    func addTierDataWarnings(_ c: inout Compilation) {
        guard !options.dataOverrides.isEmpty, var program = c.program, program.isValid, c.result.exitCode == 0,
              program.statements.contains(where: { if case .tiers = $0.checked.kind { return true } else { return false } }) else { return }
        program.statements = program.statements.filter { Pipeline.definesMembership($0.checked.kind) }
        let runner = Runner(table: c.table, linked: c.linked, options: options, export: Exporter.writer)
        var evaluated = RunResult()
        runner.run(program, into: &evaluated)
        guard !evaluated.diagnostics.contains(where: { $0.severity == .error }) else { return }
        let n = runner.table.rowCount
        let already = Set(c.result.diagnostics.filter { $0.code == .tierUnreachable }.map { "\($0.file):\($0.span.start.offset)" })
        for s in program.statements {
            guard case .tiers(let name, let arms) = s.checked.kind, case .tiers(let written, let writtenArms) = s.stmt.kind,
                  arms.count == writtenArms.count, let column = runner.table.column(named: name) else { continue }
            var perLabel: [String: Int] = [:]
            if case .string(let codes, let dict) = column.storage {
                var perCode = [Int](repeating: 0, count: dict.count)
                for r in 0..<min(n, codes.count) where column.valid[r] {
                    let code = Int(codes[r])
                    if code >= 0, code < perCode.count { perCode[code] += 1 }
                }
                for (code, label) in dict.enumerated() { perLabel[label, default: 0] += perCode[code] }
            }
            let file = s.source.name
            for (k, arm) in arms.enumerated() where perLabel[arm.label, default: 0] == 0 {
                guard let condition = arm.condition, !already.contains("\(file):\(writtenArms[k].span.start.offset)"),
                      let taken = try? runner.evaluator.eval(condition).truth(n).isTrue.cardinality, taken > 0 else { continue }
                c.result.diagnostics.append(Diagnostic(.tierShadowedOnData(arm.label, tiers: name, taken: taken), file: file, span: writtenArms[k].span))
            }
            let given = perLabel.values.reduce(0, +)
            if !arms.contains(where: { $0.condition == nil }), given < n {
                c.result.diagnostics.append(Diagnostic(.customersWithoutTier(name, count: n - given, of: n), file: file, span: written.span))
            }
        }
    }
}
