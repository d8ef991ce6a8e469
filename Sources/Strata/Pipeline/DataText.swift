/// The catalog's texts for what the pipeline says about data once read: notes on columns read
/// differently than they look, why two evaluations cannot be compared (`strata diff`), and a data file
/// the report cannot checksum.
enum DataText: String, CatalogKey {
    case wideIntegersAsText, wideIntegerCell, timesDropped
    case duplicateKey, sideBefore, sideAfter, noKeyToMatch
    case checksumUnreadable, cannotOpen

    var template: Template {
        switch self {
        case .wideIntegersAsText:
            Template(en: "`{field}` in {path} is read as text: it holds integers beyond 2^53 (line {line}: `{cell}`), which no number holds exactly",
                     zh: "{path} 中的 `{field}` 按文本读取：其中有超过 2^53 的整数（第{line}行：`{cell}`），数值无法精确表示")
        case .wideIntegerCell:
            Template(en: "line {line} has `{cell}`, an integer beyond 2^53, which no number holds exactly",
                     zh: "第{line}行是 `{cell}`，这是超过 2^53 的整数，数值无法精确表示")
        case .timesDropped:
            Template(en: "`{field}` in {path} has times of day; a date column keeps only the day", zh: "{path} 中的 `{field}` 带有时刻；日期列只保留日期")
        case .duplicateKey:
            Template(en: "the {side} data has the key `{field}` = {key} twice (data rows {first} and {second}); customers are matched by key, so each must be unique",
                     zh: "{side}数据中键 `{field}` = {key} 出现了两次（数据第{first}行和第{second}行）；客户按键匹配，所以每个键都必须唯一")
        case .sideBefore:
            Template(en: "before", zh: "变化前的")
        case .sideAfter:
            Template(en: "after", zh: "变化后的")
        case .noKeyToMatch:
            Template(en: "the customer table has no key to match customers by; name one with `load customers from \"…\" key FIELD`",
                     zh: "客户表没有用来匹配客户的键；请用 `load customers from \"…\" key FIELD` 指定一个")
        case .checksumUnreadable:
            Template(en: "strata: cannot read {path} for its checksum: {reason}", zh: "strata: 无法读取 {path} 来计算校验和：{reason}")
        case .cannotOpen:
            Template(en: "it cannot be opened", zh: "无法打开")
        }
    }
}
