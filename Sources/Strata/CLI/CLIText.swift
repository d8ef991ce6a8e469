/// The catalog's texts for the command line: argument errors and what each command says on stderr.
/// Usage texts are `UsageText`'s. Options, file names and values stay as typed in both languages.
enum CLIText: String, CatalogKey {
    // Words on the command line.
    case takesNoValue, needsValue, unknownOption, unknownOptionNear
    case unknownLanguage, unknownCommand, withHelp
    case needsRuleFile, needsRuleFiles, takesOneRuleFile
    case dataPair, asOfDate, formatIs, formatForCheck
    // What the commands say.
    case timings, checkSummary
    case replTakesOneRuleFile, startsWithoutData
    case testRulesDidNotRun, testSummary
    case whyNeedsKey, whyTakesWords
    case dialectIs, withLoadOrder, cannotWriteMembership
    case reportNeedsOutput, wroteReport, cannotWriteReport
    case genNoFiles, genCustomers, seedWhole, genOut, wroteCustomers, wroteRows
    case fmtCheckOrWrite, fmtPrintsOne, formattedName
    case diffTwoRules, diffNotBoth, diffNeedsSecond, diffTakesOneOrTwo
    case oldRulesAsOf, oldRules, firstSnapshot, newRules, againstSnapshot
    case cannotBeEvaluated, wroteChanges, cannotWrite
    case notGitRepository, notRevision, notInRevision
    case lspTakesNoRuleFile

    var template: Template {
        switch self {
        case .lspTakesNoRuleFile:
            Template(en: "lsp takes no rule file: the editor sends the documents it opens",
                     zh: "lsp 不接受规则文件：编辑器会把它打开的文档发过来")
        case .takesNoValue: Template(en: "{option} takes no value", zh: "{option} 不接受值")
        case .needsValue: Template(en: "{option} needs a value", zh: "{option} 需要一个值")
        case .unknownOption: Template(en: "unknown option {option}", zh: "未知选项 {option}")
        case .unknownOptionNear: Template(en: "unknown option {option}; did you mean {near}?", zh: "未知选项 {option}；是不是想写 {near}？")
        case .unknownLanguage: Template(en: "--lang takes en or zh, found `{found}`", zh: "--lang 只接受 en 或 zh，这里是 `{found}`")
        case .unknownCommand: Template(en: "unknown command `{command}`", zh: "未知命令 `{command}`")
        case .withHelp: Template(en: "{problem}; {help}", zh: "{problem}；{help}")
        case .needsRuleFile: Template(en: "{command} needs a rule file", zh: "{command} 需要一个规则文件")
        case .needsRuleFiles: Template(en: "{command} needs one or more rule files", zh: "{command} 需要至少一个规则文件")
        case .takesOneRuleFile: Template(en: "{command} takes one rule file, found {count}", zh: "{command} 只接受一个规则文件，这里有 {count} 个")
        case .dataPair:
            Template(en: "{option} takes NAME=PATH, e.g. {option} customers=2026-06.csv", zh: "{option} 的写法是 NAME=PATH，例如 {option} customers=2026-06.csv")
        case .asOfDate: Template(en: "--as-of takes a date such as 2026-06-30, found `{found}`", zh: "--as-of 需要一个日期，例如 2026-06-30，这里是 `{found}`")
        case .formatIs: Template(en: "--format is table, csv or json, found `{found}`", zh: "--format 只能是 table、csv 或 json，这里是 `{found}`")
        case .formatForCheck: Template(en: "--format for check is text or json, found `{found}`", zh: "check 的 --format 只能是 text 或 json，这里是 `{found}`")
        case .timings:
            Template(en: "timings: load {load} ms, check {check} ms, evaluate {evaluate} ms", zh: "用时：加载 {load} 毫秒，检查 {check} 毫秒，求值 {evaluate} 毫秒")
        case .checkSummary:
            Template(en: "checked {files} file{en_files}: {errors} error{en_errors}, {warnings} warning{en_warnings}",
                     zh: "已检查 {files} 个文件：{errors} 个错误，{warnings} 个警告")
        case .replTakesOneRuleFile: Template(en: "repl takes at most one rule file", zh: "repl 最多接受一个规则文件")
        case .startsWithoutData:
            Template(en: "the session starts without that data; load a file with .load PATH", zh: "会话在没有这份数据的情况下开始；可用 .load PATH 加载数据文件")
        case .testRulesDidNotRun: Template(en: "the rules did not run", zh: "规则没有运行")
        case .testSummary:
            // The last line stays `N passed, N failed` in every language: tools parse it.
            Template(en: "{passed} passed, {failed} failed", zh: "断言：{passed} 条通过，{failed} 条失败\n{passed} passed, {failed} failed")
        case .whyNeedsKey: Template(en: "why needs a rule file and a customer's key", zh: "why 需要一个规则文件和一位客户的键")
        case .whyTakesWords:
            Template(en: "why takes a rule file, a key and a name, found {count} words", zh: "why 接受一个规则文件、一个键和一个名称，这里有 {count} 个词")
        case .dialectIs: Template(en: "--dialect is duckdb, postgres or spark, found `{found}`", zh: "--dialect 只能是 duckdb、postgres 或 spark，这里是 `{found}`")
        case .withLoadOrder:
            Template(en: "--with-load orders customers by their line in the file; --order is for tables that already exist",
                     zh: "--with-load 按客户在文件中的行排序；--order 用于已经存在的表")
        case .cannotWriteMembership:
            Template(en: "cannot write the membership table to {path}: {error}", zh: "无法把成员表写入 {path}：{error}")
        case .reportNeedsOutput: Template(en: "report needs -o REPORT.html, the file to write", zh: "report 需要 -o REPORT.html，即要写出的文件")
        case .wroteReport: Template(en: "wrote the report to {path}", zh: "已把报告写入 {path}")
        case .cannotWriteReport: Template(en: "cannot write the report to {path}: {error}", zh: "无法把报告写入 {path}：{error}")
        case .genNoFiles: Template(en: "gen takes no file arguments; use --out DIR", zh: "gen 不接受文件参数；请用 --out DIR")
        case .genCustomers:
            Template(en: "gen needs --customers N (a whole number up to 100000000)", zh: "gen 需要 --customers N（不超过 100000000 的整数）")
        case .seedWhole: Template(en: "--seed takes a whole number, found `{found}`", zh: "--seed 需要一个整数，这里是 `{found}`")
        case .genOut: Template(en: "gen needs --out DIR", zh: "gen 需要 --out DIR")
        case .wroteCustomers: Template(en: "wrote {count} customer{en_s} to {path}", zh: "已把 {count} 位客户写入 {path}")
        case .wroteRows: Template(en: "wrote {count} rows to {path}", zh: "已把 {count} 行写入 {path}")
        case .fmtCheckOrWrite: Template(en: "fmt takes --check or -w, not both", zh: "fmt 只能用 --check 或 -w 之一，不能同时用")
        case .fmtPrintsOne:
            Template(en: "fmt prints one file; use -w or --check for {count} files", zh: "fmt 只打印一个文件；{count} 个文件请用 -w 或 --check")
        case .formattedName: Template(en: "{path} (formatted)", zh: "{path}（排版后）")
        case .diffTwoRules:
            Template(en: "two rule files are compared on the same data: leave out --against and --rev",
                     zh: "两个规则文件在同一份数据上比较：去掉 --against 和 --rev")
        case .diffNotBoth:
            Template(en: "diff compares either two snapshots (--against) or two versions of the rules (--rev), not both",
                     zh: "diff 要么比较两个快照（--against），要么比较两版规则（--rev），不能同时比较")
        case .diffNeedsSecond:
            Template(en: "diff needs --against NAME=PATH (two data snapshots), --rev REV, or two rule files",
                     zh: "diff 需要 --against NAME=PATH（两个数据快照）、--rev REV 或两个规则文件")
        case .diffTakesOneOrTwo: Template(en: "diff takes one or two rule files, found {count}", zh: "diff 接受一个或两个规则文件，这里有 {count} 个")
        case .oldRulesAsOf: Template(en: "the rules as of {rev}", zh: "版本 {rev} 中的规则")
        case .oldRules: Template(en: "the old rules", zh: "旧规则")
        case .firstSnapshot: Template(en: "the first snapshot", zh: "第一个快照")
        case .newRules: Template(en: "the new rules", zh: "新规则")
        case .againstSnapshot: Template(en: "the --against snapshot", zh: "--against 快照")
        case .cannotBeEvaluated: Template(en: "{side} cannot be evaluated:", zh: "{side}无法求值：")
        case .wroteChanges: Template(en: "wrote {count} changes to {path}", zh: "已把 {count} 处变化写入 {path}")
        case .cannotWrite: Template(en: "cannot write {path}: {error}", zh: "无法写入 {path}：{error}")
        case .notGitRepository:
            Template(en: "{path} is not in a git repository, so --rev has no history to read", zh: "{path} 不在 git 仓库中，--rev 没有历史可读")
        case .notRevision: Template(en: "`{rev}` is not a revision of the repository of {path}", zh: "`{rev}` 不是 {path} 所在仓库的版本")
        case .notInRevision: Template(en: "{path} does not exist in {rev}", zh: "{path} 在 {rev} 中不存在")
        }
    }
}

extension CLIText {
    /// A usage error with the name it most resembles, if any: `unknown command `chekc`; did you mean `check`?`.
    static func suggesting(_ problem: Message, _ nearest: String?) -> Message {
        guard let help = Message.didYouMean(nearest) else { return problem }
        return withHelp(["problem": .message(problem), "help": .message(help)])
    }

    /// The English plural `s` for a count (a slot Chinese does without).
    static func s(_ n: Int) -> Slot { .text(n == 1 ? "" : "s") }

    /// Why one rule file is not what a command got: none (`run needs a rule file`) or several.
    static func ruleFileCount(_ command: String, _ found: Int) -> Message {
        found == 0 ? needsRuleFile(["command": .text(command)]) : takesOneRuleFile(["command": .text(command), "count": "\(found)"])
    }
}
