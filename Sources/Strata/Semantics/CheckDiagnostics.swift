/// The type checker's messages about statements and expressions, one function per message kind. Calls
/// are in `CallDiagnostics.swift`; the data a program declares and loads in `DeclarationDiagnostics.swift`.
extension DiagnosticMessage {
    // MARK: - Statements

    /// `set` of anything but `as_of`; `nearest` is the setting the name resembles.
    static func unknownSetting(_ name: String, nearest: String?) -> Self {
        Self(code: .unknownSetting, text: "unknown setting `\(name)`", suggestion: didYouMean(nearest) ?? "the only setting is `as_of`")
    }

    static func asOfSetTwice(first: (file: String, span: SourceSpan)) -> Self {
        Self(code: .asOfSetTwice, text: "`as_of` is already set at \(first.file):\(first.span.start.line):\(first.span.start.column)",
             suggestion: "keep one `set as_of`; a second one would silently override the first")
    }

    static func alwaysNull(_ name: String) -> Self {
        Self(code: .alwaysNull, text: "`\(name)` would always be null", suggestion: "give it a value of a definite type")
    }

    static func derivedType(_ type: ValueType) -> Self {
        Self(code: .derivedType, text: "a derived field cannot be of type \(type.name)", suggestion: "derive a number, string, bool or date")
    }

    static var orderByDuration: Self {
        Self(code: .orderByDuration, text: "cannot order by a duration", suggestion: "order by a field")
    }

    static var durationColumn: Self {
        Self(code: .durationColumn, text: "cannot show a duration as a column", suggestion: "show a field or a date")
    }

    static var exportFileType: Self {
        Self(code: .exportFileType, text: "export writes .csv or .json files", suggestion: "end the file name with .csv or .json")
    }

    /// A second definition of a user name; `first` is where the name was defined, when known.
    static func alreadyDefined(_ name: String, first: (file: String, span: SourceSpan)?) -> Self {
        Self(code: .alreadyDefined, text: "`\(name)` is already defined\(place(first))", suggestion: anotherName(name))
    }

    /// A definition named like a field, the table or a setting; `noun` says which.
    static func nameInUse(_ name: String, by noun: String, at first: (file: String, span: SourceSpan)?) -> Self {
        Self(code: .nameInUse, text: "`\(name)` is already a \(noun)\(place(first))", suggestion: anotherName(name))
    }

    private static func place(_ p: (file: String, span: SourceSpan)?) -> String {
        p.map { " at \($0.file):\($0.span.start.line):\($0.span.start.column)" } ?? ""
    }

    private static func anotherName(_ name: String) -> String { "choose another name, e.g. `\(name)_2`" }

    /// `part` must be of type `expected` but `written` is of type `found`.
    static func typeMismatch(_ part: Part, expected: ValueType, found: ValueType, written: String) -> Self {
        let hint = expected == .bool && found == .number ? "compare it, e.g. `\(written) > 0`" : "write a \(expected.name) expression"
        return Self(code: .typeMismatch, text: "\(part.text) must be a \(expected.name), found \(found.name) `\(written)`", suggestion: hint)
    }

    /// A statement that needs one value was given `written`, which is per customer.
    static func perCustomerValue(_ statement: SingleValueStatement, written: String) -> Self {
        Self(code: .perCustomerValue, text: "\(statement.text) needs a single value, but `\(written)` differs per customer",
             suggestion: statement.suggestion)
    }

    static func limitNotWholeNumber(_ written: String) -> Self {
        Self(code: .limitNotWholeNumber, text: "`limit` needs a whole number written out, found `\(written)`", suggestion: "e.g. `limit 20`")
    }

    /// `show`/`export` of something that is no set of customers; `isTiers` when it names a `tiers` field.
    static func expectedCondition(found: ValueType, written: String, isTiers: Bool) -> Self {
        let hint = isTiers ? "to pick one tier write `\(written) == \"…\"`; `count \(written)` gives every tier's size"
            : "use a segment or a condition such as `clv > 1e6`"
        return Self(code: .expectedCondition, text: "expected a segment or condition, found \(found.name) `\(written)`", suggestion: hint)
    }

    /// `overlap` with `found` conditions; `listed`: they were written out (else: the segments defined so far).
    static func overlapNeedsTwo(found: Int, listed: Bool) -> Self {
        Self(code: .overlapNeedsTwo,
             text: listed ? "`overlap` compares two or more segments or conditions, found \(found)"
                 : "`overlap` without names compares every segment defined before it, and there \(found == 1 ? "is 1" : "are \(found)")",
             suggestion: listed ? "list another, e.g. `overlap vip, active`; `count` gives one segment's size"
                 : "define at least two segments above it, or list conditions: `overlap clv > 1e6, active`")
    }

    static func invalidCountTarget(found: ValueType, label: String) -> Self {
        Self(code: .invalidCountTarget, text: "`count` needs a segment, a condition or a text field, found \(found.name) `\(label)`",
             suggestion: "e.g. `count vip`, `count clv > 1e6` or `count city`")
    }

    static func duplicateTier(_ label: String, in tiers: String) -> Self {
        Self(code: .duplicateTier, text: "tier `\(label)` appears twice in `\(tiers)`", suggestion: "give each tier its own label")
    }

    // MARK: - Names

    /// A name not in scope: `nearest` is a name it resembles; else up to ten `fields` are listed.
    /// Names are offered as they must be written, so following the help parses: a column headed `Order`
    /// (a keyword in any case) or `last visit` in backticks.
    static func unknownName(_ name: String, nearest: String?, fields: [String]) -> Self {
        let known = fields.isEmpty ? "define it first with `let`, `derive` or `segment`"
            : "known fields: " + fields.prefix(10).map(asWritten).joined(separator: ", ") + (fields.count > 10 ? ", …" : "")
        let near = nearest.map { Lexer.isBareName($0) ? "did you mean `\($0)`?" : "did you mean `` `\($0)` ``?" }
        return Self(code: .unknownName, text: "unknown name `\(name)`", suggestion: near ?? known)
    }

    /// A name as a rule must write it: bare, or in backticks when it is not a plain name.
    static func asWritten(_ name: String) -> String { Lexer.isBareName(name) ? name : "`\(name)`" }

    static func functionWithoutCall(_ name: String) -> Self {
        Self(code: .functionWithoutCall, text: "`\(name)` is a function", suggestion: "call it: `\(name)(…)`")
    }

    /// A field of the data the `schema` leaves out; `declare` is the help `declareField` made for it.
    static func undeclaredField(_ name: String, declare: String) -> Self {
        Self(code: .undeclaredField, text: "field `\(name)` is in the data but not in the schema", suggestion: declare)
    }

    /// The help for an undeclared field: the line to add, after the schema's last field at `file:line`.
    static func declareField(_ line: String, after place: (file: String, line: Int)) -> String {
        "declare it in the schema (\(place.file):\(place.line)): \(line)"
    }

    /// `name`, read in `file`, is defined below at `definition` (in that file or another).
    /// A definition whose rule reads the name it defines (`segment vip where vip and …`).
    static func definitionUsesItself(_ name: String) -> Self {
        Self(code: .definitionUsesItself, text: "`\(name)` cannot use itself: it is being defined here",
             suggestion: "give the narrower rule its own name (e.g. `\(name)_2`), or write the condition out in full")
    }

    static func usedBeforeDefinition(_ name: String, definedAt definition: (file: String, span: SourceSpan), inFile file: String) -> Self {
        let line = definition.span.start.line
        let place = definition.file == file ? "line \(line)" : "\(definition.file):\(line)"
        let what = name == "as_of" ? "`set as_of`" : "the definition of `\(name)`"
        return Self(code: .usedBeforeDefinition, text: "`\(name)` is used before its definition at \(place)", suggestion: "move \(what) above this line")
    }

    // MARK: - Operators

    static func durationTooLong(_ written: String) -> Self {
        Self(code: .durationTooLong, text: "the duration `\(written)` is too long", suggestion: "durations up to 4000000 days are supported")
    }

    /// Unary minus on a non-number; there is no better help than the message itself.
    static func negationType(found: ValueType, written: String) -> Self {
        Self(code: .negationType, text: "`-` needs a number, found \(found.name) `\(written)`")
    }

    static func nullInList(subject: String) -> Self {
        Self(code: .nullInList, text: "`null` in an `in` list never matches", suggestion: "test `\(subject) is null` separately")
    }

    /// `x == null` or `x != null` (`negated`), where `other` is the other side as written.
    static func compareWithNull(other: String, negated: Bool) -> Self {
        Self(code: .compareWithNull, text: "comparing with `null` is never true: null means unknown",
             suggestion: "write `\(other) is\(negated ? " not" : "") null`")
    }

    static func orderedBool(_ op: BinaryOp) -> Self {
        Self(code: .orderedBool, text: "`\(op.rawValue)` does not order true and false", suggestion: "use `==` or `!=`")
    }

    static func dateDurationOperator(_ op: BinaryOp, date: String) -> Self {
        Self(code: .dateDurationOperator, text: "`\(op.rawValue)` does not apply to a date and a duration",
             suggestion: "add or subtract a duration: `\(date) - 90 days`")
    }

    /// `later - earlier` with two dates.
    static func dateSubtraction(later: String, earlier: String) -> Self {
        Self(code: .dateSubtraction, text: "dates cannot be subtracted",
             suggestion: "use `days_between(\(earlier), \(later))` for the number of days from one to the other")
    }

    static func dateNumberArithmetic(_ op: BinaryOp, date: String) -> Self {
        Self(code: .dateNumberArithmetic, text: "cannot \(op == .sub ? "subtract" : "combine") a number and a date with `\(op.rawValue)`",
             suggestion: "write a duration: `\(date) \(op.rawValue) 30 days`")
    }

    static func arithmeticType(_ op: BinaryOp, found: ValueType, written: String, conversion: TextConversion?) -> Self {
        Self(code: .arithmeticType, text: "`\(op.rawValue)` needs numbers, found \(found.name) `\(written)`",
             suggestion: conversion?.text ?? (found == .string ? "strings cannot be used in arithmetic" : "use number fields or literals"))
    }

    /// Text used where a number or date is needed: how to read it as one. Never "quote the value":
    /// `age > "30"` would compare text, so "100" < "30". A field read as text because of a cell says
    /// which cell, and that a schema type reads it as numbers (the cells that are not become null).
    struct TextConversion {
        /// The text expression as written.
        var written: String
        /// The field it is, if it is one, and why that field is text when its cells looked like numbers or dates.
        var field: String?
        var why: String?
        /// What it should have been: number or date.
        var wanted: ValueType
        /// The customer table's name, for the schema example.
        var table: String?

        var text: String {
            let convert = wanted == .date ? "date(\(written))" : "number(\(written))"
            let nulls = wanted == .date ? "null where it is no date" : "null where it is no number"
            // Text that never looked like numbers (a city): converting is the one way; a field that is text
            // because of some cells can also be declared, which reads the rest and makes those null.
            guard let f = field, let why else { return "`\(written)` is text; convert it: `\(convert)` (\(nulls))" }
            let schema = "`schema \(table ?? "customers") { \(Lexer.isBareName(f) ? f : "`\(f)`"): \(wanted.name) }`"
            return "`\(f)` was read as text: \(why); read it as \(wanted == .date ? "dates" : "numbers") with \(schema) (cells that are not become null), or convert it: `\(convert)`"
        }
    }

    static var durationComparison: Self {
        Self(code: .durationComparison, text: "durations cannot be compared", suggestion: "compare dates instead: `last_visit < as_of - 90 days`")
    }

    static func comparisonTypeMismatch(_ op: String, left: (type: ValueType, written: String), right: (type: ValueType, written: String),
                                       hint: ComparisonHint) -> Self {
        Self(code: .comparisonTypeMismatch,
             text: "cannot compare \(left.type.name) `\(left.written)` with \(right.type.name) `\(right.written)` using `\(op)`",
             suggestion: hint.text)
    }

    /// What most likely went wrong in a comparison of two types.
    enum ComparisonHint {
        /// No better guess: compare `written` with a value of its own type.
        case sameType(written: String, type: ValueType)
        /// A quoted number or bool, compared with a number or bool field.
        case removeQuotes(String)
        case dateWithoutQuotes(String)
        /// Text compared with a number or date: read it as one.
        case convertText(TextConversion)
        /// A field that is text because of a cell that was not a number or date; `why` says which.
        case readAsText(field: String, why: String)

        var text: String {
            switch self {
            case .sameType(let w, let t): return "`\(w)` is a \(t.name); compare it with a \(t.name)"
            case .removeQuotes(let s): return "remove the quotes: \(s)"
            case .dateWithoutQuotes(let s): return "write the date without quotes: \(s)"
            case .convertText(let c): return c.text
            case .readAsText(let f, let why): return "`\(f)` was read as text: \(why)"
            }
        }
    }

    /// The part of a statement or expression a type rule is about, as messages name it.
    enum Part {
        case asOf, segmentCondition, tierCondition, assertion, notOperand, ifCondition, whereFilter
        case leftSide(of: BinaryOp), rightSide(of: BinaryOp)

        var text: String {
            switch self {
            case .asOf: return "`as_of`"
            case .segmentCondition: return "a segment's condition"
            case .tierCondition: return "a tier's condition"
            case .assertion: return "`assert`"
            case .notOperand: return "the operand of `not`"
            case .ifCondition: return "the condition of `if`"
            case .whereFilter: return "the `where` filter"
            case .leftSide(let op): return "the left side of `\(op.rawValue)`"
            case .rightSide(let op): return "the right side of `\(op.rawValue)`"
            }
        }
    }

    /// A statement whose value must be one value for everyone.
    enum SingleValueStatement {
        case setAsOf, assertion
        /// `let name = …`.
        case `let`(String)
        /// `print name = …`.
        case print(String)
        /// `summarize … columns name = …`.
        case summaryColumn(String)

        var text: String {
            switch self {
            case .setAsOf: return "`set as_of`"
            case .assertion: return "`assert`"
            case .let: return "`let`"
            case .print(let name): return "`print \(name)`"
            case .summaryColumn(let name): return "the summary column `\(name)`"
            }
        }

        var suggestion: String {
            switch self {
            case .setAsOf: return "use a date such as 2026-06-30"
            case .assertion: return "assert on an aggregate, e.g. `assert count(vip) > 0`"
            case .let(let name): return "use `derive \(name) = …` for a per-customer field, or an aggregate such as avg(…)"
            case .print: return "print an aggregate, e.g. `print avg_clv = avg(clv)`"
            case .summaryColumn: return "a column is an aggregate over the group, e.g. `avg_clv = avg(clv)`"
            }
        }
    }
}
