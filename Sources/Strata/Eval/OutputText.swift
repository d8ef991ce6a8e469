/// The catalog's texts of results as a person reads them: notes on stderr (exports written), the line under
/// a table, and the column headers that are Strata's own words in terminal tables (`segment count share`,
/// `members share group_size rate lift`, `total`). CSV and JSON keep the English headers: tools parse them.
enum OutputText: String, CatalogKey {
    case exported, wouldExport, noOutputs
    case footerAll, footerSome, rowsNoun, customersNoun
    case segment, count, share, total, members, groupSize, rate, lift
    case overlap, pairA, pairB, both, jaccard, ofA, ofB, figure, value

    var template: Template {
        switch self {
        case .exported: Template(en: "exported {count} customer{en_s} ({label}) to {path}", zh: "已导出 {count} 位客户（{label}）到 {path}")
        case .wouldExport: Template(en: "would export {count} customer{en_s} ({label}) to {path}", zh: "将导出 {count} 位客户（{label}）到 {path}")
        case .noOutputs:
            Template(en: "note: no output statements, and no segments or tiers to summarize", zh: "注：没有输出语句，也没有可汇总的分群或分层")
        case .footerAll: Template(en: "({total} {noun})", zh: "（共 {total} {noun}）")
        case .footerSome: Template(en: "({shown} of {total} {noun})", zh: "（共 {total} {noun}，显示 {shown}）")
        case .rowsNoun: Template(en: "row{en_s}", zh: "行")
        case .customersNoun: Template(en: "customer{en_s}", zh: "位客户")
        case .segment: Template(en: "segment", zh: "分群")
        case .count: Template(en: "count", zh: "人数")
        case .share: Template(en: "share", zh: "占比")
        case .total: Template(en: "total", zh: "合计")
        case .members: Template(en: "members", zh: "人数")
        case .groupSize: Template(en: "group_size", zh: "组人数")
        case .rate: Template(en: "rate", zh: "比例")
        case .lift: Template(en: "lift", zh: "提升度")
        case .overlap: Template(en: "overlap", zh: "重叠")
        case .pairA: Template(en: "a", zh: "甲")
        case .pairB: Template(en: "b", zh: "乙")
        case .both: Template(en: "both", zh: "两者都在")
        case .jaccard: Template(en: "jaccard", zh: "Jaccard 相似度")
        case .ofA: Template(en: "of a", zh: "占甲")
        case .ofB: Template(en: "of b", zh: "占乙")
        case .figure: Template(en: "figure", zh: "指标")
        case .value: Template(en: "value", zh: "值")
        }
    }

    /// `s` after an English noun counting `n` (Chinese has no plural).
    static func plural(_ n: Int) -> Slot { n == 1 ? "" : "s" }
}
