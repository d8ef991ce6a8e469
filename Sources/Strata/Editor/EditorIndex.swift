import Foundation

/// What a name in a rule file stands for, as the editor features resolve it.
enum EditorTarget: Sendable, Hashable {
    /// A segment, tiers field, `let` or derived field the rules define.
    case definition(String)
    /// A field of a table (the customer table's for a bare name).
    case field(table: String, name: String)
    /// A loaded table (`load visits …`, `visits.date`, `show customers`).
    case table(String)
    /// A built-in function in call position.
    case function(String)
    /// A label of a tiers block: the arm's name, or a text compared with the tiers field.
    case tierLabel(tier: String, label: String)
    /// A `set` setting such as `as_of`.
    case setting(String)
}

/// One place a target is written.
struct EditorOccurrence: Sendable {
    var target: EditorTarget
    var path: String
    var span: SourceSpan
    /// True where the name is defined (the name of a `segment`, a tier arm's label, a `load`'s table).
    var isDeclaration: Bool
}

/// One file of a program as the editor reads it: what parsed of it, even half-typed.
struct EditorFile: Sendable {
    var path: String
    var source: SourceFile
    var statements: [Stmt]
    var hasSyntaxErrors: Bool
}

/// A user definition: the statement and where its name is.
struct EditorDefinition: Sendable {
    var name: String
    var stmt: Stmt
    var file: EditorFile
    var nameSpan: SourceSpan
}

extension EditorDefinition {
    /// What the definition is, as hover and completion name it.
    var noun: String {
        switch stmt.kind {
        case .segment: return "segment"
        case .tiers: return "tiers"
        case .let: return "let"
        case .derive: return "derived field"
        case .load, .set, .show, .count, .export, .assert, .include, .schema, .expression, .summarize, .print, .overlap: return "definition"
        }
    }

    /// The completion kind of the name.
    var completionKind: EditorCompletionKind {
        switch stmt.kind {
        case .segment: return .segment
        case .tiers: return .tier
        case .let: return .letName
        case .derive, .load, .set, .show, .count, .export, .assert, .include, .schema, .expression, .summarize, .print, .overlap: return .derived
        }
    }

    /// `noun: type` when the checked program knows the type (a tiers field is text).
    func described(in program: Program?) -> String {
        switch program?.scope.lookup(name)?.kind {
        case .derived(let t)?, .constant(let t)?: return noun + ": " + t.name
        case .tiers?: return noun + ": string"
        case .field?, .segment?, .setting?, .table?, .failed?, nil: return noun
        }
    }
}

/// The names of a program (a rule file and the files it includes, followed through the editor's
/// overlays) and every place each is written. Built from the parse alone, so it exists for files
/// that do not check and for files with syntax errors (what parsed of them).
struct EditorIndex: Sendable {
    var files: [EditorFile] = []
    var definitions: [String: EditorDefinition] = [:]
    var occurrences: [EditorOccurrence] = []

    /// Reads `root` and its includes (each file once) with `read`, and resolves every name written;
    /// `customerTable` and `fields` say which bare names are fields of the data.
    init(root: String, read: (String) -> String?, customerTable: String = "customers", fields: Set<String> = []) {
        var seen: Set<String> = []
        var work = [root]
        while let path = work.first {
            work.removeFirst()
            guard seen.insert(path).inserted, let text = read(path) else { continue }
            let source = SourceFile(name: path, text: text)
            let (parsed, diagnostics) = Parser.parse(source)
            let file = EditorFile(path: path, source: source, statements: parsed.statements,
                                  hasSyntaxErrors: diagnostics.contains { $0.severity == .error })
            files.append(file)
            for s in parsed.statements {
                if case .include(let p) = s.kind { work.append(EditorPaths.absolute(p.text, from: path)) }
            }
        }
        for f in files {
            for s in f.statements {
                if let n = s.kind.definedName, definitions[n.text] == nil {
                    definitions[n.text] = EditorDefinition(name: n.text, stmt: s, file: f, nameSpan: n.span)
                }
            }
        }
        var tables: Set<String> = []
        for f in files {
            for s in f.statements {
                if case .load(let t, _, _, _, _) = s.kind { tables.insert(t.text) }
            }
        }
        for f in files {
            for s in f.statements { occurrences += resolve(s, in: f.path, customerTable: customerTable, fields: fields, tables: tables) }
        }
    }

    /// The tiers a name defines, with its arms' labels.
    func tierLabels(_ tier: String) -> [Name] {
        guard let d = definitions[tier], case .tiers(_, let arms) = d.stmt.kind else { return [] }
        return arms.map(\.label)
    }

    /// The occurrences one statement writes.
    private func resolve(_ s: Stmt, in path: String, customerTable: String, fields: Set<String>, tables: Set<String>) -> [EditorOccurrence] {
        var out: [EditorOccurrence] = []
        func add(_ t: EditorTarget, _ span: SourceSpan, declaration: Bool = false) {
            out.append(EditorOccurrence(target: t, path: path, span: span, isDeclaration: declaration))
        }
        switch s.kind {
        case .let(let n, _), .derive(let n, _), .segment(let n, _): add(.definition(n.text), n.span, declaration: true)
        case .tiers(let n, let arms):
            add(.definition(n.text), n.span, declaration: true)
            for a in arms { add(.tierLabel(tier: n.text, label: a.label.text), a.label.span, declaration: true) }
        case .load(let t, _, let link, let key, _):
            add(.table(t.text), t.span, declaration: true)
            switch link {
            case .linked(let by)?, .matched(let by)?: add(.field(table: t.text, name: by.text), by.span)
            case nil: break
            }
            if let k = key { add(.field(table: t.text, name: k.text), k.span) }
        case .schema(let t, let fs):
            add(.table(t.text), t.span)
            for f in fs { add(.field(table: t.text, name: f.name.text), f.name.span) }
        case .set(let n, _): add(.setting(n.text), n.span, declaration: true)
        case .show, .count, .export, .assert, .include, .expression, .summarize, .print, .overlap: break
        }
        for root in s.rootExpressions {
            for e in root.descendants {
                switch e.kind {
                case .name(let n):
                    if definitions[n] != nil {
                        add(.definition(n), e.span)
                    } else if fields.contains(n) {
                        add(.field(table: customerTable, name: n), e.span)
                    } else if tables.contains(n) {
                        add(.table(n), e.span)
                    } else if n == "as_of" {
                        add(.setting(n), e.span)
                    } else {
                        // Not defined in these files: a definition of a file including this one, or a typo.
                        add(.definition(n), e.span)
                    }
                case .member(let t, let f):
                    add(.table(t.text), t.span)
                    add(.field(table: t.text, name: f.text), f.span)
                case .call(let fn, _, _, _):
                    add(.function(fn.text), fn.span)
                case .binary(let op, let a, let b) where op == .eq || op == .ne:
                    if let (tier, label) = labelComparison(a, [b]) ?? labelComparison(b, [a]) {
                        for l in label { add(.tierLabel(tier: tier, label: l.text), l.span) }
                    }
                case .inList(let x, let items, _):
                    if let (tier, label) = labelComparison(x, items) {
                        for l in label { add(.tierLabel(tier: tier, label: l.text), l.span) }
                    }
                case .number, .string, .bool, .null, .date, .duration, .unary, .binary, .between, .isNull, .paren: break
                }
            }
        }
        return out
    }

    /// `grade == "A"`, `grade in ["A", "B"]`: the tiers field and the labels written as texts.
    private func labelComparison(_ x: Expr, _ others: [Expr]) -> (String, [Name])? {
        guard case .name(let tier) = x.kind, let d = definitions[tier], case .tiers = d.stmt.kind else { return nil }
        let labels = others.compactMap { e -> Name? in
            if case .string(let s) = e.kind { return Name(s, e.span) } else { return nil }
        }
        return labels.isEmpty ? nil : (tier, labels)
    }

    /// The occurrence at a position of a file: the narrowest one whose span holds it (a cursor just
    /// after a name is on it).
    func occurrence(in path: String, at offset: Int) -> EditorOccurrence? {
        occurrences.filter { $0.path == path && $0.span.start.offset <= offset && offset <= $0.span.end.offset }
            .min { ($0.span.end.offset - $0.span.start.offset) < ($1.span.end.offset - $1.span.start.offset) }
    }

    /// The file of that path, if the program reads it.
    func file(_ path: String) -> EditorFile? { files.first { $0.path == path } }
}

/// Paths as the editor features name files: absolute and without `.` or `..`.
enum EditorPaths {
    /// A path written in a rule file (`include "shared/x.strata"`), absolute, relative to the file's folder.
    static func absolute(_ written: String, from file: String) -> String {
        let folder = (file as NSString).deletingLastPathComponent
        return standardized(written.hasPrefix("/") ? written : (folder as NSString).appendingPathComponent(written))
    }

    /// A path without `.`, `..` or doubled slashes.
    static func standardized(_ path: String) -> String {
        guard path.hasPrefix("/") else { return path }
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
