/// Turns source text into tokens, comments and lexical diagnostics; never fails, never traps.
public struct Lexer {
    public let source: SourceFile

    /// Creates a lexer over one source text.
    public init(source: SourceFile) {
        self.source = source
    }

    /// All tokens (ending with exactly one `.eof`), the comments, and any lexical diagnostics.
    public func tokenize() -> (tokens: [Token], comments: [Comment], diagnostics: [Diagnostic]) {
        var scanner = Scanner(source: source)
        scanner.run()
        return (scanner.tokens, scanner.comments, scanner.diagnostics)
    }

    /// Whether a name can be written as it is; otherwise it needs backticks (`` `last visit` ``).
    public static func isBareName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, Scanner.isIdentStart(first) else { return false }
        return name.unicodeScalars.dropFirst().allSatisfy(Scanner.isIdentContinue) && Keyword(word: name) == nil
    }
}

/// The mutable state of one tokenize run, kept out of the public value type.
private struct Scanner {
    let file: String
    let scalars: [Unicode.Scalar]
    var i = 0
    var loc = SourceLocation(line: 1, column: 1, offset: 0)
    var tokens: [Token] = []
    var comments: [Comment] = []
    var diagnostics: [Diagnostic] = []
    var text = ""

    init(source: SourceFile) {
        file = source.name
        scalars = Array(source.text.unicodeScalars)
    }

    // MARK: - Cursor

    func peek(_ k: Int = 0) -> Unicode.Scalar? {
        let j = i + k
        return j >= 0 && j < scalars.count ? scalars[j] : nil
    }

    mutating func advance() {
        guard let c = peek() else { return }
        i += 1
        loc.offset += UTF8.width(c)
        if c == "\n" {
            loc.line += 1
            loc.column = 1
        } else {
            loc.column += 1
        }
    }

    func slice(from start: Int) -> String {
        let lo = max(0, min(start, scalars.count))
        let hi = max(lo, min(i, scalars.count))
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[lo..<hi])
        return String(s)
    }

    mutating func emit(_ kind: TokenKind, from start: SourceLocation, index: Int) {
        tokens.append(Token(kind, SourceSpan(start: start, end: loc), slice(from: index)))
    }

    mutating func report(_ message: DiagnosticMessage, at span: SourceSpan) {
        diagnostics.append(Diagnostic(message, file: file, span: span))
    }

    /// Span of the single scalar at the cursor (zero-width at the end of input).
    func spanOfCurrent() -> SourceSpan {
        var end = loc
        if let c = peek() {
            end.offset += UTF8.width(c)
            end.column += 1
        }
        return SourceSpan(start: loc, end: end)
    }

    // MARK: - Classification

    static func isIdentStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic
    }

    static func isIdentContinue(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic || c.properties.numericType != nil
    }

    /// A scalar as shown in a message: itself if visible, else its code point.
    static func describe(_ c: Unicode.Scalar) -> String {
        let visible = c.value > 0x20 && !(0x7F..<0xA0).contains(c.value) && c.properties.generalCategory != .format
            && c.properties.generalCategory != .control && c.properties.generalCategory != .surrogate
            && c.properties.generalCategory != .unassigned && c.properties.generalCategory != .privateUse
            && c.properties.generalCategory != .lineSeparator && c.properties.generalCategory != .paragraphSeparator
            && c.properties.generalCategory != .spaceSeparator
        if visible { return String(c) }
        let hex = String(c.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    static func isDigit(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return c >= "0" && c <= "9"
    }

    /// Full-width punctuation an IME produces, mapped to the ASCII the language expects.
    static func asciiForFullWidth(_ c: Unicode.Scalar) -> Unicode.Scalar? {
        switch c.value {
        case 0x201C, 0x201D: return "\""
        case 0x2018, 0x2019: return "'"
        case 0x3001: return ","
        case 0xFF01...0xFF5E:
            // The Halfwidth and Fullwidth Forms block mirrors ASCII at a fixed distance; letters and
            // digits there are left to the identifier rules, only punctuation is translated.
            guard let a = Unicode.Scalar(c.value - 0xFEE0) else { return nil }
            let isAlnum = (a >= "0" && a <= "9") || (a >= "a" && a <= "z") || (a >= "A" && a <= "Z")
            return isAlnum ? nil : a
        default: return nil
        }
    }

    /// The scalar at offset `k` as the lexer should treat it: full-width punctuation reads as ASCII.
    func logical(_ k: Int = 0) -> Unicode.Scalar? {
        guard let c = peek(k) else { return nil }
        return Self.asciiForFullWidth(c) ?? c
    }

    /// Consumes one scalar, complaining once if it was full-width punctuation standing in for ASCII.
    mutating func consumeLogical() {
        if let c = peek(), let a = Self.asciiForFullWidth(c) {
            report(.fullWidthPunctuation(c, ascii: a), at: spanOfCurrent())
        }
        advance()
    }

    // MARK: - Main loop

    mutating func run() {
        while let c = peek() {
            if c == " " || c == "\t" || c == "\r" || c == "\n" || c == "\u{FEFF}" || c == "\u{3000}" {
                advance()
                continue
            }
            if Self.isDigit(c) {
                lexNumberOrDate()
                continue
            }
            if Self.isIdentStart(c) {
                let start = loc
                let index = i
                while let n = peek(), Self.isIdentContinue(n) { advance() }
                let word = slice(from: index)
                if let kw = Keyword(word: word) {
                    emit(.keyword(kw), from: start, index: index)
                } else {
                    emit(.identifier(word), from: start, index: index)
                }
                continue
            }
            let fullWidth = Self.asciiForFullWidth(c) != nil
            let a = logical() ?? c
            switch a {
            case "#":
                lexComment()
            case "\"", "'":
                lexString()
            case "`":
                lexBacktick()
            default:
                if !lexSymbol(a) {
                    if fullWidth {
                        // Full-width punctuation with no ASCII meaning here (like `：`): one message is enough.
                        consumeLogical()
                    } else {
                        report(.unexpectedCharacter(Self.describe(c), isDot: c == "."), at: spanOfCurrent())
                        advance()
                    }
                }
            }
        }
        tokens.append(Token(.eof, SourceSpan(start: loc, end: loc), ""))
    }

    // MARK: - Comments

    mutating func lexComment() {
        let start = loc
        let index = i
        consumeLogical()
        while let c = peek(), c != "\n" {
            if c == "\r", peek(1) == "\n" { break }
            advance()
        }
        let trailing = tokens.last.map { $0.span.end.line == start.line } ?? false
        comments.append(Comment(text: slice(from: index), span: SourceSpan(start: start, end: loc), trailing: trailing))
    }

    // MARK: - Numbers and dates

    mutating func lexNumberOrDate() {
        if lexDateIfPresent() { return }
        let start = loc
        let index = i
        var digits = ""
        func takeDigits(_ s: inout Scanner, _ out: inout String) {
            while let c = s.peek() {
                if Scanner.isDigit(c) {
                    out.unicodeScalars.append(c)
                    s.advance()
                } else if c == "_", Scanner.isDigit(s.peek(1)), Scanner.isDigit(s.peek(-1)) {
                    s.advance()
                } else {
                    break
                }
            }
        }
        takeDigits(&self, &digits)
        if peek() == ".", Self.isDigit(peek(1)) {
            digits.append(".")
            advance()
            takeDigits(&self, &digits)
        }
        if let e = peek(), e == "e" || e == "E" {
            var k = 1
            if let s = peek(1), s == "+" || s == "-" { k = 2 }
            if Self.isDigit(peek(k)) {
                digits.append("e")
                if k == 2, let s = peek(1) { digits.unicodeScalars.append(s) }
                for _ in 0..<k { advance() }
                takeDigits(&self, &digits)
            }
        }
        var value = Double(digits) ?? 0
        if let s = peek(), s == "万" || s == "亿" {
            value *= s == "万" ? 1e4 : 1e8
            advance()
        }
        emit(.number(value), from: start, index: index)
        if !value.isFinite {
            report(.numberTooLarge(slice(from: index)), at: SourceSpan(start: start, end: loc))
        }
    }

    /// Lexes `YYYY-M-D` as one date token if the text at the cursor has that exact shape.
    mutating func lexDateIfPresent() -> Bool {
        var k = 0
        func run(_ s: Scanner, _ k: inout Int, max: Int) -> Int? {
            var n = 0
            while n < max, Scanner.isDigit(s.peek(k)) { k += 1; n += 1 }
            return n == 0 ? nil : n
        }
        guard run(self, &k, max: 4) == 4, peek(k) == "-" else { return false }
        k += 1
        let monthStart = k
        guard let mLen = run(self, &k, max: 2), peek(k) == "-" else { return false }
        k += 1
        let dayStart = k
        guard let dLen = run(self, &k, max: 2) else { return false }
        if let next = peek(k), Self.isIdentContinue(next) { return false }
        func number(_ from: Int, _ len: Int) -> Int {
            var v = 0
            for j in from..<(from + len) { v = v * 10 + Int((peek(j)?.value ?? 48) - 48) }
            return v
        }
        let year = number(0, 4), month = number(monthStart, mLen), day = number(dayStart, dLen)
        let start = loc
        let index = i
        for _ in 0..<k { advance() }
        let span = SourceSpan(start: start, end: loc)
        if let days = CivilDate.days(year: year, month: month, day: day) {
            emit(.date(days), from: start, index: index)
        } else {
            emit(.date(0), from: start, index: index)
            report(.invalidDate(slice(from: index)), at: span)
        }
        return true
    }

    // MARK: - Strings and backticks

    mutating func lexString() {
        let start = loc
        let index = i
        let openSpan = spanOfCurrent()
        guard let open = peek() else { return }
        let quote = Self.asciiForFullWidth(open) ?? open
        let fancy = open != quote
        consumeLogical()
        var value = ""
        while true {
            guard let c = peek(), c != "\n", !(c == "\r" && peek(1) == "\n") else {
                report(.unterminatedString(quote: quote), at: openSpan)
                emit(.string(value), from: start, index: index)
                return
            }
            // A string opened with an IME quote may close with either form; ASCII strings keep
            // full-width quotes as ordinary text.
            if c == quote || (fancy && Self.asciiForFullWidth(c) == quote) {
                advance()
                emit(.string(value), from: start, index: index)
                return
            }
            if c == "\\" {
                lexEscape(into: &value)
                continue
            }
            value.unicodeScalars.append(c)
            advance()
        }
    }

    mutating func lexEscape(into value: inout String) {
        let escStart = loc
        advance()
        guard let e = peek(), e != "\n", e != "\r" else { return }
        advance()
        switch e {
        case "\\": value.append("\\")
        case "\"": value.append("\"")
        case "'": value.append("'")
        case "n": value.append("\n")
        case "t": value.append("\t")
        case "r": value.append("\r")
        case "u":
            var hex = ""
            var ok = false
            if peek() == "{" {
                advance()
                while let h = peek(), h.properties.isASCIIHexDigit, hex.unicodeScalars.count < 8 {
                    hex.unicodeScalars.append(h)
                    advance()
                }
                if peek() == "}" {
                    advance()
                    ok = true
                }
            }
            if ok, let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) {
                value.unicodeScalars.append(s)
            } else {
                report(.invalidUnicodeEscape, at: SourceSpan(start: escStart, end: loc))
            }
        default:
            value.unicodeScalars.append(e)
            report(.unknownEscape(e), at: SourceSpan(start: escStart, end: loc))
        }
    }

    mutating func lexBacktick() {
        let start = loc
        let index = i
        let openSpan = spanOfCurrent()
        consumeLogical()
        var name = ""
        while let c = peek(), c != "\n", c != "\r" {
            if c == "`" || c == "｀" {
                advance()
                if name.isEmpty {
                    report(.emptyBacktickName, at: SourceSpan(start: start, end: loc))
                }
                emit(.identifier(name), from: start, index: index)
                return
            }
            name.unicodeScalars.append(c)
            advance()
        }
        report(.unterminatedBacktickName, at: openSpan)
        emit(.identifier(name), from: start, index: index)
    }

    // MARK: - Symbols

    /// Lexes an operator or punctuation whose first (logical) scalar is `a`; false if `a` starts none.
    mutating func lexSymbol(_ a: Unicode.Scalar) -> Bool {
        let start = loc
        let index = i
        let next = logical(1)
        func take(_ n: Int, _ s: inout Scanner) { for _ in 0..<n { s.consumeLogical() } }
        var kind: TokenKind
        switch a {
        case "(": kind = .symbol(.lparen)
        case ")": kind = .symbol(.rparen)
        case "[": kind = .symbol(.lbracket)
        case "]": kind = .symbol(.rbracket)
        case "{": kind = .symbol(.lbrace)
        case "}": kind = .symbol(.rbrace)
        case ",": kind = .symbol(.comma)
        case ";": kind = .symbol(.semicolon)
        case ":": kind = .symbol(.colon)
        case ".": kind = .symbol(.dot)
        case "+": kind = .symbol(.plus)
        case "-": kind = .symbol(.minus)
        case "*": kind = .symbol(.star)
        case "/": kind = .symbol(.slash)
        case "%": kind = .symbol(.percent)
        case "=":
            if next == "=" {
                take(2, &self)
                emit(.symbol(.eq), from: start, index: index)
                return true
            }
            kind = .symbol(.assign)
        case "<":
            if next == "=" || next == ">" {
                take(2, &self)
                emit(.symbol(next == "=" ? .le : .ne), from: start, index: index)
                if next == ">" {
                    report(.notAnOperator("<>", use: "!="), at: SourceSpan(start: start, end: loc))
                }
                return true
            }
            kind = .symbol(.lt)
        case ">":
            if next == "=" {
                take(2, &self)
                emit(.symbol(.ge), from: start, index: index)
                return true
            }
            kind = .symbol(.gt)
        case "!":
            if next == "=" {
                take(2, &self)
                emit(.symbol(.ne), from: start, index: index)
                return true
            }
            take(1, &self)
            emit(.keyword(.not), from: start, index: index)
            report(.bangIsNotAnOperator, at: SourceSpan(start: start, end: loc))
            return true
        case "&", "|":
            let double = next == a
            take(double ? 2 : 1, &self)
            let word = a == "&" ? "and" : "or"
            emit(.keyword(a == "&" ? .and : .or), from: start, index: index)
            report(.notAnOperator(slice(from: index), use: word), at: SourceSpan(start: start, end: loc))
            return true
        default:
            return false
        }
        take(1, &self)
        emit(kind, from: start, index: index)
        return true
    }
}
