/// The catalog's texts for `strata report`'s page (`HTMLReport`): the `<html lang>` and the section
/// headings and sentences. The page's `id`s and `data-` attributes stay English: tools read them.
enum ReportText: String, CatalogKey {
    case htmlLang, pageTitle
    case data, noDataFile, classifications, noClassification, segments, tiersOf, outputs, noOutputs, assertions, rules

    var template: Template {
        switch self {
        case .htmlLang: Template(en: "en", zh: "zh-CN")
        case .pageTitle: Template(en: "Strata report: {title}", zh: "Strata 报告：{title}")
        case .data: Template(en: "Data", zh: "数据")
        case .noDataFile: Template(en: "The rules read no data file.", zh: "规则没有读取数据文件。")
        case .classifications: Template(en: "Segments and tiers", zh: "分群与分层")
        case .noClassification: Template(en: "The rules define no segment or tier.", zh: "规则没有定义分群或分层。")
        case .segments: Template(en: "Segments", zh: "分群")
        case .tiersOf: Template(en: "Tiers: {name}", zh: "分层：{name}")
        case .outputs: Template(en: "Outputs", zh: "输出")
        case .noOutputs:
            Template(en: "The rules ask for no output (no <code>show</code> or <code>count</code>).", zh: "规则没有要求输出（没有 <code>show</code> 或 <code>count</code>）。")
        case .assertions: Template(en: "Assertions", zh: "断言")
        case .rules: Template(en: "Rules", zh: "规则")
        }
    }
}
