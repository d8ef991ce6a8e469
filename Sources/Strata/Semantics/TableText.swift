/// The catalog's texts for `TableDiagnostics.swift`: the load plan, keys and links, cells read as null,
/// event fields and event aggregates.
enum TableText: String, CatalogKey {
    case tableLoadedTwice, tableLoadedTwiceHelp
    case secondCustomerTable, secondCustomerTableHelp
    case keyOnLinkedTable, keyOnLinkedTableHelp
    case dataNamesNoTable, dataNamesNoTableHelp
    case customerKeyMissing, nameTheKey
    case customerKeyEmpty, customerKeyEmptyHelp
    case customerKeyDuplicate, customerKeyDuplicateHelp
    case matchedRowDuplicate, matchedRowDuplicateHelp
    case linkFieldMissing, itsFields
    case rowsNameNoCustomer, emptyKey
    case cellsReadAsNull, cellsReadAsNullHelp, aNumber, aDate, trueOrFalse, aType, numbers, dates
    case schemaDeclares, otherCellsAre
    case unknownTableField
    case eventFieldOutsideAggregate, eventFieldOutsideAggregateHelp
    case eventFieldUnqualified, eventFieldUnqualifiedHelp
    case eventFieldOfOtherTable, eventFieldOfOtherTableHelp
    case unknownTable, loadTableFirst, tableList
    case eventFieldHidesCustomerField, eventFieldHidesCustomerFieldHelp
    case eventOnlyFunction, eventOnlyFunctionHelp
    case eventModifierWithoutTable, eventModifierWithoutTableHelp
    case aggregateOverTwoTables, aggregateOverTwoTablesHelp
    case nestedEventAggregate, nestedEventAggregateHelp
    case distinctCountsValues, needsBy, cannotReturnDuration, distinctGoesWithCount, byGoesWithFirstLast, example
    case eventPercentileFraction, eventPercentileFractionHelp
    case eventFieldOutsideItsRows
    case eventTableNotLoaded, eventTableNotLoadedHelp

    var template: Template {
        switch self {
        case .tableLoadedTwice: Template(en: "the table `{table}` is already loaded at line {line}", zh: "表 `{table}` 已在第{line}行加载过")
        case .tableLoadedTwiceHelp:
            Template(en: "give each table its own name, e.g. `load {table}_2 from …`", zh: "每个表要有自己的名字，例如 `load {table}_2 from …`")
        case .secondCustomerTable:
            Template(en: "a second customer table: `{first}` is already the customer table", zh: "出现了第二个客户表：`{first}` 已经是客户表")
        case .secondCustomerTableHelp:
            Template(en: "add `linked by FIELD` for an event log, or `matched by FIELD` for a snapshot or survey",
                     zh: "事件记录请加 `linked by FIELD`，快照或调查请加 `matched by FIELD`")
        case .keyOnLinkedTable: Template(en: "`key` names the customer table's key", zh: "`key` 只用来指定客户表的主键")
        case .keyOnLinkedTableHelp:
            Template(en: "a linked or matched table names its customer with `linked by` / `matched by`",
                     zh: "关联的表用 `linked by` / `matched by` 指明每行对应的客户")
        case .dataNamesNoTable:
            Template(en: "`--data {given}=…` names no table: the rules load {tables}", zh: "`--data {given}=…` 指定的表不存在：规则文件加载的是 {tables}")
        case .dataNamesNoTableHelp: Template(en: "use `--data {name}=PATH`", zh: "请用 `--data {name}=PATH`")
        case .customerKeyMissing: Template(en: "the customer table {source} has no key field `{key}`", zh: "客户表 {source} 没有主键字段 `{key}`")
        case .nameTheKey: Template(en: "name the key with `key {name}` after the file name", zh: "请在文件名后用 `key {name}` 指定主键")
        case .customerKeyEmpty: Template(en: "{source}:{line}: the customer key `{key}` is empty", zh: "{source}:{line}：客户主键 `{key}` 为空")
        case .customerKeyEmptyHelp:
            Template(en: "every customer needs a key; fix that row of the export", zh: "每个客户都需要主键；请修正导出数据中的这一行")
        case .customerKeyDuplicate:
            Template(en: "{source}:{line}: the customer key `{key}` is given twice (first on line {first})",
                     zh: "{source}:{line}：客户主键 `{key}` 出现了两次（第一次在第{first}行）")
        case .customerKeyDuplicateHelp:
            Template(en: "keys must be unique; remove the duplicate row or name another key with `key FIELD`",
                     zh: "主键不能重复；请删掉重复的行，或用 `key FIELD` 另选主键")
        case .matchedRowDuplicate:
            Template(en: "{source}:{line}: customer `{key}` has a second row (first on line {first})",
                     zh: "{source}:{line}：客户 `{key}` 出现了第二行（第一行在第{first}行）")
        case .matchedRowDuplicateHelp:
            Template(en: "a table `matched by` has at most one row per customer; use `linked by` for many",
                     zh: "`matched by` 的表每个客户最多一行；一个客户有多行请用 `linked by`")
        case .linkFieldMissing: Template(en: "{source} has no field `{field}`", zh: "{source} 没有字段 `{field}`")
        case .itsFields: Template(en: "its fields: {fields}", zh: "它的字段：{fields}")
        case .rowsNameNoCustomer:
            Template(en: "{count} row{en_s} of `{table}` name no customer (first: {place}, {who}); they are left out of every aggregate",
                     zh: "`{table}` 有{count}行对应不到任何客户（第一行：{place}，{who}）；这些行不计入任何聚合")
        case .emptyKey: Template(en: "an empty key", zh: "主键为空")
        case .cellsReadAsNull:
            Template(en: "{count} cell{en_s} of `{field}` {en_verb} not {one} and {en_verb} read as null (first: {place}, `{cell}`); {why}",
                     zh: "`{field}` 有{count}个单元格不是{one}，已读为空值（第一个：{place}，`{cell}`）；{why}")
        case .cellsReadAsNullHelp:
            Template(en: "fix {en_those} in the export; `--strict` refuses to run on data with such cells",
                     zh: "请在导出数据中修正；数据中有这样的单元格时，`--strict` 会拒绝运行")
        case .aNumber: Template(en: "a number", zh: "数值")
        case .aDate: Template(en: "a date", zh: "日期")
        case .trueOrFalse: Template(en: "true or false", zh: "true 或 false")
        case .aType: Template(en: "a {type}", zh: "{type}")
        case .numbers: Template(en: "numbers", zh: "数值")
        case .dates: Template(en: "dates", zh: "日期")
        case .schemaDeclares: Template(en: "the schema declares `{field}: {type}`", zh: "`schema` 声明了 `{field}: {type}`")
        case .otherCellsAre: Template(en: "the other cells are {many}", zh: "其余单元格都是{many}")
        case .unknownTableField: Template(en: "`{table}` has no field `{field}`", zh: "`{table}` 没有字段 `{field}`")
        case .eventFieldOutsideAggregate:
            Template(en: "`{table}.{field}` has many values per customer, one per row of `{table}`", zh: "`{table}.{field}` 每个客户有多个值，`{table}` 的每一行一个")
        case .eventFieldOutsideAggregateHelp:
            Template(en: "aggregate it, e.g. `max({table}.{field})` or `count({table} where …)`", zh: "请对它做聚合，例如 `max({table}.{field})` 或 `count({table} where …)`")
        case .eventFieldUnqualified:
            Template(en: "`{field}` is a field of `{table}`, which has many rows per customer", zh: "`{field}` 是 `{table}` 的字段，而 `{table}` 每个客户有多行")
        case .eventFieldUnqualifiedHelp:
            Template(en: "aggregate it, e.g. `max({table}.{field})`, or use it inside `count({table} where …)`",
                     zh: "请对它做聚合，例如 `max({table}.{field})`，或者在 `count({table} where …)` 里使用它")
        case .eventFieldOfOtherTable:
            Template(en: "`{table}.{field}` is a field of `{table}`, but this aggregate is over `{aggregated}`",
                     zh: "`{table}.{field}` 是 `{table}` 的字段，但这个聚合针对的是 `{aggregated}`")
        case .eventFieldOfOtherTableHelp:
            Template(en: "aggregate each event table on its own, e.g. `count({table} where …)`", zh: "每个事件表要分别聚合，例如 `count({table} where …)`")
        case .unknownTable: Template(en: "unknown table `{table}`", zh: "没有叫 `{table}` 的表")
        case .loadTableFirst: Template(en: "load a table first", zh: "请先加载一个表")
        case .tableList: Template(en: "tables: {tables}", zh: "已有的表：{tables}")
        case .eventFieldHidesCustomerField:
            Template(en: "`{name}` here is `{table}.{name}`, which hides the {noun} `{name}`", zh: "这里的 `{name}` 是 `{table}.{name}`，它遮住了同名的{noun} `{name}`")
        case .eventFieldHidesCustomerFieldHelp:
            Template(en: "write `{table}.{name}` to say so, or `{customers}.{name}` for the customer's",
                     zh: "请明确写成 `{table}.{name}`；要用客户的字段请写 `{customers}.{name}`")
        case .eventOnlyFunction: Template(en: "`{function}` takes a field of an event table", zh: "`{function}` 的参数必须是事件表的字段")
        case .eventOnlyFunctionHelp:
            Template(en: "e.g. `{function}(purchases.project by purchases.date)`", zh: "例如 `{function}(purchases.project by purchases.date)`")
        case .eventModifierWithoutTable: Template(en: "`{modifier}` works over an event table's rows", zh: "`{modifier}` 只能用于事件表的行")
        case .eventModifierWithoutTableHelp:
            Template(en: "e.g. `count(distinct purchases.date)` or `last(purchases.project by purchases.date)`",
                     zh: "例如 `count(distinct purchases.date)` 或 `last(purchases.project by purchases.date)`")
        case .aggregateOverTwoTables: Template(en: "one aggregate cannot read two event tables", zh: "一个聚合不能同时读两个事件表")
        case .aggregateOverTwoTablesHelp:
            Template(en: "aggregate each table on its own and combine the results", zh: "请对每个表分别聚合，再把结果合起来")
        case .nestedEventAggregate:
            Template(en: "aggregates cannot be nested: `{function}` inside an aggregate over `{table}`", zh: "聚合不能嵌套：`{function}` 在对 `{table}` 的聚合里面")
        case .nestedEventAggregateHelp: Template(en: "compute the inner one with `derive` first", zh: "请先用 `derive` 算出里面那个聚合")
        case .distinctCountsValues: Template(en: "`distinct` counts the values of a field", zh: "`distinct` 统计的是某个字段的不同值")
        case .needsBy: Template(en: "`{function}` needs `by`: the field that orders the rows", zh: "`{function}` 需要 `by`：给行排序的字段")
        case .cannotReturnDuration: Template(en: "`{function}` cannot return a duration", zh: "`{function}` 不能返回时长")
        case .distinctGoesWithCount: Template(en: "`distinct` goes with `count`", zh: "`distinct` 只能和 `count` 一起用")
        case .byGoesWithFirstLast: Template(en: "`by` goes with `first` and `last`", zh: "`by` 只能和 `first`、`last` 一起用")
        case .example: Template(en: "e.g. `{example}`", zh: "例如 `{example}`")
        case .eventPercentileFraction:
            Template(en: "the fraction of `percentile` must be a number between 0 and 1 written out", zh: "`percentile` 的比例必须是直接写出的 0 到 1 之间的数")
        case .eventPercentileFractionHelp: Template(en: "e.g. percentile({table}.amount, 0.9)", zh: "例如 percentile({table}.amount, 0.9)")
        case .eventFieldOutsideItsRows: Template(en: "`{field}` is read outside an aggregate over its table", zh: "`{field}` 在对其所属表的聚合之外被读取")
        case .eventTableNotLoaded: Template(en: "the table `{table}` is not loaded", zh: "表 `{table}` 没有加载")
        case .eventTableNotLoadedHelp:
            Template(en: "load it with `load {table} from \"…\" linked by customer_id`", zh: "请用 `load {table} from \"…\" linked by customer_id` 加载它")
        }
    }
}
