import Foundation

/// A small TextMate tokenizer: just what `editors/strata.tmLanguage.json` uses (`match` with `captures`,
/// `begin`/`end` with `beginCaptures`/`endCaptures`, `patterns`, `include` of `#name` and `$self`, the
/// `repository`), run as VS Code runs a grammar: a line at a time with its `\n`, the earliest match wins,
/// on a tie the end pattern and then the first listed rule. Regular expressions are ICU's
/// (NSRegularExpression), so a grammar this accepts uses only what ICU and Oniguruma share.
/// Immutable once read; NSRegularExpression may be used from several threads at once.
struct TextMateGrammar: @unchecked Sendable {
    /// One rule of the grammar, its includes resolved when it is matched.
    indirect enum Rule {
        case match(NSRegularExpression, name: String?, captures: [Int: String])
        case region(begin: NSRegularExpression, end: NSRegularExpression, name: String?, contentName: String?,
                    beginCaptures: [Int: String], endCaptures: [Int: String], patterns: [Rule])
        case include(String)
        case group([Rule])
    }

    enum Failure: Error, CustomStringConvertible {
        case malformed(String)
        case badRegex(String, Error)
        var description: String {
            switch self {
            case .malformed(let what): return "malformed grammar: \(what)"
            case .badRegex(let re, let e): return "regex \(re) does not compile: \(e)"
            }
        }
    }

    let scopeName: String
    let patterns: [Rule]
    let repository: [String: Rule]

    /// Reads a grammar from its JSON text; every regex is compiled here, so a bad one fails at once.
    init(json: Data) throws {
        guard let root = try JSONSerialization.jsonObject(with: json) as? [String: Any],
              let scope = root["scopeName"] as? String else { throw Failure.malformed("no scopeName") }
        scopeName = scope
        patterns = try Self.rules(root["patterns"])
        var repo: [String: Rule] = [:]
        for (key, value) in (root["repository"] as? [String: Any]) ?? [:] {
            guard let dict = value as? [String: Any] else { throw Failure.malformed("repository entry \(key)") }
            repo[key] = try Self.rule(dict)
        }
        repository = repo
    }

    static func regex(_ source: Any?) throws -> NSRegularExpression {
        guard let s = source as? String else { throw Failure.malformed("missing regex") }
        do { return try NSRegularExpression(pattern: s, options: []) } catch { throw Failure.badRegex(s, error) }
    }

    static func captures(_ any: Any?) throws -> [Int: String] {
        var out: [Int: String] = [:]
        for (key, value) in (any as? [String: Any]) ?? [:] {
            guard let n = Int(key), let name = (value as? [String: Any])?["name"] as? String else {
                throw Failure.malformed("capture \(key) (only named captures are supported)")
            }
            out[n] = name
        }
        return out
    }

    static func rules(_ any: Any?) throws -> [Rule] {
        try ((any as? [[String: Any]]) ?? []).map(rule)
    }

    static func rule(_ d: [String: Any]) throws -> Rule {
        let name = d["name"] as? String
        if let inc = d["include"] as? String { return .include(inc) }
        if let m = d["match"] {
            return .match(try regex(m), name: name, captures: try captures(d["captures"]))
        }
        if let b = d["begin"] {
            let both = try captures(d["captures"])
            let bc = try captures(d["beginCaptures"]), ec = try captures(d["endCaptures"])
            return .region(begin: try regex(b), end: try regex(d["end"]), name: name, contentName: d["contentName"] as? String,
                           beginCaptures: bc.isEmpty ? both : bc, endCaptures: ec.isEmpty ? both : ec,
                           patterns: try rules(d["patterns"]))
        }
        if d["patterns"] != nil { return .group(try rules(d["patterns"])) }
        throw Failure.malformed("a rule with neither match, begin, include nor patterns: \(d.keys.sorted())")
    }

    /// The match and region rules a list stands for, includes expanded (each repository entry once).
    func flatten(_ rules: [Rule], seen: Set<String> = []) -> [Rule] {
        var out: [Rule] = []
        for r in rules {
            switch r {
            case .match, .region: out.append(r)
            case .group(let inner): out += flatten(inner, seen: seen)
            case .include(let target):
                if target == "$self" || target == "$base" {
                    if !seen.contains(target) { out += flatten(patterns, seen: seen.union([target])) }
                } else if target.hasPrefix("#"), let found = repository[String(target.dropFirst())], !seen.contains(target) {
                    out += flatten([found], seen: seen.union([target]))
                }
            }
        }
        return out
    }

    /// The scopes of every UTF-16 unit of a text (innermost last), the grammar's own scope left out.
    func scopes(of text: String) -> [[[String]]] {
        var stack: [(end: NSRegularExpression, endCaptures: [Int: String], scopes: [String], patterns: [Rule])] = []
        var result: [[[String]]] = []
        for line in text.components(separatedBy: "\n") {
            let l = (line.hasSuffix("\r") ? String(line.dropLast()) : line) + "\n"
            let ns = l as NSString
            var units = Array(repeating: [String](), count: ns.length)
            var pos = 0
            var emptyAt = -1  // where the last empty match was: a second one there moves on a unit
            while pos < ns.length {
                let outer = stack.last?.scopes ?? []
                let candidates = flatten(stack.last?.patterns ?? patterns)
                let opts: NSRegularExpression.MatchingOptions = [.withTransparentBounds, .withoutAnchoringBounds]
                let range = NSRange(location: pos, length: ns.length - pos)
                var best: (NSTextCheckingResult, Rule?)? = nil
                if let end = stack.last?.end, let m = end.firstMatch(in: l, options: opts, range: range) {
                    best = (m, nil)
                }
                for c in candidates {
                    let re: NSRegularExpression
                    switch c {
                    case .match(let r, _, _): re = r
                    case .region(let b, _, _, _, _, _, _): re = b
                    case .include, .group: continue
                    }
                    guard let m = re.firstMatch(in: l, options: opts, range: range) else { continue }
                    if best.map({ m.range.location < $0.0.range.location }) ?? true { best = (m, c) }
                }
                guard let (m, rule) = best else { break }
                func paint(_ r: NSRange, _ scope: [String]) {
                    guard r.location != NSNotFound else { return }
                    for i in r.location..<min(r.location + r.length, ns.length) { units[i] = scope }
                }
                func paintCaptures(_ caps: [Int: String], _ base: [String]) {
                    for (n, name) in caps.sorted(by: { $0.key < $1.key }) where n < m.numberOfRanges {
                        let r = m.range(at: n)
                        guard r.location != NSNotFound else { continue }
                        for i in r.location..<min(r.location + r.length, ns.length) { units[i] = base + [name] }
                    }
                }
                let after = m.range.location + m.range.length
                switch rule {
                case nil:
                    // The region ends: its end match is painted with the region's scope, then it is left.
                    if let top = stack.popLast() {
                        paint(m.range, top.scopes)
                        paintCaptures(top.endCaptures, top.scopes)
                    }
                case .match(_, let name, let caps)?:
                    let scope = outer + (name.map { [$0] } ?? [])
                    paint(m.range, scope)
                    paintCaptures(caps, scope)
                case .region(_, let end, let name, let contentName, let bc, let ec, let inner)?:
                    let scope = outer + (name.map { [$0] } ?? [])
                    paint(m.range, scope)
                    paintCaptures(bc, scope)
                    stack.append((end, ec, scope + (contentName.map { [$0] } ?? []), inner))
                case .include?, .group?:
                    break
                }
                // Between matches nothing is painted: those units keep the scope of the region they are in.
                if m.range.location > pos {
                    for i in pos..<m.range.location where units[i].isEmpty { units[i] = outer }
                }
                if after > pos {
                    pos = after
                } else if (rule == nil || isRegion(rule)) && emptyAt != pos {
                    // An empty match that pushed or popped a region: the next round goes on at the same place.
                    emptyAt = pos
                } else {
                    pos += 1
                }
            }
            if pos < ns.length {
                let outer = stack.last?.scopes ?? []
                for i in pos..<ns.length where units[i].isEmpty { units[i] = outer }
            }
            result.append(units)
        }
        return result
    }

    private func isRegion(_ r: Rule?) -> Bool {
        if case .region? = r { return true }
        return false
    }
}
