/// The catalog's texts for `CheckDiagnostics.swift`: statements, names, types and operators, with the
/// parts of statements and the conversion hints those messages name.
enum CheckText: String, CatalogKey {
    case unknownSetting, onlySettingAsOf
    case asOfSetTwice, asOfSetTwiceHelp
    case alwaysNull, alwaysNullHelp
    case derivedType, derivedTypeHelp
    case orderByDuration, orderByDurationHelp
    case durationColumn, durationColumnHelp
    case exportFileType, exportFileTypeHelp
    case alreadyDefined, alreadyDefinedAt
    case nameInUse, nameInUseAt
    case anotherName
    case typeMismatch, compareIt, writeTypeExpression
    case perCustomerValue
    case limitNotWholeNumber, limitExample
    case expectedCondition, pickOneTier, useSegmentOrCondition
    case overlapNeedsTwoListed, overlapNeedsTwoDefined, overlapListAnother, overlapDefineTwo
    case invalidCountTarget, invalidCountTargetHelp
    case duplicateTier, duplicateTierHelp
    case unknownName, knownFields, defineFirst, didYouMeanQuoted
    case functionWithoutCall, functionWithoutCallHelp
    case undeclaredField, declareField
    case definitionUsesItself, definitionUsesItselfHelp
    case usedBeforeDefinitionLine, usedBeforeDefinitionFile, moveDefinitionAbove, moveSetAsOfAbove
    case durationTooLong, durationTooLongHelp
    case negationType
    case nullInList, nullInListHelp
    case compareWithNull, compareWithNullHelp
    case orderedBool, orderedBoolHelp
    case dateDurationOperator, dateDurationOperatorHelp
    case dateSubtraction, dateSubtractionHelp
    case dateNumberArithmetic, dateNumberArithmeticHelp
    case arithmeticType, stringsNoArithmetic, useNumbers
    case convertText, readAsTextOrConvert
    case durationComparison, durationComparisonHelp
    case comparisonTypeMismatch, compareSameType, removeQuotes, dateWithoutQuotes, readAsText
    case either, eitherMore
    // The parts of a statement a type rule is about (`Part`).
    case partAsOf, partSegmentCondition, partTierCondition, partAssertion, partNotOperand, partIfCondition, partWhereFilter
    case partLeftSide, partRightSide
    // The statements that need one value for everyone (`SingleValueStatement`) and what to write instead.
    case statementSetAsOf, statementAssert, statementLet, statementPrint, statementSummaryColumn
    case useDateSuchAs, assertOnAggregate, letPerCustomer, printAggregate, summaryColumnAggregate
    // What a name stands for (`SymbolKind.nounText`, `CheckedStmt.nounText`).
    case nounField, nounDerived, nounConstant, nounSegment, nounTiers, nounSetting, nounTable, nounFailed
    case nounTiersStatement, nounStatement

    var template: Template {
        switch self {
        case .unknownSetting: Template(en: "unknown setting `{name}`", zh: "没有叫 `{name}` 的设置")
        case .onlySettingAsOf: Template(en: "the only setting is `as_of`", zh: "唯一的设置是 `as_of`")
        case .asOfSetTwice: Template(en: "`as_of` is already set at {place}", zh: "`as_of` 已在 {place} 设置过")
        case .asOfSetTwiceHelp:
            Template(en: "keep one `set as_of`; a second one would silently override the first", zh: "只保留一个 `set as_of`；第二个会悄无声息地覆盖第一个")
        case .alwaysNull: Template(en: "`{name}` would always be null", zh: "`{name}` 永远是空值")
        case .alwaysNullHelp: Template(en: "give it a value of a definite type", zh: "给它一个类型确定的值")
        case .derivedType: Template(en: "a derived field cannot be of type {type}", zh: "派生字段不能是{type}类型")
        case .derivedTypeHelp: Template(en: "derive a number, string, bool or date", zh: "派生字段应是数值、文本、布尔值或日期")
        case .orderByDuration: Template(en: "cannot order by a duration", zh: "不能按时长排序")
        case .orderByDurationHelp: Template(en: "order by a field", zh: "请按字段排序")
        case .durationColumn: Template(en: "cannot show a duration as a column", zh: "时长不能作为列显示")
        case .durationColumnHelp: Template(en: "show a field or a date", zh: "请显示字段或日期")
        case .exportFileType: Template(en: "export writes .csv or .json files", zh: "`export` 只能导出 .csv 或 .json 文件")
        case .exportFileTypeHelp: Template(en: "end the file name with .csv or .json", zh: "文件名请以 .csv 或 .json 结尾")
        case .alreadyDefined: Template(en: "`{name}` is already defined", zh: "`{name}` 已经定义过了")
        case .alreadyDefinedAt: Template(en: "`{name}` is already defined at {place}", zh: "`{name}` 已在 {place} 定义过")
        case .nameInUse: Template(en: "`{name}` is already a {noun}", zh: "`{name}` 已被{noun}占用")
        case .nameInUseAt: Template(en: "`{name}` is already a {noun} at {place}", zh: "`{name}` 已被 {place} 的{noun}占用")
        case .anotherName: Template(en: "choose another name, e.g. `{name}_2`", zh: "换一个名字，例如 `{name}_2`")
        case .typeMismatch: Template(en: "{part} must be a {expected}, found {found} `{written}`", zh: "{part}必须是{expected}，这里是{found} `{written}`")
        case .compareIt: Template(en: "compare it, e.g. `{written} > 0`", zh: "请写成比较，例如 `{written} > 0`")
        case .writeTypeExpression: Template(en: "write a {type} expression", zh: "请写一个{type}表达式")
        case .perCustomerValue:
            Template(en: "{statement} needs a single value, but `{written}` differs per customer", zh: "{statement} 需要单一的值，但 `{written}` 因客户而异")
        case .limitNotWholeNumber:
            Template(en: "`limit` needs a whole number written out, found `{written}`", zh: "`limit` 需要直接写出的整数，这里是 `{written}`")
        case .limitExample: Template(en: "e.g. `limit 20`", zh: "例如 `limit 20`")
        case .expectedCondition:
            Template(en: "expected a segment or condition, found {type} `{written}`", zh: "需要分群或条件，这里是{type} `{written}`")
        case .pickOneTier:
            Template(en: "to pick one tier write `{written} == \"…\"`; `count {written}` gives every tier's size",
                     zh: "要选出一个等级，请写 `{written} == \"…\"`；`count {written}` 给出每个等级的人数")
        case .useSegmentOrCondition:
            Template(en: "use a segment or a condition such as `clv > 1e6`", zh: "请用分群或条件，例如 `clv > 1e6`")
        case .overlapNeedsTwoListed:
            Template(en: "`overlap` compares two or more segments or conditions, found {count}", zh: "`overlap` 比较两个或更多分群或条件，这里只有{count}个")
        case .overlapNeedsTwoDefined:
            Template(en: "`overlap` without names compares every segment defined before it, and there {en_are} {count}",
                     zh: "不列名字的 `overlap` 比较它之前定义的所有分群，而之前只有{count}个")
        case .overlapListAnother:
            Template(en: "list another, e.g. `overlap vip, active`; `count` gives one segment's size",
                     zh: "再列一个，例如 `overlap vip, active`；单个分群的人数用 `count`")
        case .overlapDefineTwo:
            Template(en: "define at least two segments above it, or list conditions: `overlap clv > 1e6, active`",
                     zh: "在它之前至少定义两个分群，或者列出条件：`overlap clv > 1e6, active`")
        case .invalidCountTarget:
            Template(en: "`count` needs a segment, a condition or a text field, found {type} `{label}`", zh: "`count` 需要分群、条件或文本字段，这里是{type} `{label}`")
        case .invalidCountTargetHelp:
            Template(en: "e.g. `count vip`, `count clv > 1e6` or `count city`", zh: "例如 `count vip`、`count clv > 1e6` 或 `count city`")
        case .duplicateTier: Template(en: "tier `{label}` appears twice in `{tiers}`", zh: "等级 `{label}` 在 `{tiers}` 中出现了两次")
        case .duplicateTierHelp: Template(en: "give each tier its own label", zh: "每个等级要用不同的标签")
        case .unknownName: Template(en: "unknown name `{name}`", zh: "找不到名称 `{name}`")
        case .knownFields: Template(en: "known fields: {fields}", zh: "已有的字段：{fields}")
        case .defineFirst: Template(en: "define it first with `let`, `derive` or `segment`", zh: "请先用 `let`、`derive` 或 `segment` 定义它")
        case .didYouMeanQuoted: Template(en: "did you mean `` `{name}` ``?", zh: "是不是想写 `` `{name}` ``？")
        case .functionWithoutCall: Template(en: "`{name}` is a function", zh: "`{name}` 是函数")
        case .functionWithoutCallHelp: Template(en: "call it: `{name}(…)`", zh: "请调用它：`{name}(…)`")
        case .undeclaredField:
            Template(en: "field `{name}` is in the data but not in the schema", zh: "字段 `{name}` 在数据里，却不在 `schema` 中")
        case .declareField: Template(en: "declare it in the schema ({place}): {line}", zh: "请在 `schema`（{place}）中声明它：{line}")
        case .definitionUsesItself:
            Template(en: "`{name}` cannot use itself: it is being defined here", zh: "`{name}` 不能引用自己：它正是在这里定义的")
        case .definitionUsesItselfHelp:
            Template(en: "give the narrower rule its own name (e.g. `{name}_2`), or write the condition out in full",
                     zh: "给范围更窄的规则另起一个名字（例如 `{name}_2`），或者把条件完整写出来")
        case .usedBeforeDefinitionLine:
            Template(en: "`{name}` is used before its definition at line {line}", zh: "`{name}` 在第{line}行才定义，这里用得太早")
        case .usedBeforeDefinitionFile:
            Template(en: "`{name}` is used before its definition at {place}", zh: "`{name}` 在 {place} 才定义，这里用得太早")
        case .moveDefinitionAbove: Template(en: "move the definition of `{name}` above this line", zh: "请把 `{name}` 的定义移到这一行之前")
        case .moveSetAsOfAbove: Template(en: "move `set as_of` above this line", zh: "请把 `set as_of` 移到这一行之前")
        case .durationTooLong: Template(en: "the duration `{written}` is too long", zh: "时长 `{written}` 太长")
        case .durationTooLongHelp: Template(en: "durations up to 4000000 days are supported", zh: "时长最多支持 4000000 天")
        case .negationType: Template(en: "`-` needs a number, found {type} `{written}`", zh: "`-` 需要数值，这里是{type} `{written}`")
        case .nullInList: Template(en: "`null` in an `in` list never matches", zh: "`in` 列表里的 `null` 永远匹配不上")
        case .nullInListHelp: Template(en: "test `{subject} is null` separately", zh: "请单独判断 `{subject} is null`")
        case .compareWithNull:
            Template(en: "comparing with `null` is never true: null means unknown", zh: "与 `null` 比较永远不为真：空值表示未知")
        case .compareWithNullHelp: Template(en: "write `{other} {op} null`", zh: "请写成 `{other} {op} null`")
        case .orderedBool: Template(en: "`{op}` does not order true and false", zh: "`{op}` 不能比较 true 和 false 的大小")
        case .orderedBoolHelp: Template(en: "use `==` or `!=`", zh: "请用 `==` 或 `!=`")
        case .dateDurationOperator: Template(en: "`{op}` does not apply to a date and a duration", zh: "`{op}` 不能用于日期和时长")
        case .dateDurationOperatorHelp: Template(en: "add or subtract a duration: `{date} - 90 days`", zh: "日期只能加减时长：`{date} - 90 days`")
        case .dateSubtraction: Template(en: "dates cannot be subtracted", zh: "日期不能相减")
        case .dateSubtractionHelp:
            Template(en: "use `days_between({earlier}, {later})` for the number of days from one to the other",
                     zh: "两个日期相隔的天数请用 `days_between({earlier}, {later})`")
        case .dateNumberArithmetic:
            Template(en: "cannot {en_verb} a number and a date with `{op}`", zh: "数值和日期不能用 `{op}` 运算")
        case .dateNumberArithmeticHelp: Template(en: "write a duration: `{date} {op} 30 days`", zh: "请写成时长：`{date} {op} 30 days`")
        case .arithmeticType: Template(en: "`{op}` needs numbers, found {type} `{written}`", zh: "`{op}` 需要数值，这里是{type} `{written}`")
        case .stringsNoArithmetic: Template(en: "strings cannot be used in arithmetic", zh: "文本不能参与算术运算")
        case .useNumbers: Template(en: "use number fields or literals", zh: "请用数值字段或直接写出的数")
        case .convertText:
            Template(en: "`{written}` is text; convert it: `{convert}` (null where it is no {type})",
                     zh: "`{written}` 是文本；请转换：`{convert}`（不是{type}的为空值）")
        case .readAsTextOrConvert:
            Template(en: "`{field}` was read as text: {why}; read it as {type}s with {schema} (cells that are not become null), or convert it: `{convert}`",
                     zh: "`{field}` 被读成了文本：{why}；可以用 {schema} 把它读成{type}（不是{type}的单元格读为空值），或者转换：`{convert}`")
        case .durationComparison: Template(en: "durations cannot be compared", zh: "时长不能比较大小")
        case .durationComparisonHelp:
            Template(en: "compare dates instead: `last_visit < as_of - 90 days`", zh: "请改为比较日期：`last_visit < as_of - 90 days`")
        case .comparisonTypeMismatch:
            Template(en: "cannot compare {left_type} `{left}` with {right_type} `{right}` using `{op}`",
                     zh: "不能用 `{op}` 比较{left_type} `{left}` 和{right_type} `{right}`")
        case .compareSameType: Template(en: "`{written}` is a {type}; compare it with a {type}", zh: "`{written}` 是{type}，请和{type}比较")
        case .removeQuotes: Template(en: "remove the quotes: {fix}", zh: "去掉引号：{fix}")
        case .dateWithoutQuotes: Template(en: "write the date without quotes: {fix}", zh: "日期不加引号：{fix}")
        case .readAsText: Template(en: "`{field}` was read as text: {why}", zh: "`{field}` 被读成了文本：{why}")
        case .either: Template(en: "{first} or {last}", zh: "{first}或{last}")
        case .eitherMore: Template(en: "{first} or {next}", zh: "{first}、{next}")
        case .partAsOf: Template(en: "`as_of`", zh: "`as_of` 的值")
        case .partSegmentCondition: Template(en: "a segment's condition", zh: "分群的条件")
        case .partTierCondition: Template(en: "a tier's condition", zh: "等级的条件")
        case .partAssertion: Template(en: "`assert`", zh: "`assert` 的条件")
        case .partNotOperand: Template(en: "the operand of `not`", zh: "`not` 的操作数")
        case .partIfCondition: Template(en: "the condition of `if`", zh: "`if` 的条件")
        case .partWhereFilter: Template(en: "the `where` filter", zh: "`where` 的筛选条件")
        case .partLeftSide: Template(en: "the left side of `{op}`", zh: "`{op}` 的左边")
        case .partRightSide: Template(en: "the right side of `{op}`", zh: "`{op}` 的右边")
        case .statementSetAsOf: Template(en: "`set as_of`", zh: "`set as_of`")
        case .statementAssert: Template(en: "`assert`", zh: "`assert`")
        case .statementLet: Template(en: "`let`", zh: "`let`")
        case .statementPrint: Template(en: "`print {name}`", zh: "`print {name}`")
        case .statementSummaryColumn: Template(en: "the summary column `{name}`", zh: "汇总列 `{name}`")
        case .useDateSuchAs: Template(en: "use a date such as 2026-06-30", zh: "请用一个日期，例如 2026-06-30")
        case .assertOnAggregate: Template(en: "assert on an aggregate, e.g. `assert count(vip) > 0`", zh: "请对聚合值做断言，例如 `assert count(vip) > 0`")
        case .letPerCustomer:
            Template(en: "use `derive {name} = …` for a per-customer field, or an aggregate such as avg(…)",
                     zh: "每个客户各自的值请用派生字段 `derive {name} = …`，或者用 avg(…) 这样的聚合")
        case .printAggregate: Template(en: "print an aggregate, e.g. `print avg_clv = avg(clv)`", zh: "请输出聚合值，例如 `print avg_clv = avg(clv)`")
        case .summaryColumnAggregate:
            Template(en: "a column is an aggregate over the group, e.g. `avg_clv = avg(clv)`", zh: "汇总列是对每个分组的聚合，例如 `avg_clv = avg(clv)`")
        case .nounField: Template(en: "field", zh: "字段")
        case .nounDerived: Template(en: "derived field", zh: "派生字段")
        case .nounConstant: Template(en: "constant", zh: "命名值")
        case .nounSegment: Template(en: "segment", zh: "分群")
        case .nounTiers: Template(en: "tiers field", zh: "分层字段")
        case .nounSetting: Template(en: "setting", zh: "设置")
        case .nounTable: Template(en: "table", zh: "表")
        case .nounFailed: Template(en: "definition with errors", zh: "有错误的定义")
        case .nounTiersStatement: Template(en: "tiers", zh: "分层")
        case .nounStatement: Template(en: "statement", zh: "语句")
        }
    }
}

extension SymbolKind {
    /// How the kind is named in messages, in the output's language (`noun` is the English).
    public var nounText: Message {
        switch self {
        case .field: CheckText.nounField.message
        case .derived: CheckText.nounDerived.message
        case .constant: CheckText.nounConstant.message
        case .segment: CheckText.nounSegment.message
        case .tiers: CheckText.nounTiers.message
        case .setting: CheckText.nounSetting.message
        case .table: CheckText.nounTable.message
        case .failed: CheckText.nounFailed.message
        }
    }
}
