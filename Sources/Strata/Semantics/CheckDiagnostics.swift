/// The type checker's messages about statements and expressions, one function per message kind. Calls
/// are in `CallDiagnostics.swift`; the data a program declares and loads in `DeclarationDiagnostics.swift`.
extension DiagnosticMessage {
    // MARK: - Statements

    /// `set` of anything but `as_of`; `nearest` is the setting the name resembles.
    static func unknownSetting(_ name: String, nearest: String?) -> Self {
        Self(code: .unknownSetting, text: CheckText.unknownSetting(["name": "\(name)"]), help: Message.didYouMean(nearest) ?? CheckText.onlySettingAsOf.message)
    }

    static func asOfSetTwice(first: (file: String, span: SourceSpan)) -> Self {
        Self(code: .asOfSetTwice, text: CheckText.asOfSetTwice(["place": placeSlot(first)]), help: CheckText.asOfSetTwiceHelp.message)
    }

    static func alwaysNull(_ name: String) -> Self {
        Self(code: .alwaysNull, text: CheckText.alwaysNull(["name": "\(name)"]), help: CheckText.alwaysNullHelp.message)
    }

    static func derivedType(_ type: ValueType) -> Self {
        Self(code: .derivedType, text: CheckText.derivedType(["type": type.slot]), help: CheckText.derivedTypeHelp.message)
    }

    static var orderByDuration: Self {
        Self(code: .orderByDuration, text: CheckText.orderByDuration.message, help: CheckText.orderByDurationHelp.message)
    }

    static var durationColumn: Self {
        Self(code: .durationColumn, text: CheckText.durationColumn.message, help: CheckText.durationColumnHelp.message)
    }

    static var exportFileType: Self {
        Self(code: .exportFileType, text: CheckText.exportFileType.message, help: CheckText.exportFileTypeHelp.message)
    }

    /// A second definition of a user name; `first` is where the name was defined, when known.
    static func alreadyDefined(_ name: String, first: (file: String, span: SourceSpan)?) -> Self {
        let text = first.map { CheckText.alreadyDefinedAt(["name": "\(name)", "place": placeSlot($0)]) } ?? CheckText.alreadyDefined(["name": "\(name)"])
        return Self(code: .alreadyDefined, text: text, help: anotherName(name))
    }

    /// A definition named like a field, the table or a setting; `noun` says which.
    static func nameInUse(_ name: String, by noun: Message, at first: (file: String, span: SourceSpan)?) -> Self {
        let slots: [String: Slot] = ["name": "\(name)", "noun": .message(noun)]
        let text = first.map { CheckText.nameInUseAt(slots.merging(["place": placeSlot($0)]) { a, _ in a }) } ?? CheckText.nameInUse(slots)
        return Self(code: .nameInUse, text: text, help: anotherName(name))
    }

    /// `file:line:col` of a span, as messages cite a place.
    private static func placeSlot(_ p: (file: String, span: SourceSpan)) -> Slot {
        "\(p.file):\(p.span.start.line):\(p.span.start.column)"
    }

    private static func anotherName(_ name: String) -> Message { CheckText.anotherName(["name": "\(name)"]) }

    /// `part` must be of type `expected` but `written` is of type `found`.
    static func typeMismatch(_ part: Part, expected: ValueType, found: ValueType, written: String) -> Self {
        let hint = expected == .bool && found == .number ? CheckText.compareIt(["written": "\(written)"]) : CheckText.writeTypeExpression(["type": expected.slot])
        return Self(code: .typeMismatch, text: CheckText.typeMismatch(["part": .message(part.text), "expected": expected.slot, "found": found.slot, "written": "\(written)"]),
                    help: hint)
    }

    /// A statement that needs one value was given `written`, which is per customer.
    static func perCustomerValue(_ statement: SingleValueStatement, written: String) -> Self {
        Self(code: .perCustomerValue, text: CheckText.perCustomerValue(["statement": .message(statement.text), "written": "\(written)"]),
             help: statement.suggestion)
    }

    static func limitNotWholeNumber(_ written: String) -> Self {
        Self(code: .limitNotWholeNumber, text: CheckText.limitNotWholeNumber(["written": "\(written)"]), help: CheckText.limitExample.message)
    }

    /// `show`/`export` of something that is no set of customers; `isTiers` when it names a `tiers` field.
    static func expectedCondition(found: ValueType, written: String, isTiers: Bool) -> Self {
        let hint = isTiers ? CheckText.pickOneTier(["written": "\(written)"]) : CheckText.useSegmentOrCondition.message
        return Self(code: .expectedCondition, text: CheckText.expectedCondition(["type": found.slot, "written": "\(written)"]), help: hint)
    }

    /// `overlap` with `found` conditions; `listed`: they were written out (else: the segments defined so far).
    static func overlapNeedsTwo(found: Int, listed: Bool) -> Self {
        Self(code: .overlapNeedsTwo,
             text: listed ? CheckText.overlapNeedsTwoListed(["count": "\(found)"])
                 : CheckText.overlapNeedsTwoDefined(["count": "\(found)", "en_are": found == 1 ? "is" : "are"]),
             help: listed ? CheckText.overlapListAnother.message : CheckText.overlapDefineTwo.message)
    }

    static func invalidCountTarget(found: ValueType, label: String) -> Self {
        Self(code: .invalidCountTarget, text: CheckText.invalidCountTarget(["type": found.slot, "label": "\(label)"]),
             help: CheckText.invalidCountTargetHelp.message)
    }

    static func duplicateTier(_ label: String, in tiers: String) -> Self {
        Self(code: .duplicateTier, text: CheckText.duplicateTier(["label": "\(label)", "tiers": "\(tiers)"]), help: CheckText.duplicateTierHelp.message)
    }

    // MARK: - Names

    /// A name not in scope: `nearest` is a name it resembles; else up to ten `fields` are listed.
    /// Names are offered as they must be written, so following the help parses: a column headed `Order`
    /// (a keyword in any case) or `last visit` in backticks.
    static func unknownName(_ name: String, nearest: String?, fields: [String]) -> Self {
        let known = fields.isEmpty ? CheckText.defineFirst.message
            : CheckText.knownFields(["fields": .list(fields.prefix(10).map(asWritten) + (fields.count > 10 ? ["…"] : []))])
        let near = nearest.map { Lexer.isBareName($0) ? CommonText.didYouMean(["name": "\($0)"]) : CheckText.didYouMeanQuoted(["name": "\($0)"]) }
        return Self(code: .unknownName, text: CheckText.unknownName(["name": "\(name)"]), help: near ?? known)
    }

    /// A name as a rule must write it: bare, or in backticks when it is not a plain name.
    static func asWritten(_ name: String) -> String { Lexer.isBareName(name) ? name : "`\(name)`" }

    static func functionWithoutCall(_ name: String) -> Self {
        Self(code: .functionWithoutCall, text: CheckText.functionWithoutCall(["name": "\(name)"]), help: CheckText.functionWithoutCallHelp(["name": "\(name)"]))
    }

    /// A field of the data the `schema` leaves out; `declare` is the help `declareField` made for it.
    static func undeclaredField(_ name: String, declare: Message) -> Self {
        Self(code: .undeclaredField, text: CheckText.undeclaredField(["name": "\(name)"]), help: declare)
    }

    /// The help for an undeclared field: the line to add, after the schema's last field at `file:line`.
    static func declareField(_ line: String, after place: (file: String, line: Int)) -> Message {
        CheckText.declareField(["place": "\(place.file):\(place.line)", "line": "\(line)"])
    }

    /// A definition whose rule reads the name it defines (`segment vip where vip and …`).
    static func definitionUsesItself(_ name: String) -> Self {
        Self(code: .definitionUsesItself, text: CheckText.definitionUsesItself(["name": "\(name)"]),
             help: CheckText.definitionUsesItselfHelp(["name": "\(name)"]))
    }

    /// `name`, read in `file`, is defined below at `definition` (in that file or another).
    static func usedBeforeDefinition(_ name: String, definedAt definition: (file: String, span: SourceSpan), inFile file: String) -> Self {
        let line = definition.span.start.line
        let text = definition.file == file ? CheckText.usedBeforeDefinitionLine(["name": "\(name)", "line": "\(line)"])
            : CheckText.usedBeforeDefinitionFile(["name": "\(name)", "place": "\(definition.file):\(line)"])
        let help = name == "as_of" ? CheckText.moveSetAsOfAbove.message : CheckText.moveDefinitionAbove(["name": "\(name)"])
        return Self(code: .usedBeforeDefinition, text: text, help: help)
    }

    // MARK: - Operators

    static func durationTooLong(_ written: String) -> Self {
        Self(code: .durationTooLong, text: CheckText.durationTooLong(["written": "\(written)"]), help: CheckText.durationTooLongHelp.message)
    }

    /// Unary minus on a non-number; there is no better help than the message itself.
    static func negationType(found: ValueType, written: String) -> Self {
        Self(code: .negationType, text: CheckText.negationType(["type": found.slot, "written": "\(written)"]))
    }

    static func nullInList(subject: String) -> Self {
        Self(code: .nullInList, text: CheckText.nullInList.message, help: CheckText.nullInListHelp(["subject": "\(subject)"]))
    }

    /// `x == null` or `x != null` (`negated`), where `other` is the other side as written.
    static func compareWithNull(other: String, negated: Bool) -> Self {
        Self(code: .compareWithNull, text: CheckText.compareWithNull.message,
             help: CheckText.compareWithNullHelp(["other": "\(other)", "op": negated ? "is not" : "is"]))
    }

    static func orderedBool(_ op: BinaryOp) -> Self {
        Self(code: .orderedBool, text: CheckText.orderedBool(["op": "\(op.rawValue)"]), help: CheckText.orderedBoolHelp.message)
    }

    static func dateDurationOperator(_ op: BinaryOp, date: String) -> Self {
        Self(code: .dateDurationOperator, text: CheckText.dateDurationOperator(["op": "\(op.rawValue)"]),
             help: CheckText.dateDurationOperatorHelp(["date": "\(date)"]))
    }

    /// `later - earlier` with two dates.
    static func dateSubtraction(later: String, earlier: String) -> Self {
        Self(code: .dateSubtraction, text: CheckText.dateSubtraction.message,
             help: CheckText.dateSubtractionHelp(["earlier": "\(earlier)", "later": "\(later)"]))
    }

    static func dateNumberArithmetic(_ op: BinaryOp, date: String) -> Self {
        Self(code: .dateNumberArithmetic, text: CheckText.dateNumberArithmetic(["en_verb": op == .sub ? "subtract" : "combine", "op": "\(op.rawValue)"]),
             help: CheckText.dateNumberArithmeticHelp(["date": "\(date)", "op": "\(op.rawValue)"]))
    }

    static func arithmeticType(_ op: BinaryOp, found: ValueType, written: String, conversion: TextConversion?) -> Self {
        Self(code: .arithmeticType, text: CheckText.arithmeticType(["op": "\(op.rawValue)", "type": found.slot, "written": "\(written)"]),
             help: conversion?.text ?? (found == .string ? CheckText.stringsNoArithmetic.message : CheckText.useNumbers.message))
    }

    /// Text used where a number or date is needed: how to read it as one. Never "quote the value":
    /// `age > "30"` would compare text, so "100" < "30". A field read as text because of a cell says
    /// which cell, and that a schema type reads it as numbers (the cells that are not become null).
    struct TextConversion {
        /// The text expression as written.
        var written: String
        /// The field it is, if it is one, and why that field is text when its cells looked like numbers or dates.
        var field: String?
        var why: Message?
        /// What it should have been: number or date.
        var wanted: ValueType
        /// The customer table's name, for the schema example.
        var table: String?

        var text: Message {
            let convert = wanted == .date ? "date(\(written))" : "number(\(written))"
            // Text that never looked like numbers (a city): converting is the one way; a field that is text
            // because of some cells can also be declared, which reads the rest and makes those null.
            guard let f = field, let why else { return CheckText.convertText(["written": "\(written)", "convert": "\(convert)", "type": wanted.slot]) }
            let schema = "`schema \(table ?? "customers") { \(Lexer.isBareName(f) ? f : "`\(f)`"): \(wanted.name) }`"
            return CheckText.readAsTextOrConvert(["field": "\(f)", "why": .message(why), "type": wanted.slot, "schema": "\(schema)", "convert": "\(convert)"])
        }
    }

    static var durationComparison: Self {
        Self(code: .durationComparison, text: CheckText.durationComparison.message, help: CheckText.durationComparisonHelp.message)
    }

    static func comparisonTypeMismatch(_ op: String, left: (type: ValueType, written: String), right: (type: ValueType, written: String),
                                       hint: ComparisonHint) -> Self {
        Self(code: .comparisonTypeMismatch,
             text: CheckText.comparisonTypeMismatch(["left_type": left.type.slot, "left": "\(left.written)", "right_type": right.type.slot,
                                                     "right": "\(right.written)", "op": "\(op)"]),
             help: hint.text)
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
        case readAsText(field: String, why: Message)

        var text: Message {
            switch self {
            case .sameType(let w, let t): return CheckText.compareSameType(["written": "\(w)", "type": t.slot])
            case .removeQuotes(let s): return CheckText.removeQuotes(["fix": "\(s)"])
            case .dateWithoutQuotes(let s): return CheckText.dateWithoutQuotes(["fix": "\(s)"])
            case .convertText(let c): return c.text
            case .readAsText(let f, let why): return CheckText.readAsText(["field": "\(f)", "why": .message(why)])
            }
        }
    }

    /// One of several types, as a message names it: "string or number or date" ("文本、数值或日期").
    static func oneOf(_ types: [ValueType]) -> Slot {
        guard let last = types.last else { return "" }
        guard types.count > 1 else { return last.slot }
        let leading = types.dropLast().dropFirst().reduce(types[0].slot) { .message(CheckText.eitherMore(["first": $0, "next": $1.slot])) }
        return .message(CheckText.either(["first": leading, "last": last.slot]))
    }

    /// The part of a statement or expression a type rule is about, as messages name it.
    enum Part {
        case asOf, segmentCondition, tierCondition, assertion, notOperand, ifCondition, whereFilter
        case leftSide(of: BinaryOp), rightSide(of: BinaryOp)

        var text: Message {
            switch self {
            case .asOf: return CheckText.partAsOf.message
            case .segmentCondition: return CheckText.partSegmentCondition.message
            case .tierCondition: return CheckText.partTierCondition.message
            case .assertion: return CheckText.partAssertion.message
            case .notOperand: return CheckText.partNotOperand.message
            case .ifCondition: return CheckText.partIfCondition.message
            case .whereFilter: return CheckText.partWhereFilter.message
            case .leftSide(let op): return CheckText.partLeftSide(["op": "\(op.rawValue)"])
            case .rightSide(let op): return CheckText.partRightSide(["op": "\(op.rawValue)"])
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

        var text: Message {
            switch self {
            case .setAsOf: return CheckText.statementSetAsOf.message
            case .assertion: return CheckText.statementAssert.message
            case .let: return CheckText.statementLet.message
            case .print(let name): return CheckText.statementPrint(["name": "\(name)"])
            case .summaryColumn(let name): return CheckText.statementSummaryColumn(["name": "\(name)"])
            }
        }

        var suggestion: Message {
            switch self {
            case .setAsOf: return CheckText.useDateSuchAs.message
            case .assertion: return CheckText.assertOnAggregate.message
            case .let(let name): return CheckText.letPerCustomer(["name": "\(name)"])
            case .print: return CheckText.printAggregate.message
            case .summaryColumn: return CheckText.summaryColumnAggregate.message
            }
        }
    }
}
