/// The kind of a diagnostic: one case per kind of message, named in kebab-case English. The raw values
/// are what `strata check --format json` prints and what tools and translated message catalogs key on,
/// so they never change once released (a kind that goes away keeps its code retired, not reused). Each
/// kind's wording is built in one place: its phase's diagnostics file. docs/diagnostic-codes.md lists them.
public enum DiagnosticCode: String, Sendable, Hashable, CaseIterable {
    // MARK: - Lexer

    /// Full-width punctuation from an IME (`，`, `：`, `“`) where ASCII is expected.
    case fullWidthPunctuation = "full-width-punctuation"
    /// A character no token starts with (`@`, `$`, a control character).
    case unexpectedCharacter = "unexpected-character"
    /// A number literal beyond the range of a double.
    case numberTooLarge = "number-too-large"
    /// A date literal that is not in the calendar (`2026-02-30`).
    case invalidDate = "invalid-date"
    /// A string literal not closed on its line.
    case unterminatedString = "unterminated-string"
    /// A `\u{…}` escape without 1 to 8 hex digits naming a character.
    case invalidUnicodeEscape = "invalid-unicode-escape"
    /// A backslash escape the language does not have (`\q`).
    case unknownEscape = "unknown-escape"
    /// Two backticks with nothing between them.
    case emptyBacktickName = "empty-backtick-name"
    /// A backticked name not closed on its line.
    case unterminatedBacktickName = "unterminated-backtick-name"
    /// An operator from another language: `<>`, `!`, `&&`, `||`, `&`, `|`.
    case notAnOperator = "not-an-operator"

    // MARK: - Several tables

    /// `visits.x` where `visits` has no field `x`.
    case unknownTableField = "unknown-table-field"
    /// An event table's field outside an aggregate over that table: it has many values per customer.
    case eventFieldOutsideAggregate = "event-field-outside-aggregate"
    /// A field of one event table inside an aggregate over another.
    case eventFieldOfOtherTable = "event-field-of-other-table"
    /// `x.y` where `x` is no table.
    case unknownTable = "unknown-table"
    /// An unqualified name inside an event aggregate that is the event table's field and hides a customer's (a warning).
    case eventFieldHidesCustomerField = "event-field-hides-customer-field"
    /// `first`/`last` over something that is not an event table's field.
    case eventOnlyFunction = "event-only-function"
    /// `distinct` or `by` in an aggregate over customers.
    case eventModifierWithoutTable = "event-modifier-without-table"
    /// One aggregate reading fields of two event tables.
    case aggregateOverTwoTables = "aggregate-over-two-tables"
    /// `distinct` or `by` with the wrong function, or `first`/`last` without `by`.
    case eventAggregateMisuse = "event-aggregate-misuse"
    /// An event aggregate evaluated without its table (a bug in Strata, never the rules).
    case eventTableNotLoaded = "event-table-not-loaded"

    // MARK: - Parser

    /// A bracket still open where the input ends or the next statement begins.
    case unclosedBracket = "unclosed-bracket"
    /// Something else where a statement must start.
    case expectedStatement = "expected-statement"
    /// A word at the start of a statement that is no statement keyword, or close to one (`segmnet`).
    case unknownStatement = "unknown-statement"
    /// Something else where a name is required: a table, definition, field or tier label.
    case expectedName = "expected-name"
    /// Something else where a string is required: a file path, an `assert` message.
    case expectedString = "expected-string"
    /// Something else where a `schema` field's type is required.
    case expectedType = "expected-type"
    /// Something else where a keyword is required (`from`, `where`, `to`, `by`, `null`, `and`, `otherwise`).
    case expectedKeyword = "expected-keyword"
    /// Something else where punctuation is required (`=`, `{`, `[`, `,`, `)`, `]`).
    case expectedSymbol = "expected-symbol"
    /// More after a complete statement on the same line.
    case expectedStatementEnd = "expected-statement-end"
    /// Something else where an expression is required.
    case expectedExpression = "expected-expression"
    /// `encoding "…"` on a `load` naming an encoding Strata does not read.
    case unknownEncoding = "unknown-encoding"
    /// A keyword written where a name is expected; it is read as the name.
    case keywordAsName = "keyword-as-name"
    /// A `tiers` block with no tiers.
    case emptyTiers = "empty-tiers"
    /// An `otherwise` tier before the last tier.
    case otherwiseNotLast = "otherwise-not-last"
    /// A `show` clause (`limit`, `order by`, `columns`) written twice.
    case repeatedClause = "repeated-clause"
    /// Brackets, `not` or `-` nested deeper than the parser allows.
    case nestedTooDeeply = "nested-too-deeply"
    /// An expression with more binary operators than the parser allows.
    case expressionTooLong = "expression-too-long"
    /// Comparisons chained as in mathematics (`1 < x < 5`).
    case chainedComparison = "chained-comparison"
    /// A single `=` inside an expression, where `==` compares.
    case assignmentInComparison = "assignment-in-comparison"
    /// A duration with a fractional amount (`1.5 months`).
    case fractionalDuration = "fractional-duration"

    // MARK: - Rule files and includes

    /// The rule file named on the command line does not exist or cannot be read.
    case rulesFileUnreadable = "rules-file-unreadable"
    /// A file named by `include` does not exist or cannot be read.
    case includedFileUnreadable = "included-file-unreadable"
    /// The rule file is not UTF-8.
    case rulesFileNotUTF8 = "rules-file-not-utf8"
    /// A file named by `include` is not UTF-8.
    case includedFileNotUTF8 = "included-file-not-utf8"
    /// An `include` of a file that is already being included.
    case includeCycle = "include-cycle"
    /// A note with an `include-cycle`: the include the cycle starts with.
    case includeCycleStart = "include-cycle-start"

    // MARK: - Schema and load plan

    /// A `schema` named for another table than the one `load` reads.
    case schemaLoadMismatch = "schema-load-mismatch"
    /// A `schema` field type other than number, string, bool or date.
    case unknownType = "unknown-type"
    /// A `schema` flag (`key`, `pii`, `public`) given twice for one field.
    case repeatedFlag = "repeated-flag"
    /// A `schema` flag other than `key`, `pii` and `public`.
    case unknownFlag = "unknown-flag"
    /// A `schema` field marked both `pii` and `public`.
    case conflictingFlags = "conflicting-flags"
    /// A `schema` field declared twice.
    case duplicateField = "duplicate-field"
    /// A second `schema` field marked `key`.
    case secondKey = "second-key"
    /// More than one `load` statement.
    /// Two `load` statements with the same table name.
    case tableLoadedTwice = "table-loaded-twice"
    /// A second `load` without `linked by`/`matched by`: there is one customer table.
    case secondCustomerTable = "second-customer-table"
    /// `key` on a linked or matched table.
    case keyOnLinkedTable = "key-on-linked-table"
    /// The customer table has no field of the key's name (`id` unless `key FIELD`).
    case customerKeyMissing = "customer-key-missing"
    /// A customer row whose key is empty.
    case customerKeyEmpty = "customer-key-empty"
    /// Two customer rows with the same key.
    case customerKeyDuplicate = "customer-key-duplicate"
    /// Two rows of a `matched by` table for one customer.
    case matchedRowDuplicate = "matched-row-duplicate"
    /// A linked or matched table without the field it is linked by.
    case linkFieldMissing = "link-field-missing"
    /// Rows of a linked or matched table whose key names no customer (a warning).
    case rowsNameNoCustomer = "rows-name-no-customer"
    /// Cells of a number, date or bool column that are not of its type, read as null (a warning).
    case cellsReadAsNull = "cells-read-as-null"
    /// A `--data NAME=PATH` for a table the rules do not load.
    case dataNamesNoTable = "data-names-no-table"
    /// A `load` when the embedding program supplies the table itself.
    case dataAlreadyLoaded = "data-already-loaded"
    /// Rules that need data, with no `load` and no `--data`.
    case noDataLoaded = "no-data-loaded"

    // MARK: - Statements

    /// `set` of a setting other than `as_of`.
    case unknownSetting = "unknown-setting"
    /// A second `set as_of`.
    case asOfSetTwice = "as-of-set-twice"
    /// A `let` whose value is always null.
    case alwaysNull = "always-null"
    /// A `derive` of a null or a duration.
    case derivedType = "derived-type"
    /// `order by` a duration.
    case orderByDuration = "order-by-duration"
    /// A duration among the `columns` of `show` or `export`.
    case durationColumn = "duration-column"
    /// An `export` to a file that is not .csv or .json.
    case exportFileType = "export-file-type"
    /// A second definition of a name (outside the REPL, where redefining is allowed).
    case alreadyDefined = "already-defined"
    /// A definition named like a field, the table or a setting.
    case nameInUse = "name-in-use"
    /// A condition, filter, `as_of` or `assert` of the wrong type (a number where a bool is needed).
    case typeMismatch = "type-mismatch"
    /// `let`, `set as_of` or `assert` given a value that differs per customer.
    case perCustomerValue = "per-customer-value"
    /// A `limit` that is not a whole number written out.
    case limitNotWholeNumber = "limit-not-whole-number"
    /// `show` or `export` of something that is no segment or condition.
    case expectedCondition = "expected-condition"
    /// `count` of something that is no segment, condition or text field.
    case invalidCountTarget = "invalid-count-target"
    /// A tier label used twice in one `tiers` block.
    case duplicateTier = "duplicate-tier"
    /// `overlap` with fewer than two segments or conditions (listed, or defined when none is listed).
    case overlapNeedsTwo = "overlap-needs-two"

    // MARK: - Names and operators

    /// A name that is neither a field nor defined anywhere in the program.
    case unknownName = "unknown-name"
    /// A function's name used without a call.
    case functionWithoutCall = "function-without-call"
    /// A field the data has but the rule file's `schema` leaves out.
    case undeclaredField = "undeclared-field"
    /// A name (or `as_of`) read above the statement that defines it.
    case usedBeforeDefinition = "used-before-definition"
    /// A definition whose rule reads the very name it defines.
    case definitionUsesItself = "definition-uses-itself"
    /// A duration literal longer than 4,000,000 days.
    case durationTooLong = "duration-too-long"
    /// Unary `-` of something that is not a number.
    case negationType = "negation-type"
    /// `null` among the values of an `in` list.
    case nullInList = "null-in-list"
    /// `== null` or `!= null`, where `is null` is meant.
    case compareWithNull = "compare-with-null"
    /// `<`, `<=`, `>` or `>=` between bools.
    case orderedBool = "ordered-bool"
    /// `*`, `/` or `%` between a date and a duration.
    case dateDurationOperator = "date-duration-operator"
    /// One date minus another.
    case dateSubtraction = "date-subtraction"
    /// Arithmetic between a date and a number.
    case dateNumberArithmetic = "date-number-arithmetic"
    /// Arithmetic on something that is not a number.
    case arithmeticType = "arithmetic-type"
    /// A comparison of durations.
    case durationComparison = "duration-comparison"
    /// A comparison (also `in`, `between`) of values of two types.
    case comparisonTypeMismatch = "comparison-type-mismatch"

    // MARK: - Calls

    /// A `where` filter on a function that is no aggregate.
    case filterOnScalarFunction = "filter-on-scalar-function"
    /// A call of a function that does not exist.
    case unknownFunction = "unknown-function"
    /// A call with too few or too many arguments.
    case argumentCount = "argument-count"
    /// A call with an argument of the wrong type.
    case argumentType = "argument-type"
    /// `min`, `max` or `coalesce` of arguments of different types.
    case mixedArgumentTypes = "mixed-argument-types"
    /// `min` or `max` of bools or durations.
    case unorderedArguments = "unordered-arguments"
    /// An `if` whose two branches have different types.
    case ifBranchTypes = "if-branch-types"
    /// `date("…")` of a text that is no date.
    case invalidDateText = "invalid-date-text"
    /// An aggregate inside another aggregate's argument or filter.
    case nestedAggregate = "nested-aggregate"
    /// A `percentile` fraction that differs per customer.
    case percentilePerCustomer = "percentile-per-customer"
    /// A `percentile` fraction outside 0…1, written (found by `check`) or computed (found by `run`).
    case percentileOutOfRange = "percentile-out-of-range"
    /// An `ntile` bucket count that is not a whole number from 1 to 1,000,000 written out.
    case ntileBuckets = "ntile-buckets"
    /// `abc` cut-offs that are not numbers written out.
    case abcCutoffsNotConstant = "abc-cutoffs-not-constant"
    /// `abc` cut-offs not in the order 0 < a < b <= 1.
    case abcCutoffsOrder = "abc-cutoffs-order"

    // MARK: - Warnings (`strata check`)

    /// A segment that nothing counts, shows, exports, asserts on or uses.
    case unusedSegment = "unused-segment"
    /// Tests of one field, joined by `and`, that no value can pass.
    case impossibleCondition = "impossible-condition"
    /// `as_of` read without `set as_of`: results depend on the day the rules run.
    case asOfNotSet = "as-of-not-set"
    /// A definition with the name of a function.
    case functionName = "function-name"
    /// A definition named like a field but for letter case.
    case caseConfusable = "case-confusable"

    /// A tier arm that never matches: an earlier arm's condition holds whenever its own does.
    case tierUnreachable = "tier-unreachable"
    /// A `tiers` without `otherwise` whose arms leave a range of one field's values without a tier.
    case tierGap = "tier-gap"
    /// `check --data`: a tier arm no customer gets, though its condition takes some (an earlier arm takes them).
    case tierShadowedOnData = "tier-shadowed-on-data"
    /// `check --data`: customers no arm of a `tiers` without `otherwise` takes.
    case customersWithoutTier = "customers-without-tier"

    // MARK: - Running

    /// An `assert` whose condition is false or null.
    case assertionFailed = "assertion-failed"
    /// An `export` to the data file being read.
    case exportOverwritesData = "export-overwrites-data"
    /// An `export` whose file cannot be written.
    case exportWriteFailed = "export-write-failed"
    /// A statement or export stopped by Ctrl-C in the REPL (or by its caller's cancellation token).
    case cancelled = "cancelled"
    /// Internal: a checked field missing from the data while evaluating.
    case columnNotFound = "column-not-found"
    /// Internal: a segment read before it was computed.
    case segmentNotComputed = "segment-not-computed"
    /// The data file does not exist or cannot be opened or read.
    case dataUnreadable = "data-unreadable"
    /// The data file was read but is no table: an unknown file type, an encoding, or CSV/JSON it cannot parse.
    case dataMalformed = "data-malformed"
    /// A note: the data was read in an encoding other than UTF-8 that its `load` did not name.
    case dataEncodingDetected = "data-encoding-detected"
    /// A field the `schema` declares that the data does not have.
    case dataMissingField = "data-missing-field"
    /// A field whose data is of another type than the `schema` declares.
    case dataTypeMismatch = "data-type-mismatch"

    // MARK: - SQL (`strata sql`)

    /// A construct `strata sql` does not translate (yet, or for the chosen dialect).
    case sqlNotTranslated = "sql-not-translated"
    /// Two names that differ only in letter case, for an engine that ignores case in names.
    case sqlNameCollision = "sql-name-collision"

    // MARK: - REPL

    /// A redefinition in the REPL that reads the name it redefines.
    case redefinitionUsesItself = "redefinition-uses-itself"
    /// A redefinition in the REPL that reads a definition depending on it.
    case redefinitionCycle = "redefinition-cycle"
    /// A redefinition in the REPL that a definition depending on it would not survive.
    case redefinitionBreaksDependent = "redefinition-breaks-dependent"

    // MARK: - Formatter

    /// Internal: `strata fmt` made a layout that would change the program; the file is left as it was.
    case formatterChangedMeaning = "formatter-changed-meaning"

    // MARK: - Summaries and figures

    /// A `summarize`/`count … by` field that is no per-customer text, number, date or true/false value.
    case invalidGroupField = "invalid-group-field"
    /// More than two fields after `by`.
    case tooManyGroupFields = "too-many-group-fields"
    /// Two columns of a `summarize`, or two values of a `print`, with the same name.
    case duplicateColumnName = "duplicate-column-name"
    /// `order by` in a `summarize` naming no column of the summary.
    case unknownSummaryColumn = "unknown-summary-column"

    // MARK: - why

    /// `strata why RULES KEY`: no customer has the key.
    case whyUnknownCustomer = "why-unknown-customer"
    /// `strata why RULES KEY NAME`: NAME is no segment or tiers field.
    case whyNotAClassification = "why-not-a-classification"

    // MARK: - Ranking within groups and functions (issue 13)

    /// `by` in a call of a function that takes none.
    case byNotAccepted = "by-not-accepted"
    /// `ntile(x by city, 5)`: the groups of a ranking must follow its last argument.
    case rankingByPosition = "ranking-by-position"
    /// `round(x, 2.5)`: written digits that are not a whole number.
    case roundDigits = "round-digits"
    /// `days(n)`/`months(n)` of a field used other than to shift a date.
    case durationPerCustomer = "duration-per-customer"
}
