/// `.why KEY [NAME]` in the REPL: the same explanation as `strata why`, from the session's computed columns.
extension ReplSession {
    /// The segments and tiers fields defined so far, in definition order.
    var classifications: [Binding] {
        scope.all.filter {
            switch $0.kind {
            case .segment, .tiers: return true
            case .field, .derived, .constant, .setting, .table, .failed: return false
            }
        }
    }

    /// Explains `name` (or every segment and tiers field) for the customer whose key is `key`.
    public func why(key: String, name: String?) -> RunResult {
        var result = RunResult()
        let compiler = self.compiler
        let keyField = compiler.customers.flatMap { t in t.key.flatMap { t.field($0) } ?? t.keyField }?.name ?? customerKey
        let rules = WhyRules(definitionList) { compiler.personalKind($0) }
        do throws(EvalError) {
            result.outputs = try runner.whyReports(key: key, name: name, keyField: keyField, classifications: classifications,
                                                  scope: scope, rules: rules)
        } catch {
            result.add(error, in: ".why")
        }
        result.renderedDiagnostics = renderer.render(result.diagnostics)
        return result
    }
}

extension NameCompleter {
    /// `.why KEY NAME`: the word after the key is a segment or tiers field (nil when the line is no `.why`).
    func whyNames(_ chars: [Character], start: Int) -> [String]? {
        let before = String(chars[..<start]).split(separator: " ", omittingEmptySubsequences: true)
        guard before.count == 2, before.first == ".why", start > 0, chars[start - 1] == " " else { return nil }
        return session.classifications.map(\.name)
    }
}
