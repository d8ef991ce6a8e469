/// The catalog's texts for the REPL: `.help`, the banner, what dot-commands say, and the notes a session
/// prints when it loads data, waits for it, or recomputes definitions.
enum ReplText: String, CatalogKey {
    case help, banner
    case time, cancelled
    case timerOnOff, modeFormats, chartOnOff, maxRowsWhole, loadUsage, saveUsage, whyUsage
    case saved, unknownCommand, unknownCommandNear
    case noData, schemaTitle, eventTableTitle, noneEmpty
    case fieldHeader, typeHeader, nullsHeader, fromHeader
    case fromDerived, fromMatched, fromLoaded
    case segmentHeader, sizeHeader, shareHeader, ruleHeader
    case noTierMatched, noSegments
    case keptUntilData, loadedCustomers, checkedUntilData
    case replaced, replacedRecomputed
    case nounSegment, nounDerived, nounTiers, nounConstant, nounSetting, nounStatement
    case setAside, recomputedOnNewData
    case dataMatchesSchema, schemaKnown
    case loadedRows

    var template: Template {
        switch self {
        case .help:
            Template(en: """
                Statements run as in a rule file; a bare expression prints its value, a bare segment its members.
                  load customers from "data.csv"      segment vip where clv > 2e6        count vip
                  avg(clv where vip)                   percentile(clv, 0.9)               vip
                  load visits from "visits.csv" linked by customer_id    count(visits where date >= as_of - 90 days)
                  visits.                                (Tab lists the fields of a loaded table)
                  summarize vip by city               count vip by city, vip_tier        print share = count(vip) / count()
                  derive city_rank = rank(clv by city)   show customers limit 3 per city order by clv desc
                Redefining a segment, field or constant replaces it and recomputes what depends on it.

                  .help                  this text
                  .schema                fields with their types and null counts
                  .segments              segments and tiers: size, share and rule
                  .load PATH [AS NAME]   load a CSV/JSON/JSONL file (definitions are recomputed on it);
                                         add ENCODING gb18030 (or gbk, utf-16) for a file not in UTF-8
                  .timer on|off          print the time each input takes
                  .mode table|csv|json   how results are printed
                  .maxrows N             show prints at most N rows unless it has a limit (default 40; 0: all)
                  .chart on|off          draw a bar chart under each count and summary
                  .save FILE             write the session's definitions as a rule file
                  .why KEY [NAME]        why customer KEY is (not) in segment NAME or got their tier, clause by clause
                                         (every segment and tiers field when NAME is left out)
                  .quit                  leave (also Ctrl-D)

                Keys: arrows, Home/End, Ctrl-A/E/B/F, Alt-B/F, Ctrl-K/U/W/Y, Ctrl-L clear, Ctrl-R search history,
                Tab completes names, Ctrl-C discards the input (while a statement runs: cancels it).
                Pasted text waits for Enter.

                """,
                     zh: """
                语句的运行方式与规则文件中相同；单独一个表达式打印它的值，单独一个分群名打印它的成员。
                  load customers from "data.csv"      segment vip where clv > 2e6        count vip
                  avg(clv where vip)                   percentile(clv, 0.9)               vip
                  load visits from "visits.csv" linked by customer_id    count(visits where date >= as_of - 90 days)
                  visits.                                （按 Tab 列出已加载的表的字段）
                  summarize vip by city               count vip by city, vip_tier        print share = count(vip) / count()
                  derive city_rank = rank(clv by city)   show customers limit 3 per city order by clv desc
                重新定义分群、字段或命名值会替换原来的定义，并重新计算依赖它的一切。

                  .help                  本说明
                  .schema                字段及其类型和空值数
                  .segments              分群和分层：人数、占比和规则
                  .load PATH [AS NAME]   加载 CSV/JSON/JSONL 文件（各定义在新数据上重新计算）；
                                         不是 UTF-8 的文件加 ENCODING gb18030（或 gbk、utf-16）
                  .timer on|off          打印每次输入的用时
                  .mode table|csv|json   结果的打印格式
                  .maxrows N             没有 limit 的 show 最多打印 N 行（默认 40；0 表示全部）
                  .chart on|off          在每个计数和汇总下画条形图
                  .save FILE             把会话中的定义写成规则文件
                  .why KEY [NAME]        客户 KEY 为何（不）在分群 NAME 中、为何得到其等级，逐条子句说明
                                         （不写 NAME 时解释每个分群和分层字段）
                  .quit                  退出（也可按 Ctrl-D）

                按键：方向键、Home/End、Ctrl-A/E/B/F、Alt-B/F、Ctrl-K/U/W/Y，Ctrl-L 清屏，Ctrl-R 搜索历史，
                Tab 补全名称，Ctrl-C 放弃当前输入（语句运行时则取消该语句）。
                粘贴的文本要按 Enter 才运行。

                """)
        case .banner: Template(en: "{version} — .help for help, .quit or Ctrl-D to leave", zh: "{version} — 输入 .help 查看帮助，.quit 或 Ctrl-D 退出")
        case .time: Template(en: "time: {ms} ms", zh: "用时：{ms} 毫秒")
        case .cancelled: Template(en: "cancelled", zh: "已取消")
        case .timerOnOff: Template(en: ".timer takes on or off", zh: ".timer 只接受 on 或 off")
        case .modeFormats: Template(en: ".mode takes table, csv or json", zh: ".mode 只接受 table、csv 或 json")
        case .chartOnOff: Template(en: ".chart takes on or off", zh: ".chart 只接受 on 或 off")
        case .maxRowsWhole: Template(en: ".maxrows takes a whole number (0 for no limit)", zh: ".maxrows 需要一个整数（0 表示不限）")
        case .loadUsage: Template(en: ".load takes PATH [AS NAME] [ENCODING NAME]", zh: ".load 的写法是 PATH [AS NAME] [ENCODING NAME]")
        case .saveUsage: Template(en: ".save takes a file name", zh: ".save 需要一个文件名")
        case .whyUsage:
            Template(en: ".why takes a customer's key and, optionally, a segment or tiers name", zh: ".why 需要一位客户的键，还可以加一个分群或分层名")
        case .saved: Template(en: "saved {count} definition{en_s} to {path}", zh: "已把 {count} 个定义保存到 {path}")
        case .unknownCommand: Template(en: "unknown command {command}; .help lists the commands", zh: "未知命令 {command}；.help 列出全部命令")
        case .unknownCommandNear: Template(en: "unknown command {command}; did you mean {near}?", zh: "未知命令 {command}；是不是想写 {near}？")
        case .noData: Template(en: "no data loaded; use .load PATH", zh: "还没有加载数据；请用 .load PATH")
        case .schemaTitle: Template(en: "{table}: {count} customer{en_s} from {source}", zh: "{table}：{count} 位客户，来自 {source}")
        case .eventTableTitle:
            Template(en: "{table}: {count} rows linked by {by}, many per customer, from {source}",
                     zh: "{table}：{count} 行，按 {by} 关联，每位客户可有多行，来自 {source}")
        case .noneEmpty: Template(en: "none (empty)", zh: "无（全空）")
        case .fieldHeader: Template(en: "field", zh: "字段")
        case .typeHeader: Template(en: "type", zh: "类型")
        case .nullsHeader: Template(en: "nulls", zh: "空值数")
        case .fromHeader: Template(en: "from", zh: "来源")
        case .fromDerived: Template(en: "derived", zh: "派生")
        case .fromMatched: Template(en: "matched", zh: "匹配")
        case .fromLoaded: Template(en: "loaded", zh: "加载")
        case .segmentHeader: Template(en: "segment", zh: "分群")
        case .sizeHeader: Template(en: "size", zh: "人数")
        case .shareHeader: Template(en: "share", zh: "占比")
        case .ruleHeader: Template(en: "rule", zh: "规则")
        case .noTierMatched: Template(en: "no tier matched", zh: "没有符合的等级")
        case .noSegments:
            Template(en: "no segments yet; define one with: segment NAME where CONDITION", zh: "还没有分群；这样定义一个：segment NAME where CONDITION")
        case .keptUntilData:
            Template(en: "kept {count} definition{en_s} of {file}; they are checked and computed when data is loaded",
                     zh: "保留了 {file} 中的 {count} 个定义；加载数据后再检查和计算")
        case .loadedCustomers: Template(en: "loaded {count} customer{en_s} from {path}", zh: "已从 {path} 加载 {count} 位客户")
        case .checkedUntilData: Template(en: "checked `{name}`; it is computed when data is loaded", zh: "已检查 `{name}`；加载数据后再计算")
        case .replaced: Template(en: "replaced {what} `{name}`", zh: "已替换{what} `{name}`")
        case .replacedRecomputed: Template(en: "replaced {what} `{name}`; recomputed {names}", zh: "已替换{what} `{name}`；已重新计算 {names}")
        case .nounSegment: Template(en: "segment", zh: "分群")
        case .nounDerived: Template(en: "derived field", zh: "派生字段")
        case .nounTiers: Template(en: "tiers", zh: "分层")
        case .nounConstant: Template(en: "constant", zh: "命名值")
        case .nounSetting: Template(en: "setting", zh: "设置")
        case .nounStatement: Template(en: "statement", zh: "语句")
        case .setAside:
            Template(en: "set aside `{name}`: {why} (it comes back when data it fits is loaded)",
                     zh: "暂时搁置 `{name}`：{why}（加载与它相符的数据后会恢复）")
        case .recomputedOnNewData: Template(en: "recomputed {count} definition{en_s} on the new data", zh: "已在新数据上重新计算 {count} 个定义")
        case .dataMatchesSchema: Template(en: "the data matches schema `{table}` ({count} field{en_s})", zh: "数据符合 `schema` `{table}`（{count} 个字段）")
        case .schemaKnown:
            Template(en: "schema `{table}`: {count} field{en_s} known; data loaded later is checked against it",
                     zh: "`schema` `{table}`：已知 {count} 个字段；之后加载的数据会按它检查")
        case .loadedRows: Template(en: "loaded {count} rows of `{table}` from {path}", zh: "已从 {path} 加载 `{table}` 的 {count} 行")
        }
    }
}

extension ReplText {
    /// How a definition's kind is named in the session's notes (`replaced segment `vip``).
    static func noun(_ kind: CheckedStmt.Kind) -> Message {
        switch kind {
        case .segment: nounSegment.message
        case .derive: nounDerived.message
        case .tiers: nounTiers.message
        case .let: nounConstant.message
        case .setAsOf: nounSetting.message
        case .show, .count, .export, .assert, .expression, .summarize, .print, .overlap: nounStatement.message
        }
    }

    /// A count and its English plural `s` (the slots `count` and `en_s`), with the message's other slots.
    static func counted(_ n: Int, _ more: [String: Slot] = [:]) -> [String: Slot] {
        more.merging(["count": "\(n)", "en_s": .text(n == 1 ? "" : "s")]) { a, _ in a }
    }
}
