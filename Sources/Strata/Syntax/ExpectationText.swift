/// The catalog's texts for `Expectation`: what the parser looked for (the phrase after "expected") and the
/// help it gives instead of "write … here". A Chinese phrase that starts with `code` starts with a space:
/// it always follows a Chinese word ("这里应有 `load` 后面的表名").
enum ExpectationText: String, CatalogKey {
    case tableName, definedName, segmentName, fieldName, tierLabel, tierLabelOrEnd, filePath, assertMessage, fieldType
    case fromAfterTable, whereAfterSegment, toAfterExportTarget, byAfterOrder, null, inOrBetweenAfterNot, andBetweenBounds
    case whereOrOtherwise, assign, openBrace, list, listContinuation, closingParenthesis, commaOrParenthesis, callContinuation
    case statement, statementEnd, expressionEnd, expression, memberField, byAfterLink, linkField, keyField, loadEnd
    case encodingName, byAfterSummaryTarget
    // Help
    case singleEqualsHelp, argumentAfterFilterHelp, expressionNotListHelp, memberFieldHelp, loadClauseOnceHelp
    case encodingNameHelp, byAfterSummaryTargetHelp

    var template: Template {
        switch self {
        case .tableName: Template(en: "a table name after `{keyword}`", zh: " `{keyword}` 后面的表名")
        case .definedName: Template(en: "a name after `{keyword}`", zh: " `{keyword}` 后面的名称")
        case .segmentName: Template(en: "a segment name after `segment`", zh: " `segment` 后面的分群名")
        case .fieldName: Template(en: "a field name", zh: "字段名")
        case .tierLabel: Template(en: "a tier label", zh: "等级名")
        case .tierLabelOrEnd: Template(en: "a tier label (a name or a string) or `}`", zh: "等级名（名称或文本）或 `}`")
        case .filePath: Template(en: "the file path as a string after `{keyword}`", zh: " `{keyword}` 后面用文本写的文件路径")
        case .assertMessage: Template(en: "a message string after `,`", zh: " `,` 后面的说明文本")
        case .fieldType:
            Template(en: "a type (number, string, bool or date) after `{field}`", zh: " `{field}` 后面的类型（number、string、bool 或 date）")
        case .fromAfterTable: Template(en: "`from` after the table name", zh: "表名后面的 `from`")
        case .whereAfterSegment: Template(en: "`where` after the segment name", zh: "分群名后面的 `where`")
        case .toAfterExportTarget: Template(en: "`to` and a file path after the export target", zh: "导出对象后面的 `to` 和文件路径")
        case .byAfterOrder: Template(en: "`by` after `order`", zh: " `order` 后面的 `by`")
        case .null: Template(en: "`null` after `{is}`", zh: " `{is}` 后面的 `null`")
        case .inOrBetweenAfterNot: Template(en: "`in` or `between` after `not`", zh: " `not` 后面的 `in` 或 `between`")
        case .andBetweenBounds: Template(en: "`and` between the bounds of `between`", zh: " `between` 上下界之间的 `and`")
        case .whereOrOtherwise:
            Template(en: "`where` or `otherwise` after the tier label `{label}`", zh: "等级名 `{label}` 后面的 `where` 或 `otherwise`")
        case .assign: Template(en: "`=` after `{keyword} {name}`", zh: " `{keyword} {name}` 后面的 `=`")
        case .openBrace: Template(en: "`{` after `{keyword} {name}`", zh: " `{keyword} {name}` 后面的 `{`")
        case .list: Template(en: "`[` and a list after `{op}`", zh: " `{op}` 后面的 `[` 和列表")
        case .listContinuation: Template(en: "`,` or `{close}` in the list", zh: "列表中的 `,` 或 `{close}`")
        case .closingParenthesis: Template(en: "`)` after the expression", zh: "表达式后面的 `)`")
        case .commaOrParenthesis: Template(en: "`,` or `)`", zh: " `,` 或 `)`")
        case .callContinuation: Template(en: "`,` or `)` in the call to `{function}`", zh: "调用 `{function}` 时的 `,` 或 `)`")
        case .statement: Template(en: "a statement", zh: "语句")
        case .statementEnd: Template(en: "the end of the `{keyword}` statement", zh: " `{keyword}` 语句的结尾")
        case .expressionEnd: Template(en: "the end of the expression", zh: "表达式的结尾")
        case .expression: Template(en: "an expression", zh: "表达式")
        case .memberField: Template(en: "a field name after `{table}.`", zh: " `{table}.` 后面的字段名")
        case .byAfterLink: Template(en: "`by` after `{word}`", zh: " `{word}` 后面的 `by`")
        case .linkField: Template(en: "the field that names the customer after `{word} by`", zh: " `{word} by` 后面指明客户的字段")
        case .keyField: Template(en: "the key field after `key`", zh: " `key` 后面的主键字段")
        case .loadEnd: Template(en: "the end of the `load` statement", zh: " `load` 语句的结尾")
        case .encodingName: Template(en: "the encoding's name as a string after `encoding`", zh: " `encoding` 后面用文本写的编码名")
        case .byAfterSummaryTarget:
            Template(en: "`by` and the fields to group by after the `{form}` target", zh: " `{form}` 的对象后面的 `by` 和分组字段")

        case .singleEqualsHelp: Template(en: "use a single `=` to define a name", zh: "定义名称用一个 `=`")
        case .argumentAfterFilterHelp:
            Template(en: "a `where` filter must follow the first argument, e.g. `percentile(clv where vip, 0.9)`",
                     zh: "`where` 筛选必须紧跟第一个参数，例如 `percentile(clv where vip, 0.9)`")
        case .expressionNotListHelp: Template(en: "a `[...]` list may only follow `in`", zh: "`[...]` 列表只能写在 `in` 后面")
        case .memberFieldHelp: Template(en: "write `table.field`, e.g. `visits.date`", zh: "写成 `table.field`，例如 `visits.date`")
        case .loadClauseOnceHelp: Template(en: "give `{clause}` once", zh: "`{clause}` 只能写一次")
        case .encodingNameHelp:
            Template(en: "write it as a string, e.g. `encoding \"gb18030\"`", zh: "用文本写出，例如 `encoding \"gb18030\"`")
        case .byAfterSummaryTargetHelp: Template(en: "e.g. `summarize vip by city`", zh: "例如 `summarize vip by city`")
        }
    }
}
