/// The catalog's texts for `strata report`'s page (`HTMLReport`): the `<html lang>` and the section
/// headings and sentences. The page's `id`s and `data-` attributes stay English: tools read them.
enum ReportText: String, CatalogKey {
    case htmlLang, pageTitle
    case asOf, customersCount, piiShown, piiMasked, segmentSizes, tierSizes
    case table, file, rows, result, place, assertion, messageHeader, values, held, failed, passedFailed
    case data, noDataFile, classifications, noClassification, segments, tiersOf, outputs, noOutputs, assertions, rules

    var template: Template {
        switch self {
        case .htmlLang: Template(en: "en", zh: "zh-CN")
        case .pageTitle: Template(en: "Strata report: {title}", zh: "Strata 报告：{title}")
        case .asOf: Template(en: "as of {date}", zh: "基准日 {date}")
        case .customersCount: Template(en: "{count} customers", zh: "{count} 位客户")
        case .piiShown: Template(en: "personal fields shown unmasked (--reveal-pii)", zh: "个人信息字段未脱敏显示（--reveal-pii）")
        case .piiMasked: Template(en: "personal fields masked", zh: "个人信息字段已脱敏")
        case .segmentSizes: Template(en: "segment sizes", zh: "各分群人数")
        case .tierSizes: Template(en: "sizes of the tiers of {name}", zh: "{name} 各等级人数")
        case .table: Template(en: "table", zh: "表")
        case .file: Template(en: "file", zh: "文件")
        case .rows: Template(en: "rows", zh: "行数")
        case .result: Template(en: "result", zh: "结果")
        case .place: Template(en: "where", zh: "位置")
        case .assertion: Template(en: "assertion", zh: "断言")
        case .messageHeader: Template(en: "message", zh: "消息")
        case .values: Template(en: "values", zh: "值")
        case .held: Template(en: "held", zh: "成立")
        case .failed: Template(en: "FAILED", zh: "不成立")
        case .passedFailed:
            Template(en: "{passed_span} passed</span>, {failed_span} failed</span>", zh: "{passed_span} 条通过</span>，{failed_span} 条失败</span>")
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
