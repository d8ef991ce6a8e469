/// The catalog's texts for `FunctionDiagnostics.swift`: ranking within groups and the number, calendar
/// and text functions.
enum FunctionText: String, CatalogKey {
    case byNotAccepted, byNotAcceptedHelp
    case rankingByPosition, writeUsage
    case rankingGroupType, rankingGroupTypeHelp
    case roundDigits, roundDigitsHelp
    case durationTooLong, durationTooLongHelp
    case fractionalDuration, fractionalDurationHelp
    case durationPerCustomer, durationPerCustomerHelp

    var template: Template {
        switch self {
        case .byNotAccepted:
            Template(en: "`{function}` takes no `by`", zh: "`{function}` 不接受 `by`")
        case .byNotAcceptedHelp:
            Template(en: "`by` ranks within groups in ntile, abc and rank (`rank(clv by city)`), and orders rows in first and last",
                     zh: "`by` 在 ntile、abc 和 rank 中表示分组内排名（`rank(clv by city)`），在 first 和 last 中表示行的先后")
        case .rankingByPosition:
            Template(en: "the groups of `{function}` come after its last argument", zh: "`{function}` 的分组要写在最后一个参数之后")
        case .writeUsage:
            Template(en: "write {usage}", zh: "写成 {usage}")
        case .rankingGroupType:
            Template(en: "the groups of `{function}` must be a number, text, date or bool, found {type} `{written}`",
                     zh: "`{function}` 的分组必须是数值、文本、日期或布尔值，这里是{type} `{written}`")
        case .rankingGroupTypeHelp:
            Template(en: "group by a field, e.g. `{function}(clv by city)`", zh: "按字段分组，例如 `{function}(clv by city)`")
        case .roundDigits:
            Template(en: "the digits of `round` must be a whole number, found `{written}`", zh: "`round` 的位数必须是整数，这里是 `{written}`")
        case .roundDigitsHelp:
            Template(en: "e.g. round(x, 2) for cents, round(x, -3) for thousands", zh: "例如 round(x, 2) 保留到分，round(x, -3) 取整到千")
        case .durationTooLong:
            Template(en: "`{function}({written})` is beyond any date", zh: "`{function}({written})` 超出了所有日期的范围")
        case .durationTooLongHelp:
            Template(en: "durations reach at most 4000000 days or months", zh: "时长最多 4000000 天或 4000000 个月")
        case .fractionalDuration:
            Template(en: "`{function}` needs a whole number, found `{written}`", zh: "`{function}` 需要整数，这里是 `{written}`")
        case .fractionalDurationHelp:
            Template(en: "use a smaller unit, e.g. days(45) instead of months(1.5)", zh: "换用更小的单位，例如用 days(45) 代替 months(1.5)")
        case .durationPerCustomer:
            Template(en: "`{written}` differs per customer, so it can only shift a date", zh: "`{written}` 因客户而异，只能用来推移日期")
        case .durationPerCustomerHelp:
            Template(en: "use it as `date + {written}` or `date - {written}`", zh: "写成 `date + {written}` 或 `date - {written}`")
        }
    }
}
