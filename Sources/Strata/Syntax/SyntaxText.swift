/// The catalog's texts for `SyntaxDiagnostics.swift`: the lexer, the parser, rule files and includes, and
/// the formatter's self-check. What the parser expected is `ExpectationText`.
enum SyntaxText: String, CatalogKey {
    // Lexer
    case fullWidthPunctuation, fullWidthPunctuationHelp
    case unexpectedCharacter, unexpectedDotHelp, unexpectedCharacterHelp
    case numberTooLarge, numberTooLargeHelp
    case invalidDate, invalidDateHelp
    case unterminatedString, unterminatedStringHelp
    case invalidUnicodeEscape, invalidUnicodeEscapeHelp
    case unknownEscape, unknownEscapeHelp
    case emptyBacktickName, emptyBacktickNameHelp
    case unterminatedBacktickName, unterminatedBacktickNameHelp
    case notAnOperator, useReplacement, bangHelp
    // Parser
    case unclosedBracket, unclosedBracketAt, unclosedBracketHelp
    case expected, expectedAtEndOfInput, expectedAtEndOfLine, expectedAtEndOfLineNext, writeHere
    case token
    case unknownStatement, statementKeywordsHint
    case unknownEncoding, didYouMeanEncoding, encodingsAre
    case keywordAsName, useAsName
    case emptyTiers, emptyTiersHelp
    case otherwiseNotLast, otherwiseNotLastHelp
    case repeatedClause, repeatedClauseHelp
    case nestedTooDeeply, splitWithLetOrDerive
    case expressionTooLong, expressionTooLongHelp
    case chainedComparison, chainedComparisonRewrite, chainedComparisonHelp
    case assignmentInComparison, useDoubleEquals
    case fractionalDuration, fractionalDurationHelp
    // Rule sources and includes
    case rulesFileUnreadable, rulesFileUnreadableHelp
    case includedFileUnreadable, includedFileUnreadableHelp
    case rulesFileNotUTF8, includedFileNotUTF8, saveAsUTF8
    case includeCycle, includeCycleHelp, includeCycleRemoveOne
    case includeCycleStart, includeCycleStartHelp
    // Formatter
    case formatterChangedMeaning, formatterChangedMeaningHelp

    var template: Template {
        switch self {
        case .fullWidthPunctuation:
            Template(en: "full-width `{written}`; use `{ascii}`", zh: "这是全角的 `{written}`，请用半角的 `{ascii}`")
        case .fullWidthPunctuationHelp:
            Template(en: "replace `{written}` with `{ascii}`", zh: "把 `{written}` 换成 `{ascii}`")
        case .unexpectedCharacter:
            Template(en: "unexpected character `{shown}`", zh: "无法识别的字符 `{shown}`")
        case .unexpectedDotHelp:
            Template(en: "numbers are written `0.5`; names cannot contain `.` (use backticks: `a.b`)",
                     zh: "小数写作 `0.5`；名称里不能有 `.`（要用时加反引号：`a.b`）")
        case .unexpectedCharacterHelp:
            Template(en: "remove it; put unusual text in quotes (\"…\") or names in backticks (`…`)",
                     zh: "删掉它；特殊的文本放在引号里（\"…\"），特殊的名称放在反引号里（`…`）")
        case .numberTooLarge:
            Template(en: "the number `{written}` is too large", zh: "数值 `{written}` 太大")
        case .numberTooLargeHelp:
            Template(en: "numbers must be below about 1.8e308", zh: "数值必须小于约 1.8e308")
        case .invalidDate:
            Template(en: "`{written}` is not a valid date", zh: "`{written}` 不是有效的日期")
        case .invalidDateHelp:
            Template(en: "a date is written YYYY-MM-DD and must exist in the calendar", zh: "日期写作 YYYY-MM-DD，并且必须是日历上真实存在的一天")
        case .unterminatedString:
            Template(en: "unterminated string", zh: "文本缺少结束的引号")
        case .unterminatedStringHelp:
            Template(en: "close it with `{quote}` on the same line", zh: "在同一行用 `{quote}` 结束它")
        case .invalidUnicodeEscape:
            Template(en: "invalid unicode escape", zh: "无效的 Unicode 转义")
        case .invalidUnicodeEscapeHelp:
            Template(en: "write `\\u{XXXX}` with 1 to 8 hex digits naming a valid character",
                     zh: "写成 `\\u{XXXX}`，用 1 到 8 位十六进制数字表示一个有效字符")
        case .unknownEscape:
            Template(en: "unknown escape `\\{letter}`", zh: "未知的转义 `\\{letter}`")
        case .unknownEscapeHelp:
            Template(en: "valid escapes are \\\\ \\\" \\' \\n \\t \\r \\u{XXXX}", zh: "可用的转义有 \\\\ \\\" \\' \\n \\t \\r \\u{XXXX}")
        case .emptyBacktickName:
            Template(en: "empty name in backticks", zh: "反引号里的名称是空的")
        case .emptyBacktickNameHelp:
            Template(en: "write the name between the backticks", zh: "在两个反引号之间写上名称")
        case .unterminatedBacktickName:
            Template(en: "unterminated backtick name", zh: "反引号名称缺少结束的反引号")
        case .unterminatedBacktickNameHelp:
            Template(en: "close it with `` ` `` on the same line", zh: "在同一行用 `` ` `` 结束它")
        case .notAnOperator:
            Template(en: "`{written}` is not an operator", zh: "`{written}` 不是运算符")
        case .useReplacement:
            Template(en: "use `{replacement}`", zh: "改用 `{replacement}`")
        case .bangHelp:
            Template(en: "did you mean `!=` or `not`?", zh: "是不是想写 `!=` 或 `not`？")

        case .unclosedBracket:
            Template(en: "unclosed `{opener}`: expected `{close}` before the end of the input", zh: "`{opener}` 没有闭合：输入结束之前应有 `{close}`")
        case .unclosedBracketAt:
            Template(en: "unclosed `{opener}`: expected `{close}` before {found} at {line}:{column}",
                     zh: "`{opener}` 没有闭合：第{line}行第{column}列的 {found} 之前应有 `{close}`")
        case .unclosedBracketHelp:
            Template(en: "add `{close}` to close it", zh: "加上 `{close}` 把它闭合")
        case .expected:
            Template(en: "expected {what}, found {found}", zh: "这里应有{what}，却是 {found}")
        case .expectedAtEndOfInput:
            Template(en: "expected {what}, found the end of the input", zh: "这里应有{what}，但输入已经结束")
        case .expectedAtEndOfLine:
            Template(en: "expected {what} at the end of this line, found the end of the input", zh: "这一行末尾应有{what}，但输入已经结束")
        case .expectedAtEndOfLineNext:
            Template(en: "expected {what} at the end of this line, found {found} on line {line}",
                     zh: "这一行末尾应有{what}，却是第{line}行的 {found}")
        case .writeHere:
            Template(en: "write {what} here", zh: "在这里写上{what}")
        case .token:
            Template(en: "`{text}`", zh: "`{text}`")
        case .unknownStatement:
            Template(en: "unknown statement {found}", zh: "未知的语句 {found}")
        case .statementKeywordsHint:
            Template(en: "a statement starts with one of: {keywords}", zh: "语句以这些关键字之一开头：{keywords}")
        case .unknownEncoding:
            Template(en: "unknown encoding \"{name}\"", zh: "未知的编码 \"{name}\"")
        case .didYouMeanEncoding:
            Template(en: "did you mean \"{name}\"?", zh: "是不是想写 \"{name}\"？")
        case .encodingsAre:
            Template(en: "the encodings are {names}", zh: "可用的编码有 {names}")
        case .keywordAsName:
            Template(en: "`{written}` is a keyword", zh: "`{written}` 是关键字")
        case .useAsName:
            Template(en: "write `` `{written}` `` to use it as a name", zh: "要把它当作名称，写成 `` `{written}` ``")
        case .emptyTiers:
            Template(en: "`tiers {name}` has no tiers", zh: "`tiers {name}` 里没有任何等级")
        case .emptyTiersHelp:
            Template(en: "add tiers such as `A where clv >= 5e6` and `C otherwise`", zh: "加上等级，例如 `A where clv >= 5e6` 和 `C otherwise`")
        case .otherwiseNotLast:
            Template(en: "`otherwise` must be the last tier", zh: "`otherwise` 必须是最后一个等级")
        case .otherwiseNotLastHelp:
            Template(en: "move `{label} otherwise` to the end; tiers after it can never match",
                     zh: "把 `{label} otherwise` 移到最后；它后面的等级永远不会被匹配")
        case .repeatedClause:
            Template(en: "`{clause}` appears twice in one `{statement}`", zh: "一条 `{statement}` 里出现了两次 `{clause}`")
        case .repeatedClauseHelp:
            Template(en: "keep one `{clause}` clause", zh: "只保留一个 `{clause}` 子句")
        case .nestedTooDeeply:
            Template(en: "expression is nested more than {depth} deep (brackets, `-` and `not`)",
                     zh: "表达式嵌套超过了{depth}层（括号、`-` 和 `not`）")
        case .splitWithLetOrDerive:
            Template(en: "split it with `let` or `derive`", zh: "用 `let` 或 `derive` 把它拆开")
        case .expressionTooLong:
            Template(en: "this expression is too long: more than {count} operators", zh: "这个表达式太长：运算符超过了{count}个")
        case .expressionTooLongHelp:
            Template(en: "for a list of values write `field in [a, b, …]`; otherwise split it with `let`, `derive` or `segment`",
                     zh: "一组值可以写成 `field in [a, b, …]`；否则用 `let`、`derive` 或 `segment` 把它拆开")
        case .chainedComparison:
            Template(en: "comparisons do not chain", zh: "比较不能连写")
        case .chainedComparisonRewrite:
            Template(en: "write `{a} {op1} {b} and {b} {op2} {c}`", zh: "写成 `{a} {op1} {b} and {b} {op2} {c}`")
        case .chainedComparisonHelp:
            Template(en: "combine the comparisons with `and`, or add parentheses", zh: "用 `and` 连接这些比较，或者加上括号")
        case .assignmentInComparison:
            Template(en: "`=` assigns; to compare use `==`", zh: "`=` 用于赋值；比较请用 `==`")
        case .useDoubleEquals:
            Template(en: "use `==`", zh: "改用 `==`")
        case .fractionalDuration:
            Template(en: "a duration needs a whole number, found `{written}`", zh: "时长需要整数，这里是 `{written}`")
        case .fractionalDurationHelp:
            Template(en: "use a smaller unit, e.g. `days` instead of fractional `months`", zh: "换用更小的单位，例如用 `days` 代替带小数的 `months`")

        case .rulesFileUnreadable:
            Template(en: "cannot read rules file `{path}`: no such file or not readable", zh: "无法读取规则文件 `{path}`：文件不存在或不可读")
        case .rulesFileUnreadableHelp:
            Template(en: "check the path (it is relative to the current folder)", zh: "检查路径（相对于当前文件夹）")
        case .includedFileUnreadable:
            Template(en: "cannot read included file `{path}`", zh: "无法读取引入的文件 `{path}`")
        case .includedFileUnreadableHelp:
            Template(en: "the path is relative to this file's folder", zh: "路径相对于本文件所在的文件夹")
        case .rulesFileNotUTF8:
            Template(en: "the rules file is not UTF-8", zh: "规则文件不是 UTF-8 编码")
        case .includedFileNotUTF8:
            Template(en: "included file `{path}` is not UTF-8 (line {line})", zh: "引入的文件 `{path}` 不是 UTF-8 编码（第{line}行）")
        case .saveAsUTF8:
            Template(en: "save it as UTF-8 (in Notepad: Save as, Encoding UTF-8)", zh: "把它另存为 UTF-8（记事本：另存为，编码选 UTF-8）")
        case .includeCycle:
            Template(en: "include cycle: `{path}` includes this file again", zh: "循环引入：`{path}` 又引入了本文件")
        case .includeCycleHelp:
            Template(en: "`{path}` is already being included (its include at {place} leads back here)",
                     zh: "`{path}` 已经在引入之中（{place} 处对它的引入又回到了这里）")
        case .includeCycleRemoveOne:
            Template(en: "remove one of the includes", zh: "删掉其中一个 `include`")
        case .includeCycleStart:
            Template(en: "the cycle starts with this include", zh: "循环从这个引入开始")
        case .includeCycleStartHelp:
            Template(en: "shared definitions belong in a file that includes nothing that includes it",
                     zh: "共用的定义应放在一个单独的文件里，它引入的文件都不能再引入它")

        case .formatterChangedMeaning:
            Template(en: "internal formatter error: the formatted text would change the file's meaning or comments; file left unchanged",
                     zh: "格式化程序内部错误：格式化后的文本会改变文件的含义或注释；文件保持不变")
        case .formatterChangedMeaningHelp:
            Template(en: "please report this file", zh: "请报告这个文件")
        }
    }
}
