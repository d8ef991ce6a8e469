/// The catalog's texts for data that cannot be read (`LoadError`): files that cannot be opened, CSV and
/// JSON that break their format, text in another encoding than said, and the advice beside them.
enum LoadText: String, CatalogKey {
    case located
    case cannotRead, noSuchFile, isFolder, permissionDenied, readErrorOccurred
    case unknownFileType
    case adviceUnreadable, adviceMalformed, relativeToRuleFile, relativeToCurrentFolder, relativeToStartFolder
    // CSV
    case quoteNeverClosed, emptyCSV, headerColumnUnnamed, headerNamesTwice, rowFieldCount
    // JSON
    case jsonEndOfLine, emptyJSON, jsonArrayExpected, jsonArrayNotClosed, jsonCommaOrBracket, jsonTextAfterArray
    case jsonObjectExpected, jsonFieldNameExpected, jsonColonExpected, jsonObjectNotClosed, jsonCommaOrBrace
    case jsonValueExpected, jsonNested, jsonObject, jsonArray, jsonNotJSON, jsonWordExpected, jsonStringNotClosed, jsonEscape
    // Encodings
    case notUTF8AsSaid, utf8NotAsSaid, utf8DamagedLine, neitherUTF8NorGB18030, byteOrderMarkContradicts
    case noConverter, notInEncoding, notInEncodingButUTF8, endOfFile, cutShort
    // Why a column is text (`TypeNote`)
    case typeNote, aboveOne, aboveAll, aboveSome, expectedNumber, expectedValidDate, expectedExactNumber

    var template: Template {
        switch self {
        case .located:
            Template(en: "{place}: {message}", zh: "{place}: {message}")
        case .cannotRead:
            Template(en: "cannot read the file: {reason}", zh: "无法读取文件：{reason}")
        case .noSuchFile:
            Template(en: "no such file", zh: "文件不存在")
        case .isFolder:
            Template(en: "it is a folder", zh: "这是一个文件夹")
        case .permissionDenied:
            Template(en: "permission denied or unreadable", zh: "没有权限或无法读取")
        case .readErrorOccurred:
            Template(en: "a read error occurred", zh: "读取时出错")
        case .unknownFileType:
            Template(en: "unknown file type: use a .csv, .tsv, .txt (tab-separated), .json (array of objects) or .jsonl (JSON Lines) file",
                     zh: "未知的文件类型：请使用 .csv、.tsv、.txt（制表符分隔）、.json（对象数组）或 .jsonl（JSON Lines）文件")
        case .adviceUnreadable:
            Template(en: "check the path (relative to {base}) and that the file is a CSV, JSON or JSON Lines export",
                     zh: "检查路径（相对于{base}），并确认文件是 CSV、JSON 或 JSON Lines 导出文件")
        case .adviceMalformed:
            Template(en: "fix the file there, or point the rules at another export with --data NAME=PATH",
                     zh: "修正文件的这一处，或用 --data NAME=PATH 让规则读取另一份导出文件")
        case .relativeToRuleFile:
            Template(en: "the rule file", zh: "规则文件")
        case .relativeToCurrentFolder:
            Template(en: "the current folder", zh: "当前文件夹")
        case .relativeToStartFolder:
            Template(en: "the folder strata was started in", zh: "启动 strata 时所在的文件夹")
        case .quoteNeverClosed:
            Template(en: "a quoted field opened here is never closed", zh: "从这里开始的带引号字段没有闭合")
        case .emptyCSV:
            Template(en: "the file is empty: expected a header row with the column names", zh: "文件是空的：应有一行列名作为表头")
        case .headerColumnUnnamed:
            Template(en: "column {column} of the header has no name", zh: "表头第{column}列没有名称")
        case .headerNamesTwice:
            Template(en: "the header names `{name}` twice (columns {first} and {second})", zh: "表头中 `{name}` 出现了两次（第{first}列和第{second}列）")
        case .rowFieldCount:
            Template(en: "row has {count} field{en_s}, the header has {width}", zh: "这一行有{count}个字段，而表头有{width}个")
        case .jsonEndOfLine:
            Template(en: "expected the end of the line after the object", zh: "对象之后应是行尾")
        case .emptyJSON:
            Template(en: "the file is empty: expected a JSON array of objects", zh: "文件是空的：应为 JSON 对象数组")
        case .jsonArrayExpected:
            Template(en: "expected a JSON array `[` of objects at the top", zh: "最外层应为 JSON 对象数组 `[`")
        case .jsonArrayNotClosed:
            Template(en: "the array is never closed with `]`", zh: "数组没有用 `]` 闭合")
        case .jsonCommaOrBracket:
            Template(en: "expected `,` or `]` after an object", zh: "对象之后应是 `,` 或 `]`")
        case .jsonTextAfterArray:
            Template(en: "unexpected text after the closing `]`", zh: "结尾的 `]` 之后还有多余的文本")
        case .jsonObjectExpected:
            Template(en: "expected an object `{…}`", zh: "应为对象 `{…}`")
        case .jsonFieldNameExpected:
            Template(en: "expected a field name in quotes", zh: "应为带引号的字段名")
        case .jsonColonExpected:
            Template(en: "expected `:` after the field name", zh: "字段名之后应是 `:`")
        case .jsonObjectNotClosed:
            Template(en: "the object is never closed with `}`", zh: "对象没有用 `}` 闭合")
        case .jsonCommaOrBrace:
            Template(en: "expected `,` or `}` after the value of `{field}`", zh: "`{field}` 的值之后应是 `,` 或 `}`")
        case .jsonValueExpected:
            Template(en: "expected a value for `{field}`", zh: "`{field}` 缺少值")
        case .jsonNested:
            Template(en: "field `{field}` holds a nested {what}; only flat values are supported", zh: "字段 `{field}` 含有嵌套的{what}；只支持不嵌套的值")
        case .jsonObject:
            Template(en: "object", zh: "对象")
        case .jsonArray:
            Template(en: "array", zh: "数组")
        case .jsonNotJSON:
            Template(en: "`{field}` has a value that is not JSON", zh: "`{field}` 的值不是合法的 JSON")
        case .jsonWordExpected:
            Template(en: "expected `{word}`", zh: "应为 `{word}`")
        case .jsonStringNotClosed:
            Template(en: "a string is never closed", zh: "字符串没有闭合")
        case .jsonEscape:
            Template(en: "a \\u escape needs four hex digits", zh: "\\u 转义需要四位十六进制数字")
        case .notUTF8AsSaid:
            Template(en: "the file is not UTF-8 as its load says: line {line} has bytes that are not ({byte})",
                     zh: "文件不是 `load` 语句所说的 UTF-8：第{line}行有不属于 UTF-8 的字节（{byte}）")
        case .utf8NotAsSaid:
            Template(en: "the file is UTF-8, not {encoding} as its load says; drop `encoding \"{name}\"` from the load",
                     zh: "文件是 UTF-8，不是 `load` 语句所说的 {encoding}；请从 `load` 中去掉 `encoding \"{name}\"`")
        case .utf8DamagedLine:
            Template(en: "the file is UTF-8 but line {line} has bytes that are not ({byte}); fix or re-save that line",
                     zh: "文件是 UTF-8，但第{line}行有不属于 UTF-8 的字节（{byte}）；请修正或重新保存这一行")
        case .neitherUTF8NorGB18030:
            Template(en: "the file is neither UTF-8 nor GB18030 (line {line} has the byte {byte}); save it as UTF-8 (in Excel: CSV UTF-8)",
                     zh: "文件既不是 UTF-8 也不是 GB18030（第{line}行有字节 {byte}）；请另存为 UTF-8（在 Excel 中选“CSV UTF-8”）")
        case .byteOrderMarkContradicts:
            Template(en: "the file starts with the byte order mark of {bom}, not {encoding}; say encoding \"utf-16\" on the load",
                     zh: "文件开头是 {bom} 的字节顺序标记，不是 {encoding}；请在 `load` 中写 `encoding \"utf-16\"`")
        case .noConverter:
            Template(en: "this system cannot convert {encoding} text (iconv has no converter for it); save the file as UTF-8",
                     zh: "本系统无法转换 {encoding} 文本（iconv 没有它的转换器）；请把文件另存为 UTF-8")
        case .notInEncoding:
            Template(en: "the file is not {encoding}: line {line} has bytes that are not ({byte})",
                     zh: "文件不是 {encoding}：第{line}行有不属于 {encoding} 的字节（{byte}）")
        case .notInEncodingButUTF8:
            Template(en: "the file is not {encoding}: line {line} has bytes that are not ({byte}); the file is valid UTF-8: drop `encoding` from the load",
                     zh: "文件不是 {encoding}：第{line}行有不属于 {encoding} 的字节（{byte}）；文件是有效的 UTF-8：请从 `load` 中去掉 `encoding`")
        case .endOfFile:
            Template(en: "the end", zh: "文件末尾")
        case .cutShort:
            Template(en: "the file ends in the middle of a {encoding} character; it may be cut short",
                     zh: "文件在一个 {encoding} 字符的中间结束；文件可能不完整")
        case .typeNote:
            Template(en: "line {line} has `{cell}`, which is not {expected} ({above})", zh: "第{line}行是 `{cell}`，不是{expected}（{above}）")
        case .aboveOne:
            Template(en: "the {seen} cell above it is", zh: "它上面的{seen}个单元格是")
        case .aboveAll:
            Template(en: "the {seen} cell{en_s} above it {en_are}", zh: "它上面的{seen}个单元格都是")
        case .aboveSome:
            Template(en: "{seen} cell{en_s} above it {en_are}, {missed} {en_are2} not", zh: "它上面有{seen}个单元格是，{missed}个不是")
        case .expectedNumber:
            Template(en: "a number", zh: "数值")
        case .expectedValidDate:
            Template(en: "a valid date", zh: "有效日期")
        case .expectedExactNumber:
            Template(en: "an exact number", zh: "精确的数值")
        }
    }
}
