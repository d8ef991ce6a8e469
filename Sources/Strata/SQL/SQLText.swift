/// The catalog's texts for `strata sql`'s diagnostics: what is not translated and why, and names the engine
/// would take for one. The constructs they name (`text` of a duration, `--with-load` of a file) stay as
/// written; the generated SQL and its comments stay English.
enum SQLText: String, CatalogKey {
    case notTranslated, notTranslatedHelp, nameCollision, nameCollisionHelp
    // Why a construct is not translated
    case onlyWrittenDurations, translatedWithOtherFunctions, fractionText, durationHasNoText, notAConstant
    case postgresRemainder, outsideEventAggregate, insideAnotherAggregatesRows, insideAggregate, needsValue
    case percentileFraction, tableNotLinked, noSQLAggregate, needsBy, durationsThatTranslate, ranksEventRows
    case oneRowPerCustomer, onlyCommaSeparated, onlyCSV
    // Constructs named in prose (those named by their code stay as written)
    case ofComputedNumber, textOfFraction, textOfDuration, eventField, perCustomerEventAggregate, percentileWithFraction
    case aggregateOver, thisDuration, programWithoutCustomers, withLoadOf

    var template: Template {
        switch self {
        case .notTranslated:
            Template(en: "{construct} is not translated to SQL for {dialect}: {why}", zh: "{construct} 无法翻译成 {dialect} 的 SQL：{why}")
        case .notTranslatedHelp:
            Template(en: "run these rules with `strata run`; docs/sql.md lists what translates",
                     zh: "请用 `strata run` 运行这些规则；docs/sql.md 列出了能翻译的写法")
        case .nameCollision:
            Template(en: "`{a}` and `{b}` are one name in {dialect}, which ignores letter case in names",
                     zh: "`{a}` 和 `{b}` 在 {dialect} 中是同一个名字：它的名字不区分大小写")
        case .nameCollisionHelp:
            Template(en: "rename one of them", zh: "给其中一个改名")
        case .onlyWrittenDurations:
            Template(en: "only written durations translate", zh: "只有直接写出的时长能翻译")
        case .translatedWithOtherFunctions:
            Template(en: "it is translated with the other functions", zh: "它随其他函数一起翻译")
        case .fractionText:
            Template(en: "each engine writes fractions differently; round it first, e.g. text(round(x))",
                     zh: "各个引擎写小数的方式不同；请先取整，例如 text(round(x))")
        case .durationHasNoText:
            Template(en: "a duration has no text", zh: "时长没有文本形式")
        case .notAConstant:
            Template(en: "it is not a constant the program defines", zh: "它不是规则中定义的常量")
        case .postgresRemainder:
            Template(en: "PostgreSQL has no remainder of double precision numbers", zh: "PostgreSQL 不能对双精度数取余")
        case .outsideEventAggregate:
            Template(en: "it stands outside an event aggregate", zh: "它不在事件聚合之内")
        case .insideAnotherAggregatesRows:
            Template(en: "it stands inside another aggregate's rows", zh: "它处在另一个聚合的行之中")
        case .insideAggregate:
            Template(en: "it stands inside an aggregate or an event aggregate", zh: "它处在聚合或事件聚合之中")
        case .needsValue:
            Template(en: "it needs a value", zh: "它需要一个值")
        case .percentileFraction:
            Template(en: "it needs a fraction from 0 to 1", zh: "它需要 0 到 1 之间的比例")
        case .tableNotLinked:
            Template(en: "the table is not linked to the customers", zh: "这个表没有关联到客户")
        case .noSQLAggregate:
            Template(en: "it has no SQL aggregate", zh: "它没有对应的 SQL 聚合函数")
        case .needsBy:
            Template(en: "it needs `by`", zh: "它需要 `by`")
        case .durationsThatTranslate:
            Template(en: "only written durations, `days(n)`, `months(n)`, `if`, `coalesce` and `let`s of them translate",
                     zh: "只有直接写出的时长、`days(n)`、`months(n)`、`if`、`coalesce` 以及由它们定义的 `let` 能翻译")
        case .ranksEventRows:
            Template(en: "it ranks event rows, not customers", zh: "它给事件行排名，而不是给客户排名")
        case .oneRowPerCustomer:
            Template(en: "the membership table has one row per customer", zh: "成员表每个客户一行")
        case .onlyCommaSeparated:
            Template(en: "only comma-separated files are loaded so far (load this tab-separated one with the engine's reader)",
                     zh: "目前只能加载逗号分隔的文件（这个制表符分隔的文件请用引擎自己的读取方式加载）")
        case .onlyCSV:
            Template(en: "only CSV files are loaded so far", zh: "目前只能加载 CSV 文件")
        case .ofComputedNumber:
            Template(en: "`{function}` of a computed number", zh: "对计算出的数值使用 `{function}`")
        case .textOfFraction:
            Template(en: "`text` of a number that may have a fraction", zh: "对可能带小数的数值使用 `text`")
        case .textOfDuration:
            Template(en: "`text` of a duration", zh: "对时长使用 `text`")
        case .eventField:
            Template(en: "an event field", zh: "事件字段")
        case .perCustomerEventAggregate:
            Template(en: "a per-customer event aggregate here", zh: "这里按客户计算的事件聚合")
        case .percentileWithFraction:
            Template(en: "`percentile` with this fraction", zh: "带这个比例的 `percentile`")
        case .aggregateOver:
            Template(en: "an aggregate over `{table}`", zh: "对 `{table}` 的聚合")
        case .thisDuration:
            Template(en: "this duration", zh: "这个时长")
        case .programWithoutCustomers:
            Template(en: "a program without a customer table", zh: "没有客户表的规则")
        case .withLoadOf:
            Template(en: "`--with-load` of {path}", zh: "对 {path} 使用 `--with-load`")
        }
    }
}
