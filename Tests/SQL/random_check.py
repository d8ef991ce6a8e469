"""Randomized differential test of `strata sql --dialect duckdb` against `strata run --membership`.

Writes a small data set (customers with nulls in every column and boundary values: 0, negatives, 1e15,
halves, month ends, leap days, CJK and emoji text; a linked event table with rows of no customer) and
rule files of generated well-typed definitions (expressions up to depth 4 over every operator, scalar
function, aggregate with filters, event aggregate, `ntile`/`abc`/`rank` with and without `by`, the
number, calendar and text functions of issue 13
 — alone and inside aggregates, event
filters and each other —, tiers, segments, `let`s), then
compares each file through Tests/SQL/sql_check.py (cell by cell, as the example check does). A
difference, an SQL error or a refusal fails the check and prints the smallest failing rule file found
by dropping definitions and replacing subexpressions by their parts.

It also checks, with no reference, that for generated conditions p the segments `p`, `not (p)` and
`(p) is null` hold every customer exactly once, in the in-memory table and in DuckDB's.

Left out on purpose (docs/sql.md, "Not translated yet" and the known differences):
- `text` of a number that may have a fraction (only `text(round(…))` is generated), `pow` of a computed
  base (overflow);
- `lower`/`upper` of the polytonic Greek letters whose uppercase adds an iota (`ᾳ`), left to DuckDB;
- `lower`/`upper` of the polytonic Greek letters whose uppercase adds an iota (`ᾳ`), left to DuckDB;
- arithmetic that overflows a double: values stay below 1e15, so depth 4 stays below 1e240;
- a quoted empty CSV cell (`""`): empty cells are written unquoted (null in both engines).

usage: python random_check.py --strata PATH [--seed N] [--files N] [--defs N] [--keep DIR]
"""
import csv, os, random, shutil, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sql_check  # noqa: E402

NUMBERS = ["0", "-1", "1", "2.5", "-2.5", "1e15", "0.1", "3", "7", "-1000", "123456.789", "0.5", ""]
DATES = ["2024-02-29", "2023-02-28", "2024-01-31", "2020-02-29", "2025-12-31", "2026-03-31", "2000-01-01",
         "1999-12-31", "2026-06-30", "2026-01-30", ""]
TEXTS = ["张伟", "👍🏽", "Bob", "bob", "a", "Z", "深圳", "😀x", "李", "Émile", "x y", "Ann", ""]
# Text that `number(…)` and `date(…)` read (or not), and letters whose case mapping changes length.
FORMS = ["1,200", "¥3万", "85%", "１２３．５", " 42 ", "-7", "007", "1,23", "1e400", "2亿", "9007199254740993",
         "2026-06-30", "2026/6/30", "2024年2月29日", "2026-06-30 12:00", "2023-02-29", "2026-13-01", "Straße", "ß", "ﬁ",
         "ΐ", "İ", "abc", ""]
KINDS = ["buy", "visit", "退货", ""]
BOOLS = ["true", "false", ""]


def write_data(rng, folder, customers=40, events=140):
    """customers.csv and events.csv; each column holds every one of its values at least once."""
    ids = [f"C{i:03d}" for i in range(1, customers + 1)]

    def column(values, i):
        return values[i % len(values)] if i < len(values) else rng.choice(values)

    cols = {"n1": NUMBERS, "n2": NUMBERS[::-1], "d1": DATES, "d2": DATES[::-1], "t1": TEXTS, "t2": TEXTS[::-1], "t3": FORMS, "b1": BOOLS}
    with open(os.path.join(folder, "customers.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id"] + list(cols))
        for i, key in enumerate(ids):
            w.writerow([key] + [column(v, i) for v in cols.values()])
    with open(os.path.join(folder, "events.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["customer_id", "amount", "day", "kind"])
        for i in range(events):
            # Rows of no customer (empty or unknown key) and customers without rows (the last ten).
            key = rng.choice(ids[:-10] + ["", "X999"])
            w.writerow([key, column(NUMBERS, i), column(DATES, i), column(KINDS, i)])


class Node:
    """A generated expression: `text` renders it from its children's texts."""

    def __init__(self, type_, render, children=()):
        self.type, self.render, self.children = type_, render, list(children)

    def text(self):
        return self.render(*[c.text() for c in self.children])


def leaf(type_, s):
    return Node(type_, lambda: s)


def op(type_, fmt, *children):
    return Node(type_, lambda *a: fmt.format(*a), children)


class Scope:
    """What a generated expression may read."""

    def __init__(self, names, event=False, window=True, aggregates=True):
        self.names, self.event, self.window, self.aggregates = names, event, window, aggregates

    def but(self, **kw):
        s = Scope(self.names, self.event, self.window, self.aggregates)
        for k, v in kw.items():
            setattr(s, k, v)
        return s


FIELDS = {"num": ["n1", "n2"], "date": ["d1", "d2", "as_of"], "text": ["t1", "t2", "t3"], "bool": ["b1"]}
EVENT_FIELDS = {"num": ["amount"], "date": ["day"], "text": ["kind"], "bool": []}
LITERALS = {
    "num": ["0", "1", "(-1)", "2.5", "(-2.5)", "1000000000000000", "0.1", "3", "(-7)", "1e-3"],
    "date": ["2024-02-29", "2023-02-28", "2024-01-31", "2026-03-31", "date(\"2020-02-29\")"],
    "text": ['"张伟"', '"👍🏽"', '"Bob"', '"a"', '""', '"深圳"', '"😀x"', '"Ann"', '"ß"', '"￥1,234.5"', '"2026年6月30日"'],
    "bool": ["true", "false"],
}
# A computed fraction (a `let` every rule file starts with): constant over the customers, within 0…1.
FRACTION = "frac"
DURATIONS = ["1 day", "10 days", "2 weeks", "1 month", "13 months", "6 months", "1 year", "4 years"]


class Generator:
    def __init__(self, rng):
        self.rng = rng

    def choice(self, xs):
        return self.rng.choice(xs)

    def leaf(self, t, scope):
        names = FIELDS[t] + scope.names.get(t, []) + (EVENT_FIELDS[t] if scope.event else [])
        if not names or self.rng.random() < 0.3:
            return leaf(t, self.choice(LITERALS[t]))
        return leaf(t, self.choice(names))

    def expr(self, t, depth, scope):
        if depth <= 1 or self.rng.random() < 0.15:
            return self.leaf(t, scope)
        return getattr(self, t)(depth - 1, scope)

    def any_ordered(self, depth, scope):
        t = self.choice(["num", "num", "date", "text"])
        return t, self.expr(t, depth, scope)

    def num(self, d, s):
        e = lambda t="num": self.expr(t, d, s)  # noqa: E731
        forms = [
            lambda: op("num", "({} " + self.choice(["+", "-", "*", "/", "%"]) + " {})", e(), e()),
            lambda: op("num", "-({})", e()),
            lambda: op("num", self.choice(["abs", "floor", "ceil", "round", "number"]) + "({})", e()),
            lambda: op("num", "round({}, " + self.choice(["0", "1", "2", "-1", "-2"]) + ")", e()),
            # Computed digits are a field, a definition or a literal: each round of computed digits writes its
            # operands about a dozen times in SQL, so digits that are rounds themselves multiply the script
            # past DuckDB's expression depth limit (docs/sql.md; found with --seed 5).
            # Computed digits: a field or definition (not whole, null, huge: null or the rules of round); a
            # written one must be whole (`round(x, 0.1)` is an error), so the leaf is then a whole literal.
            lambda: op("num", "round({}, {})", e(), self.digits(s)),
            # Shallow text: reading a number writes its operand a dozen times, so `number(text(ntile(round(…))))`
            # passes DuckDB's expression depth limit of 1000 (seed 12; docs/sql.md).
            lambda: op("num", "number({})", self.expr("text", min(d, 1), s)),
            lambda: op("num", self.choice(["min", "max", "coalesce"]) + "({}, {})", e(), e()),
            lambda: op("num", "max({}, {}, {})", e(), e(), e()),
            lambda: op("num", "length({})", e("text")),
            lambda: op("num", self.choice(["days_between", "months_between", "years_between"]) + "({}, {})", e("date"), e("date")),
            lambda: op("num", self.choice(["year", "month"]) + "({})", e("date")),
            lambda: op("num", "if({}, {}, {})", e("bool"), e(), e()),
            # Bases are leaves (at most 1e15) so no power overflows a double (docs/sql.md: overflow).
            lambda: op("num", "pow({}, " + self.choice(["2", "0.5", "(-1)", "3", "0", "1.5"]) + ")", self.leaf("num", s)),
            lambda: op("num", self.choice(["exp", "ln", "log10", "sqrt"]) + "({})", e()),
            lambda: op("num", self.choice(["day", "weekday", "day_of_year"]) + "({})", e("date")),
        ]
        if s.aggregates and not s.event:
            forms += [lambda: self.event_aggregate(d, s)] * 3
        if s.window:
            forms.append(lambda: op("num", "ntile({}, " + self.choice(["1", "2", "3", "5", "7"]) + ")",
                                    self.expr(self.choice(["num", "num", "date", "text"]), d, self.ranked(s))))
            forms.append(lambda: op("num", "ntile({}, " + self.choice(["1", "2", "3"]) + " by {})",
                                    self.expr(self.choice(["num", "date", "text"]), d, self.ranked(s)), self.group(d, self.ranked(s))))
            forms.append(lambda: op("num", "rank({})", self.expr(self.choice(["num", "date", "text"]), d, self.ranked(s))))
            forms.append(lambda: op("num", "rank({} by {})",
                                    self.expr(self.choice(["num", "date", "text"]), d, self.ranked(s)), self.group(d, self.ranked(s))))
        return self.choice(forms)()

    def group(self, d, s):
        """The groups of a ranking: a field or an expression of any type (nulls are a group)."""
        return self.expr(self.choice(["num", "date", "text", "bool"]), min(d, 2), s.but(window=False))

    def event_aggregate(self, d, s):
        """An aggregate over the linked table's rows, per customer."""
        inner = s.but(event=True, aggregates=False)
        flt = (lambda: " where " + self.expr("bool", min(d, 3), inner).text()) if self.rng.random() < 0.6 else (lambda: "")
        f = flt()
        kind = self.choice(["count", "countx", "distinct", "sum", "avg", "min", "max", "median", "stddev", "percentile", "first", "last"])
        if kind == "count":
            return leaf("num", f"count(ev{f})")
        if kind == "countx":
            return leaf("num", f"count(ev.{self.choice(['amount', 'day', 'kind'])}{f})")
        if kind == "distinct":
            return leaf("num", f"count(distinct ev.{self.choice(['amount', 'day', 'kind'])}{f})")
        if kind == "percentile":
            return leaf("num", f"percentile(ev.amount{f}, {self.choice(['0', '0.25', '0.5', '0.9', '1'])})")
        if kind in ("first", "last"):
            return leaf("num", f"{kind}(ev.amount by ev.{self.choice(['day', 'amount'])}{f})")
        return leaf("num", f"{kind}(ev.amount{f})")

    def date(self, d, s):
        e = lambda t="date": self.expr(t, d, s)  # noqa: E731
        forms = [
            lambda: op("date", "({} " + self.choice(["+", "-"]) + " " + self.choice(DURATIONS) + ")", e()),
            lambda: op("date", self.choice(["min", "max", "coalesce"]) + "({}, {})", e(), e()),
            lambda: op("date", "if({}, {}, {})", e("bool"), e(), e()),
            lambda: op("date", "({} " + self.choice(["+", "-"]) + " " + self.choice(["days", "months"]) + "("
                       + self.choice(["0", "7", "(-1)", "13", "400"]) + "))", e()),
            lambda: op("date", "({} " + self.choice(["+", "-"]) + " " + self.duration(d, s) + ")", e()),
            # Never a written text alone: `date("深圳")` is an error in the rules.
            lambda: op("date", "date(coalesce(" + self.choice(FIELDS["text"]) + ", {}))", self.expr("text", min(d, 1), s)),
        ]
        if s.aggregates and not s.event:
            forms.append(lambda: leaf("date", f"{self.choice(['min', 'max'])}(ev.day)"))
            forms.append(lambda: leaf("date", f"last(ev.day by ev.amount)"))
        return self.choice(forms)()

    def duration(self, d, s):
        """A computed duration: `if` of two, `coalesce` of an `if` with a null and one, or `days(n)`/`months(n)`
        of a computed n (null for a fraction or an amount beyond any date)."""
        a, b = self.choice(DURATIONS), self.choice(DURATIONS)
        c = self.expr("bool", min(d, 2), s).text()
        # Amounts from a field scaled down, so the shifted date stays within the years 1 to 9999 (outside them
        # Strata gives null and the engines a date: a known difference, found with --seed 12); 1e15 stays
        # beyond any date (null in both) and fractions are null in both.
        f = self.choice(FIELDS["num"])
        return self.choice([f"if({c}, {a}, {b})", f"coalesce(if({c}, {a}, null), {b})",
                            f"days(ceil({f} / 10))", f"months(ceil({f} / 1000))", f"days({f})"])

    def text(self, d, s):
        e = lambda t="text": self.expr(t, d, s)  # noqa: E731
        forms = [
            lambda: op("text", self.choice(["lower", "upper"]) + "({})", e()),
            lambda: op("text", self.choice(["min", "max", "coalesce"]) + "({}, {})", e(), e()),
            lambda: op("text", "if({}, {}, {})", e("bool"), e(), e()),
            lambda: op("text", "text({})", e(self.choice(["text", "date", "bool"]))),
            lambda: op("text", "text(round({}))", e("num")),
            lambda: op("text", "concat({}, {})", e(self.choice(["text", "date", "bool"])), e()),
        ]
        if s.window:
            forms.append(lambda: op("text", "abc({})", self.graded(d, s)))
            forms.append(lambda: op("text", "abc({}, 0.5, 0.7)", self.graded(d, s)))
            forms.append(lambda: op("text", "abc({} by {})", self.graded(d, s), self.group(d, self.ranked(s))))
            forms.append(lambda: op("text", "text(ntile({}, 3 by {}))", self.graded(d, s), self.group(d, self.ranked(s))))
        if s.aggregates and not s.event:
            forms.append(lambda: leaf("text", f"{self.choice(['min', 'max'])}(ev.kind)"))
            forms.append(lambda: leaf("text", f"first(ev.kind by ev.day)"))
        return self.choice(forms)()

    def graded(self, d, s):
        """abc's argument: never a constant. With one value for all, the running share lands exactly on
        the threshold (0.1 × 20 of 0.1 × 40 is 0.5) and the order of float additions decides the grade:
        a known difference (docs/sql.md), found by this check with --seed 3."""
        x = self.expr("num", d, self.ranked(s))
        # Reading a field or a definition does not make it vary (`round(x_14, g_7)` of a `let` x_14 is one
        # value for all, found with --seed 5; a `let` alone, seed 6): n1 is added unless it is a field itself.
        return x if x.text() in ("n1", "n2") else op("num", "({} + n1)", x)

    def digits(self, s):
        """`round`'s digits: a field or definition as they come (fractions give null), a literal only whole."""
        return self.whole_if_written(self.leaf("num", s))

    def whole_if_written(self, x):
        """`x`, or a whole literal when `x` is a written number with a fraction (an error in `round`'s digits
        and `days`/`months`, where a computed fraction gives null; so is a written amount beyond 4,000,000)."""
        try:
            v = float(x.text().strip("()"))
        except ValueError:
            return x
        return x if v == int(v) and abs(v) <= 4_000_000 else leaf("num", self.choice(["0", "1", "2", "(-1)", "(-2)"]))

    def ranked(self, s):
        """What an `ntile`/`abc` argument may read: customer values only (inside an event filter too, where
        the window ranks the row's customer), and half the time another window."""
        return s.but(event=False, aggregates=s.aggregates and not s.event, window=self.rng.random() < 0.5)

    def bool(self, d, s):
        e = lambda t="bool": self.expr(t, d, s)  # noqa: E731

        def compare():
            t, a = self.any_ordered(d, s)
            return op("bool", "({} " + self.choice(["==", "!=", "<", "<=", ">", ">="]) + " {})", a, self.expr(t, d, s))

        def member():
            t = self.choice(["num", "text", "date"])
            items = ", ".join(self.rng.sample(LITERALS[t], 2))
            return op("bool", "({} " + self.choice(["in", "not in"]) + " [" + items + "])", self.expr(t, d, s))

        def between():
            t = self.choice(["num", "date"])
            return op("bool", "({} " + self.choice(["between", "not between"]) + " {} and {})",
                      self.expr(t, d, s), self.expr(t, d, s), self.expr(t, d, s))

        forms = [
            compare, compare, member, between,
            lambda: op("bool", "({} " + self.choice(["and", "or"]) + " {})", e(), e()),
            lambda: op("bool", "not ({})", e()),
            lambda: op("bool", "({} " + self.choice(["is null", "is not null"]) + ")", self.expr(self.choice(list(FIELDS)), d, s)),
            lambda: op("bool", self.choice(["contains", "starts_with", "ends_with"]) + "({}, {})", e("text"), e("text")),
            lambda: op("bool", "if({}, {}, {})", e(), e(), e()),
        ]
        return self.choice(forms)()

    def let(self, names):
        """A single value: an aggregate over customers (maybe filtered) or over every event row."""
        s = Scope(names)  # windows too: inside the aggregate, computed in a stage before (docs/sql.md)
        f = (" where " + self.expr("bool", 3, s).text()) if self.rng.random() < 0.5 else ""
        x = self.expr("num", 3, s).text()
        kind = self.choice(["sum", "avg", "min", "max", "median", "stddev", "percentile", "count", "countw", "event", "const"])
        if kind == "percentile":
            return "num", f"percentile({x}{f}, {self.choice(['0', '0.3', '0.5', '1', FRACTION])})"
        if kind == "count":
            return "num", f"count({x}{f})"
        if kind == "countw":
            return "num", f"count(where {self.expr('bool', 3, s).text()})"
        if kind == "event":
            return "num", f"{self.choice(['sum', 'avg', 'max', 'count'])}(ev.amount)"
        if kind == "const":
            return "num", self.choice(LITERALS["num"])
        if kind in ("min", "max") and self.rng.random() < 0.4:
            t = self.choice(["date", "text"])
            return t, f"{kind}({self.expr(t, 2, s).text()}{f})"
        return "num", f"{kind}({x}{f})"


def program(rng, count, names_out):
    """A rule file's definitions: (name, statement, node or None, type). Later ones read earlier ones."""
    g = Generator(rng)
    names = {"num": [], "date": [], "text": [], "bool": []}
    defs = []
    for i in range(count):
        name = f"{rng.choice(['g', 'x', '指标', 'v'])}_{i}"
        kind = rng.choice(["derive", "derive", "derive", "segment", "segment", "let", "tiers", "nulls"])
        if kind == "let":
            t, text = g.let(names)
            defs.append((name, f"let {name} = {text}", None, t))
            names[t].append(name)
            continue
        if kind == "derive":
            t = rng.choice(["num", "num", "date", "text", "bool"])
            node = g.expr(t, rng.randint(2, 4), Scope(names))
            defs.append((name, "derive " + name + " = {}", node, t))
            names[t].append(name)
        elif kind == "segment":
            node = g.expr("bool", rng.randint(2, 4), Scope(names))
            defs.append((name, "segment " + name + " where {}", node, "bool"))
            names["bool"].append(name)
        elif kind == "tiers":
            node = op("bool", "{}\n  b where {}", g.expr("bool", 3, Scope(names)), g.expr("bool", 3, Scope(names)))
            last = "\n  c otherwise" if rng.random() < 0.5 else ""
            defs.append((name, "tiers " + name + " {{\n  a where {}" + last + "\n}}", node, "text"))
            names["text"].append(name)
        else:
            # Reference-free: p, not p and p is null hold every customer exactly once.
            node = g.expr("bool", rng.randint(2, 4), Scope(names))
            for suffix, fmt in (("p", "({})"), ("n", "not ({})"), ("u", "({}) is null")):
                defs.append((f"{name}_{suffix}", f"segment {name}_{suffix} where " + fmt, node, "partition"))
    return defs


def render(defs):
    head = 'load customers from "customers.csv"\nload ev from "events.csv" linked by customer_id\nset as_of = 2026-03-31\n'
    head += "let frac = count(where b1) / count()\n"
    return head + "".join((stmt.format(node.text()) if node else stmt) + "\n" for _, stmt, node, _ in defs)


def partitions(defs, header, rows):
    """Reference-free check: a problem text, or None."""
    for name, _, _, t in defs:
        if t != "partition" or not name.endswith("_p"):
            continue
        base = name[:-2]
        cols = [header.index(base + s) for s in ("_p", "_n", "_u")]
        for r, row in enumerate(rows):
            held = [row[c] in (True, "true") for c in cols]
            if sum(held) != 1:
                return f"{base}: row {r + 1} ({row[0]}) is in {sum(held)} of `p`, `not p`, `p is null`"
    return None


CELLS = [0]  # the cells the last successful run compared


def run(strata, folder, defs):
    """None when both engines agree (and pass the reference-free check), else what went wrong."""
    rules = os.path.join(folder, "rules.strata")
    with open(rules, "w", encoding="utf-8") as f:
        f.write(render(defs))
    try:
        expected, header, rows, reason = sql_check.tables(strata, rules)
        if reason:
            return "refused: " + reason
        problem = partitions(defs, expected[0], expected[1:]) or partitions(defs, header, rows)
        if problem:
            return "reference-free: " + problem
        CELLS[0] = sql_check.compare(rules, expected, header, rows)
    except SystemExit as e:
        return str(e)
    except Exception as e:  # an SQL error in DuckDB is a finding too
        return f"{type(e).__name__}: {e}"
    return None


def kind_of(problem):
    return problem.split(":")[0] if problem.startswith(("refused", "reference-free")) else ("run" if "strata run failed" in problem else "diff")


def shrink(strata, folder, defs, problem):
    """The smallest rule file that still fails the same way: drop definitions, then replace subexpressions."""
    want, until = kind_of(problem), time.time() + 120  # bounded, so a failing CI run still ends soon

    def fails(ds):
        if time.time() > until:
            return False
        p = run(strata, folder, ds)
        return p is not None and kind_of(p) == want

    changed = True
    while changed:
        changed = False
        for i in reversed(range(len(defs))):
            trial = defs[:i] + defs[i + 1:]
            if fails(trial):
                defs, changed = trial, True
    for d in range(len(defs)):
        node = defs[d][2]
        if node is None:
            continue
        progress = True
        while progress:
            progress = False
            for parent, idx, child in walk(node):
                for sub in [g for g in child.children if g.type == child.type] + [leaf(child.type, x) for x in FIELDS.get(child.type, [])[:1]]:
                    if parent is None:
                        name, stmt, _, t = defs[d]
                        trial_defs = defs[:d] + [(name, stmt, sub, t)] + defs[d + 1:]
                    else:
                        parent.children[idx] = sub
                        trial_defs = defs
                    if fails(trial_defs):
                        defs, node, progress = trial_defs, trial_defs[d][2], True
                        break
                    if parent is not None:
                        parent.children[idx] = child
                if progress:
                    break
    return defs, run(strata, folder, defs)


def walk(node, parent=None, idx=0):
    yield parent, idx, node
    for i, c in enumerate(node.children):
        yield from walk(c, node, i)


def main(argv):
    strata, seed, files, count, keep = None, None, 50, 42, None
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("--strata", "--seed", "--files", "--defs", "--keep"):
            v = argv[i + 1]
            strata, seed, files, count, keep = (
                v if a == "--strata" else strata, int(v) if a == "--seed" else seed, int(v) if a == "--files" else files,
                int(v) if a == "--defs" else count, v if a == "--keep" else keep)
            i += 2
        else:
            raise SystemExit(__doc__)
    if not strata:
        raise SystemExit(__doc__)
    if seed is None:
        seed = int(time.strftime("%Y%m%d"))
    print(f"sql random check: seed {seed} (rerun with --seed {seed})", flush=True)
    started = time.time()
    folder = keep or tempfile.mkdtemp(prefix="strata-sqlrand-")
    os.makedirs(folder, exist_ok=True)
    strata = os.path.abspath(strata)
    write_data(random.Random(seed), folder)
    programs = cells = partition_checks = 0
    for n in range(files):
        rng = random.Random(f"{seed}/{n}")
        defs = program(rng, count, None)
        problem = run(strata, folder, defs)
        if problem:
            print(f"file {n} of seed {seed} fails: {problem}", flush=True)
            if kind_of(problem) == "run":
                # The generator wrote a rule file Strata rejects: a bug of the generator, shown whole.
                print(render(defs))
                raise SystemExit(1)
            print("shrinking…", flush=True)
            small, small_problem = shrink(strata, folder, defs, problem)
            print(f"smallest failing rule file (data in {folder}):\n{render(small)}\n{small_problem}")
            raise SystemExit(1)
        programs += sum(1 for d in defs if d[3] != "partition") + sum(1 for d in defs if d[0].endswith("_p") and d[3] == "partition")
        partition_checks += sum(1 for d in defs if d[0].endswith("_p") and d[3] == "partition")
        cells += CELLS[0]
    if not keep:
        shutil.rmtree(folder)  # a failing run keeps its files: the message names them
    print(f"sql random check: {programs} generated definitions in {files} rule files, {cells} cells equal in DuckDB, "
          f"{partition_checks} conditions with p + not p + p is null = all customers in both engines; "
          f"seed {seed}, {time.time() - started:.0f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
