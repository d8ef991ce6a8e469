/// The catalog's texts for `LintDiagnostics.swift`: the warnings of `strata check`, and how `TierLint`
/// writes the values no tier takes.
enum LintText: String, CatalogKey {
    case unusedSegment, unusedSegmentHelp
    case impossibleCondition, impossibleConditionHelp
    case asOfNotSet, asOfNotSetHelp
    case functionName, functionNameHelp
    case caseConfusable, caseConfusableHelp
    case tierUnreachable, tierUnreachableHelp
    case tierGap, tierGapHelp
    case tierShadowedOnData, tierShadowedOnDataHelp
    case customersWithoutTier, customersWithoutTierHelp
    case gapOneSide, gapBetween

    var template: Template {
        switch self {
        case .unusedSegment:
            Template(en: "segment `{name}` is never used or shown", zh: "分群 `{name}` 从未被使用或显示")
        case .unusedSegmentHelp:
            Template(en: "count it, show it, use it in another rule, or remove it", zh: "对它 `count`、`show`，在别的规则里用它，或者删掉它")
        case .impossibleCondition:
            Template(en: "this condition can never be true: no `{field}` satisfies all its tests", zh: "这个条件永远不会成立：没有哪个 `{field}` 能满足其中所有的判断")
        case .impossibleConditionHelp:
            Template(en: "check the tests on `{field}`; did you mean `or`?", zh: "检查对 `{field}` 的判断；是不是想写 `or`？")
        case .asOfNotSet:
            Template(en: "`as_of` is not set, so results depend on the day the rules run", zh: "没有设置 `as_of`，结果会随运行规则的日期而变")
        case .asOfNotSetHelp:
            Template(en: "add `set as_of = 2026-06-30` (or pass --as-of) for repeatable results", zh: "加上 `set as_of = 2026-06-30`（或传入 --as-of），结果才可重现")
        case .functionName:
            Template(en: "`{name}` has the name of a function", zh: "`{name}` 与一个函数同名")
        case .functionNameHelp:
            Template(en: "`{name}(…)` still calls the function; a different name reads better", zh: "`{name}(…)` 仍然调用该函数；换个名称更易读")
        case .caseConfusable:
            Template(en: "`{name}` differs from the field `{field}` only by letter case", zh: "`{name}` 与字段 `{field}` 只有大小写不同")
        case .caseConfusableHelp:
            Template(en: "choose a name that cannot be mistaken for `{field}`", zh: "换一个不会与 `{field}` 混淆的名称")
        case .tierUnreachable:
            Template(en: "tier `{label}` of `{tiers}` can never be given: every customer it takes, `{earlier}` above it takes first",
                     zh: "`{tiers}` 的等级 `{label}` 永远不会被分到：它能取到的每位客户，都先被上面的 `{earlier}` 取走了")
        case .tierUnreachableHelp:
            Template(en: "arms are tried in order; put `{label}` before `{earlier}`, or narrow `{earlier}`'s condition",
                     zh: "各等级按顺序判断；把 `{label}` 放到 `{earlier}` 之前，或者收窄 `{earlier}` 的条件")
        case .tierGap:
            Template(en: "no tier of `{tiers}` takes customers with {gap}, and there is no `otherwise`: they get no tier",
                     zh: "`{tiers}` 没有等级接收 {gap} 的客户，也没有 `otherwise`：这些客户没有等级")
        case .tierGapHelp:
            Template(en: "add a last arm `… otherwise`, or widen an arm to cover {gap}", zh: "在最后加上 `… otherwise`，或者放宽某个等级的条件以覆盖 {gap}")
        case .tierShadowedOnData:
            Template(en: "on this data tier `{label}` of `{tiers}` gets no customer: the {count} its condition takes all get an earlier tier",
                     zh: "在这份数据上，`{tiers}` 的等级 `{label}` 没有分到任何客户：其条件取到的 {count} 位客户都先分到了前面的等级")
        case .tierShadowedOnDataHelp:
            Template(en: "arms are tried in order; check the arms above `{label}`", zh: "各等级按顺序判断；检查 `{label}` 上面的等级")
        case .customersWithoutTier:
            Template(en: "on this data {count} of {total} customers get no `{tiers}`: no arm takes them and there is no `otherwise`",
                     zh: "在这份数据上，{total} 位客户中有 {count} 位没有 `{tiers}`：没有等级接收他们，也没有 `otherwise`")
        case .customersWithoutTierHelp:
            Template(en: "add a last arm `… otherwise`, or widen the arms", zh: "在最后加上 `… otherwise`，或者放宽各等级的条件")
        case .gapOneSide:
            Template(en: "`{field}` {op} {value}", zh: "`{field}` {op} {value}")
        case .gapBetween:
            Template(en: "`{field}` {op1} {low} and {op2} {high}", zh: "`{field}` {op1} {low} 且 {op2} {high}")
        }
    }
}
