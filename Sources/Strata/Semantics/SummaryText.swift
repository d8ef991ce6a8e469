/// The catalog's texts for the summary messages of `SummaryChecker.swift`: groups, columns and their order.
enum SummaryText: String, CatalogKey {
    case invalidGroupField, invalidGroupFieldConstant, invalidGroupFieldHelp
    case tooManyGroupFields, tooManyGroupFieldsHelp
    case duplicateColumnName, duplicateColumnNameHelp
    case unknownSummaryColumn, orderByOneOf

    var template: Template {
        switch self {
        case .invalidGroupField:
            Template(en: "`by` needs a per-customer text, number, date or true/false field, found {type} `{written}`",
                     zh: "`by` 需要每个客户各有其值的文本、数值、日期或 true/false 字段，这里是{type} `{written}`")
        case .invalidGroupFieldConstant:
            Template(en: "`by` needs a per-customer text, number, date or true/false field, found `{written}`, one value for everyone",
                     zh: "`by` 需要每个客户各有其值的文本、数值、日期或 true/false 字段，而 `{written}` 对所有客户都是同一个值")
        case .invalidGroupFieldHelp: Template(en: "group by a field such as `city` or a tiers name", zh: "请按字段分组，例如 `city` 或某个分层的名字")
        case .tooManyGroupFields: Template(en: "a summary groups by one or two fields, found {count}", zh: "汇总只能按一个或两个字段分组，这里有{count}个")
        case .tooManyGroupFieldsHelp:
            Template(en: "keep two fields (rows and columns of a crosstab); filter the target for a third",
                     zh: "保留两个字段（交叉表的行和列）；第三个字段请改为筛选汇总的对象")
        case .duplicateColumnName: Template(en: "`{name}` names two columns", zh: "有两列都叫 `{name}`")
        case .duplicateColumnNameHelp: Template(en: "give each column its own name", zh: "每一列要有自己的名字")
        case .unknownSummaryColumn: Template(en: "`order by {name}`: the summary has no column `{name}`", zh: "`order by {name}`：汇总里没有 `{name}` 这一列")
        case .orderByOneOf: Template(en: "order by one of: {columns}", zh: "请按其中一列排序：{columns}")
        }
    }
}
