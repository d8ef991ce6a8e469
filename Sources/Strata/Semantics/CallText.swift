/// The catalog's texts for `CallDiagnostics.swift`: calls of scalar functions, aggregates and scoring,
/// and the usage lines whose words are not code.
enum CallText: String, CatalogKey {
    case usage
    case filterOnScalarFunction, comparesArgumentsPerCustomer, filterWithSegment
    case unknownFunction, functionList
    case argumentCount, wantExactly, wantOrMore, wantOr, wantRange
    case argumentType
    case mixedArgumentTypes, convertToOneType
    case unorderedArguments
    case ifBranchTypes, ifBranchTypesHelp
    case invalidDateText, invalidDateTextHelp
    case nestedAggregate, nestedAggregateHelp
    case percentilePerCustomer, percentileExample
    case percentileOutOfRange, percentileAsFraction, percentileNinety
    case ntileBuckets, ntileBucketsHelp
    case abcCutoffsNotConstant, abcCutoffsOrder, abcExample
    case usageRound, usageMin, usageMax, usageNumber, usagePercentile, usageAbc, usageRank, usageWeekday, usageDays, usageMonths

    var template: Template {
        switch self {
        case .usage: Template(en: "usage: {usage}", zh: "用法：{usage}")
        case .filterOnScalarFunction:
            Template(en: "only aggregates take `where`; `{function}` works per customer", zh: "只有聚合才能带 `where`；`{function}` 是逐个客户计算的")
        case .comparesArgumentsPerCustomer:
            Template(en: "`{function}` with two or more arguments compares them per customer", zh: "带两个或更多参数的 `{function}` 是在每个客户内比较这些参数")
        case .filterWithSegment: Template(en: "filter with a segment instead", zh: "请改用分群来筛选")
        case .unknownFunction: Template(en: "unknown function `{name}`", zh: "没有叫 `{name}` 的函数")
        case .functionList: Template(en: "functions: {names}", zh: "可用的函数：{names}")
        case .argumentCount: Template(en: "`{function}` takes {want} argument{en_s}, found {found}", zh: "`{function}` 需要{want}参数，这里有{found}个")
        case .wantExactly: Template(en: "{n}", zh: "{n}个")
        case .wantOrMore: Template(en: "{low} or more", zh: "{low}个或更多")
        case .wantOr: Template(en: "{low} or {high}", zh: "{low}或{high}个")
        case .wantRange: Template(en: "{low} to {high}", zh: "{low}到{high}个")
        case .argumentType:
            Template(en: "argument {position} of `{function}` must be a {types}, found {type} `{written}`",
                     zh: "`{function}` 的第{position}个参数必须是{types}，这里是{type} `{written}`")
        case .mixedArgumentTypes:
            Template(en: "the arguments of `{function}` must all be of one type: argument {position} is {found}, argument 1 is {first}",
                     zh: "`{function}` 的参数必须是同一类型：第{position}个参数是{found}，第1个参数是{first}")
        case .convertToOneType: Template(en: "convert them to one type", zh: "请把它们转换成同一类型")
        case .unorderedArguments: Template(en: "`{function}` compares numbers, dates or text, found {type}", zh: "`{function}` 比较的是数值、日期或文本，这里是{type}")
        case .ifBranchTypes: Template(en: "both branches of `if` must have one type: {then} and {other}", zh: "`if` 的两个分支必须是同一类型，这里是{then}和{other}")
        case .ifBranchTypesHelp: Template(en: "make them the same type", zh: "请让两个分支的类型一致")
        case .invalidDateText: Template(en: "`{text}` is not a date", zh: "`{text}` 不是日期")
        case .invalidDateTextHelp: Template(en: "write dates as YYYY-MM-DD, e.g. 2026-06-30", zh: "日期写成 YYYY-MM-DD，例如 2026-06-30")
        case .nestedAggregate:
            Template(en: "aggregates cannot be nested: `{function}` inside another aggregate", zh: "聚合不能嵌套：`{function}` 在另一个聚合里面")
        case .nestedAggregateHelp: Template(en: "compute the inner one with `let` first", zh: "请先用 `let` 算出里面那个聚合")
        case .percentilePerCustomer:
            Template(en: "the fraction of `percentile` must be one value, not per customer", zh: "`percentile` 的比例必须是单一值，不能因客户而异")
        case .percentileExample: Template(en: "e.g. percentile(clv, 0.9)", zh: "例如 percentile(clv, 0.9)")
        case .percentileOutOfRange:
            Template(en: "the fraction of `percentile` must be between 0 and 1, found {written}", zh: "`percentile` 的比例必须在 0 到 1 之间，这里是 {written}")
        case .percentileAsFraction: Template(en: "write {fraction} for the {written}{en_suffix} percentile", zh: "第{written}百分位数请写成 {fraction}")
        case .percentileNinety: Template(en: "e.g. 0.9 for the 90th percentile", zh: "例如第90百分位数写成 0.9")
        case .ntileBuckets:
            Template(en: "the number of buckets of `ntile` must be a whole number written out, between 1 and 1000000",
                     zh: "`ntile` 的分组数必须是直接写出的整数，在 1 到 1000000 之间")
        case .ntileBucketsHelp: Template(en: "e.g. ntile(recency, 5) for RFM scores 1–5", zh: "例如 ntile(recency, 5) 得出 1–5 的 RFM 分数")
        case .abcCutoffsNotConstant: Template(en: "the cut-offs of `abc` must be numbers written out", zh: "`abc` 的分界点必须是直接写出的数值")
        case .abcCutoffsOrder: Template(en: "the cut-offs of `abc` must satisfy 0 < a < b <= 1", zh: "`abc` 的分界点必须满足 0 < a < b <= 1")
        case .abcExample: Template(en: "e.g. abc(clv, 0.8, 0.95)", zh: "例如 abc(clv, 0.8, 0.95)")
        case .usageRound: Template(en: "round(x) or round(x, digits)", zh: "round(x) 或 round(x, digits)")
        case .usageMin: Template(en: "min(x) over all customers, or min(a, b, …) per customer", zh: "min(x) 对所有客户求最小值，min(a, b, …) 在每个客户内求最小值")
        case .usageMax: Template(en: "max(x) over all customers, or max(a, b, …) per customer", zh: "max(x) 对所有客户求最大值，max(a, b, …) 在每个客户内求最大值")
        case .usageNumber: Template(en: "number(text), e.g. number(\"1,200\")", zh: "number(text)，例如 number(\"1,200\")")
        case .usagePercentile:
            Template(en: "percentile(x [where condition], p) with p between 0 and 1", zh: "percentile(x [where condition], p)，p 在 0 到 1 之间")
        case .usageAbc: Template(en: "abc(x) or abc(x, 0.8, 0.95)", zh: "abc(x) 或 abc(x, 0.8, 0.95)")
        case .usageRank: Template(en: "rank(x) or rank(x by city)", zh: "rank(x) 或 rank(x by city)")
        case .usageWeekday: Template(en: "weekday(date), 1 = Monday … 7 = Sunday", zh: "weekday(date)，1 = 星期一 … 7 = 星期日")
        case .usageDays: Template(en: "days(n), e.g. birthday + days(7)", zh: "days(n)，例如 birthday + days(7)")
        case .usageMonths: Template(en: "months(n), e.g. birthday + months(12 * age)", zh: "months(n)，例如 birthday + months(12 * age)")
        }
    }
}
