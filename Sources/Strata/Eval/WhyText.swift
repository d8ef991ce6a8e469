/// The catalog's texts for `why` (`Why.swift`, `Output/WhyRender.swift`): the notes beside its clauses,
/// the words it shows for `and`/`or` chains and truths, and its headline. The clauses themselves are the
/// rules as written, with the customer's values.
enum WhyText: String, CatalogKey {
    case headlineSegment, headlineTiers
    case allOf, anyOf, not
    case unknown, notReached
    case tierOtherwise, tierFirstThatHolds, tierUnknownIsNoMatch, notThisTier
    case segmentNotExpanded, segmentExpanded
    case setting, constant, constantRule, derivedRule
    case customersEvents, rankAmongAll, rankInGroup, overAllCustomers

    var template: Template {
        switch self {
        case .headlineSegment: Template(en: "segment {name} for {field} {key}: {result}", zh: "分群 {name}，{field} 为 {key} 的客户：{result}")
        case .headlineTiers: Template(en: "tiers {name} for {field} {key}: {result}", zh: "分层 {name}，{field} 为 {key} 的客户：{result}")
        case .allOf: Template(en: "all of", zh: "以下全部")
        case .anyOf: Template(en: "any of", zh: "以下任一")
        case .not: Template(en: "not", zh: "并非")
        case .unknown: Template(en: "unknown", zh: "未知")
        case .notReached: Template(en: "not reached", zh: "未判断")
        case .tierOtherwise: Template(en: "this tier: no tier above matched", zh: "本等级：上面的等级都不匹配")
        case .tierFirstThatHolds: Template(en: "this tier: the first whose condition holds", zh: "本等级：第一个条件成立的等级")
        case .tierUnknownIsNoMatch:
            Template(en: "unknown (a value is null) counts as not matching", zh: "未知（有值为空值）按不匹配处理")
        case .notThisTier: Template(en: "not this tier", zh: "不是本等级")
        case .segmentNotExpanded: Template(en: "segment (not expanded: `why` it on its own)", zh: "分群（未展开：可单独对它用 `why`）")
        case .segmentExpanded: Template(en: "segment `{name}`, expanded: {rule}", zh: "分群 `{name}`，展开为：{rule}")
        case .setting: Template(en: "setting", zh: "设置")
        case .constant: Template(en: "let", zh: "命名值")
        case .constantRule: Template(en: "let: {rule}", zh: "命名值：{rule}")
        case .derivedRule: Template(en: "derived: {rule}", zh: "派生字段：{rule}")
        case .customersEvents: Template(en: "this customer's {table}", zh: "该客户的 {table}")
        case .rankAmongAll: Template(en: "this customer's rank among all customers", zh: "该客户在全部客户中的排名")
        case .rankInGroup: Template(en: "this customer's rank in their group", zh: "该客户在其分组中的排名")
        case .overAllCustomers: Template(en: "over all customers", zh: "基于全部客户")
        }
    }
}
