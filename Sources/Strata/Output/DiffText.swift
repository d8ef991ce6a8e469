/// The catalog's texts for `strata diff`'s tables in a terminal (`DiffReport`): the titles, the headers
/// that are Strata's own words, and the verdict line. CSV and JSON keep the English headers.
enum DiffText: String, CatalogKey {
    case customersTitle, tierMatrixTitle, tierMovesTitle, segmentsTitle, derivedTitle
    case onlyInNewRules, onlyInOldRules
    case before, after, inBoth, arrived, left, changed, tiers, up, down, stayed, segment, entered, defined, derived
    case noChanges, customersChanged, arrivedAndLeft, derivedFieldsChanged, fullStop

    var template: Template {
        switch self {
        case .customersTitle: Template(en: "customers (matched by {key})", zh: "客户（按 {key} 对应）")
        case .tierMatrixTitle: Template(en: "{name}: rows before, columns after{presence}", zh: "{name}：行为之前，列为之后{presence}")
        case .tierMovesTitle: Template(en: "tier moves (up = to an earlier tier in the declared order)", zh: "等级变动（升 = 移到声明顺序中更靠前的等级）")
        case .segmentsTitle: Template(en: "segments", zh: "分群")
        case .derivedTitle: Template(en: "derived fields (customers in both whose value changed)", zh: "派生字段（两边都有、值有变化的客户）")
        case .onlyInNewRules: Template(en: " (only in the new rules)", zh: "（只在新规则中）")
        case .onlyInOldRules: Template(en: " (only in the old rules)", zh: "（只在旧规则中）")
        case .before: Template(en: "before", zh: "之前")
        case .after: Template(en: "after", zh: "之后")
        case .inBoth: Template(en: "in_both", zh: "两边都有")
        case .arrived: Template(en: "arrived", zh: "新增")
        case .left: Template(en: "left", zh: "离开")
        case .changed: Template(en: "changed", zh: "有变化")
        case .tiers: Template(en: "tiers", zh: "分层")
        case .up: Template(en: "up", zh: "升")
        case .down: Template(en: "down", zh: "降")
        case .stayed: Template(en: "stayed", zh: "不变")
        case .segment: Template(en: "segment", zh: "分群")
        case .entered: Template(en: "entered", zh: "进入")
        case .defined: Template(en: "defined", zh: "定义于")
        case .derived: Template(en: "derived", zh: "派生字段")
        case .noChanges:
            Template(en: "No changes: every customer has the same segments, tiers and derived values.", zh: "没有变化：每位客户的分群、等级和派生字段的值都相同。")
        case .customersChanged:
            Template(en: "{count} of {total} customers changed membership or tier", zh: "{total} 位客户中有 {count} 位的分群或等级有变化")
        case .arrivedAndLeft: Template(en: "; {arrived} arrived, {left} left", zh: "；新增 {arrived} 位，离开 {left} 位")
        case .fullStop: Template(en: ".", zh: "。")
        case .derivedFieldsChanged: Template(en: "; {count} derived field{en_s} changed", zh: "；{count} 个派生字段有变化")
        }
    }
}
