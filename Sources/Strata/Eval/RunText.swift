/// The catalog's texts for `RunDiagnostics.swift`: assertions, evaluation, the data against its schema,
/// the REPL refusing a redefinition, and `why`'s refusals.
enum RunText: String, CatalogKey {
    case assertionFailed, assertionValue, assertionConditionNull, clauseSeparator
    case exportOverwritesData, exportOverwritesDataHelp
    case exportWriteFailed, exportWriteFailedHelp
    case cancelled, columnNotFound, segmentNotComputed
    case percentileOutOfRange, percentileOutOfRangeHelp
    case dataEncodingDetected
    case dataMissingField, dataHasField, checkExportColumns
    case dataTypeMismatch, fixSchemaOrExport
    case redefinitionUsesItself, redefinitionUsesItselfHelp
    case redefinitionCycle, redefinitionCycleHelp
    case noLongerChecks, noLongerEvaluates
    case redefinitionBreaksDependent, redefinitionBreaksDependentHelp
    case whyUnknownCustomer, whyCheckKey, whyClosestKeys
    case whyIsA, whyNoClassification, whyNotAClassificationHelp

    var template: Template {
        switch self {
        case .assertionFailed: Template(en: "assertion failed: {message}", zh: "断言不成立：{message}")
        case .assertionValue: Template(en: "{operand} is {value}", zh: "{operand} 为 {value}")
        case .clauseSeparator: Template(en: "; ", zh: "；")
        case .assertionConditionNull:
            Template(en: "the condition is null (unknown), which fails", zh: "条件为空值（未知），按不成立处理")
        case .exportOverwritesData:
            Template(en: "`export` would overwrite the data file being read ({source})", zh: "`export` 会覆盖正在读取的数据文件（{source}）")
        case .exportOverwritesDataHelp:
            Template(en: "export to another file, e.g. \"out/{file}\"", zh: "导出到另一个文件，例如 \"out/{file}\"")
        case .exportWriteFailed: Template(en: "cannot write `{path}`: {reason}", zh: "无法写入 `{path}`：{reason}")
        case .exportWriteFailedHelp: Template(en: "check that the folder is writable", zh: "检查该文件夹是否可写")
        case .cancelled: Template(en: "cancelled", zh: "已取消")
        case .columnNotFound: Template(en: "no column `{name}` in the data", zh: "数据中没有列 `{name}`")
        case .segmentNotComputed: Template(en: "segment `{name}` has not been computed", zh: "分群 `{name}` 还没有计算")
        case .percentileOutOfRange:
            Template(en: "the fraction of `percentile` must be between 0 and 1", zh: "`percentile` 的比例必须在 0 到 1 之间")
        case .percentileOutOfRangeHelp: Template(en: "e.g. percentile(clv, 0.9)", zh: "例如 percentile(clv, 0.9)")
        case .dataEncodingDetected:
            Template(en: "read as {encoding} (not UTF-8); say encoding \"{name}\" on the load to silence this",
                     zh: "已按 {encoding} 读取（不是 UTF-8）；在 `load` 上写 encoding \"{name}\" 就不再提示")
        case .dataMissingField:
            Template(en: "the data in {source} has no field `{field}` declared in the schema", zh: "{source} 中的数据没有 `schema` 里声明的字段 `{field}`")
        case .dataHasField: Template(en: "the data has `{name}`", zh: "数据中有 `{name}`")
        case .checkExportColumns: Template(en: "check the export's columns", zh: "检查导出数据的列")
        case .dataTypeMismatch:
            Template(en: "field `{field}` is declared {declared} but the data holds {found} values",
                     zh: "字段 `{field}` 声明为{declared}，但数据中是{found}值")
        case .fixSchemaOrExport: Template(en: "fix the schema or the export", zh: "修改 `schema` 或导出的数据")
        case .redefinitionUsesItself:
            Template(en: "`{name}` cannot use itself: the old `{name}` is kept", zh: "`{name}` 不能引用自己：保留原来的 `{name}`")
        case .redefinitionUsesItselfHelp:
            Template(en: "give the new definition its own name (e.g. `{name}_2`), or write its rule out in full",
                     zh: "给新定义另起一个名称（例如 `{name}_2`），或者把规则完整写出来")
        case .redefinitionCycle:
            Template(en: "`{name}` cannot use `{dependent}`: `{dependent}` depends on `{name}`", zh: "`{name}` 不能引用 `{dependent}`：`{dependent}` 依赖于 `{name}`")
        case .redefinitionCycleHelp:
            Template(en: "define it from other fields, or redefine `{dependent}` first", zh: "用其他字段来定义它，或者先重新定义 `{dependent}`")
        case .noLongerChecks: Template(en: "it no longer checks", zh: "它无法再通过检查")
        case .noLongerEvaluates: Template(en: "it no longer evaluates", zh: "它无法再求值")
        case .redefinitionBreaksDependent:
            Template(en: "`{name}` was not replaced: `{dependent}`, which depends on it, would fail: {why}",
                     zh: "`{name}` 没有被替换：依赖它的 `{dependent}` 会出错：{why}")
        case .redefinitionBreaksDependentHelp:
            Template(en: "redefine `{dependent}` first, or choose a value it accepts", zh: "先重新定义 `{dependent}`，或者换一个它能接受的值")
        case .whyUnknownCustomer: Template(en: "no customer has {field} `{key}`", zh: "没有客户的 {field} 是 `{key}`")
        case .whyCheckKey:
            Template(en: "check the key (`show` lists customers with their {field})", zh: "检查这个键（`show` 会列出客户及其 {field}）")
        case .whyClosestKeys: Template(en: "the closest {field}s are {keys}", zh: "最接近的 {field} 有 {keys}")
        case .whyIsA: Template(en: "`{name}` is a {kind}, not a segment or tiers field", zh: "`{name}` 是{kind}，不是分群或分层字段")
        case .whyNoClassification: Template(en: "no segment or tiers field is named `{name}`", zh: "没有名为 `{name}` 的分群或分层字段")
        case .whyNotAClassificationHelp:
            Template(en: "`why` explains a segment or a tiers field; leave the name out for all of them",
                     zh: "`why` 解释一个分群或分层字段；不写名称则解释全部")
        }
    }

    /// Messages one after another, separated as each language separates clauses (`; `, `；`).
    static func clauses(_ parts: [Message]) -> Message {
        let names = parts.indices.map { "{p\($0)}" }
        var slots: [String: Slot] = [:]
        for (i, m) in parts.enumerated() { slots["p\(i)"] = .message(m) }
        let separator = clauseSeparator.template
        return Message(key: clauseSeparator.key,
                       template: Template(en: names.joined(separator: separator.en), zh: names.joined(separator: separator.zh)), slots: slots)
    }
}
