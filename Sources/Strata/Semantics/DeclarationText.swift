/// The catalog's texts for `DeclarationDiagnostics.swift`: `schema` blocks and the load plan.
enum DeclarationText: String, CatalogKey {
    case schemaLoadMismatch, schemaLoadMismatchHelp
    case unknownType, typesAre
    case repeatedFlag, writeItOnce
    case unknownFlag, unknownFlagHelp
    case conflictingFlags, conflictingFlagsHelp
    case duplicateField, duplicateFieldHelp
    case secondKey, secondKeyHelp
    case dataAlreadyLoaded, dataAlreadyLoadedHelp
    case noDataLoaded, noDataLoadedHelp

    var template: Template {
        switch self {
        case .schemaLoadMismatch:
            Template(en: "schema `{schema}` does not match `load {loaded}`", zh: "`schema {schema}` 与 `load {loaded}` 不对应")
        case .schemaLoadMismatchHelp:
            Template(en: "name the schema after the table it describes: `schema {loaded} {`", zh: "`schema` 要以它描述的表命名：`schema {loaded} {`")
        case .unknownType:
            Template(en: "unknown type `{written}`", zh: "未知的类型 `{written}`")
        case .typesAre:
            Template(en: "types are number, string, bool and date", zh: "类型有 number、string、bool 和 date")
        case .repeatedFlag:
            Template(en: "`{flag}` is given twice for `{field}`", zh: "`{field}` 的 `{flag}` 写了两次")
        case .writeItOnce:
            Template(en: "write it once", zh: "只写一次")
        case .unknownFlag:
            Template(en: "unknown flag `{flag}`", zh: "未知的标记 `{flag}`")
        case .unknownFlagHelp:
            Template(en: "flags are `key` (the customer id), `pii` (personal data, masked in output) and `public` (not personal data, though the name says so)",
                     zh: "标记有 `key`（客户编号）、`pii`（个人信息，输出时打码）和 `public`（虽然名称像个人信息，其实不是）")
        case .conflictingFlags:
            Template(en: "`{field}` is marked both `pii` and `public`", zh: "`{field}` 同时标记了 `pii` 和 `public`")
        case .conflictingFlagsHelp:
            Template(en: "keep `pii` to mask it in output, or `public` to show it", zh: "保留 `pii` 则输出时打码，保留 `public` 则照常显示")
        case .duplicateField:
            Template(en: "field `{field}` is declared twice", zh: "字段 `{field}` 声明了两次")
        case .duplicateFieldHelp:
            Template(en: "keep one declaration", zh: "只保留一个声明")
        case .secondKey:
            Template(en: "`{field}` is marked `key`, but `{first}` already is ({place})", zh: "`{field}` 标记了 `key`，但 `{first}` 已经是主键（{place}）")
        case .secondKeyHelp:
            Template(en: "a table has one key, the customer id; remove one of the `key` flags", zh: "一张表只有一个主键，即客户编号；删掉其中一个 `key` 标记")
        case .dataAlreadyLoaded:
            Template(en: "data is already loaded", zh: "数据已经加载过了")
        case .dataAlreadyLoadedHelp:
            Template(en: "remove this `load`", zh: "删掉这条 `load`")
        case .noDataLoaded:
            Template(en: "no data loaded", zh: "没有加载数据")
        case .noDataLoadedHelp:
            Template(en: "start the rules with `load customers from \"customers.csv\"` or pass `--data customers=PATH`",
                     zh: "在规则开头写 `load customers from \"customers.csv\"`，或者传入 `--data customers=PATH`")
        }
    }
}
