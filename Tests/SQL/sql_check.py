"""Differential check of `strata sql --with-load` in a real engine against the in-memory engine.

For each rule file: `strata run RULES --membership FILE.csv` writes the in-memory membership table;
`strata sql RULES --dialect ENGINE --with-load` is run in DuckDB (in-process) or PostgreSQL (through
psql, on the server PGHOST names; Tests/SQL/postgres_check.sh starts one); the two tables must have the same
columns and rows in the same order, equal cell by cell: segments, labels, text and dates exactly, numbers
within a relative 1e-9. A rule file `strata sql` refuses (a construct not yet translated) is listed as
skipped with the diagnostic, and does not fail the check; pass --strict to make it fail.

usage: python sql_check.py --strata PATH [--engine duckdb|postgres] [--strict] [--data NAME=PATH]... RULES...
"""
import csv, datetime, math, os, re, subprocess, sys, tempfile


def cell(v):
    """A DuckDB value as the membership CSV writes it."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, datetime.date):
        return v.isoformat()
    return v


def same(a, b):
    """Whether a CSV cell (Strata) and an engine's value agree."""
    b = cell(b)
    if isinstance(b, str) and a != b:
        # psql prints numbers as text, in its own form (`1e+16`): compared as numbers when both are.
        try:
            b = float(b)
        except ValueError:
            return False
    if isinstance(b, (int, float)):
        if a == "":
            return False
        x, y = float(a), float(b)
        if math.isnan(y) or math.isinf(y):
            return False
        return x == y or abs(x - y) <= 1e-9 * max(abs(x), abs(y))
    return a == str(b)


def duckdb_table(script):
    """The header and rows the script's last query returns in DuckDB."""
    import duckdb

    result = duckdb.connect().execute(script)
    return [d[0] for d in result.description], result.fetchall()


def postgres_table(script):
    """The header and rows the script's last query returns through psql (booleans as t/f, the names
    PostgreSQL would cut mapped back through the script's header)."""
    r = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "--csv", "-d", "postgres"], input=script,
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"psql failed:\n{r.stderr}")
    table = list(csv.reader(r.stdout.splitlines()))
    aliases = dict(re.findall(r"^-- column (\S+) is `(.*)`$", script, re.M))
    header = [aliases.get(c, c) for c in table[0]]
    rows = [[{"t": True, "f": False}.get(c, c) if i > 0 else c for i, c in enumerate(row)] for row in table[1:]]
    return header, [[None if c == "" else c for c in row] for row in rows]


def tables(strata, rules, data=(), engine="duckdb"):
    """(the membership table as rows of text, the engine's header, the engine's rows, None), or
    (None, None, None, reason) when `strata sql` refuses the file."""
    with tempfile.TemporaryDirectory() as tmp:
        membership = os.path.join(tmp, "membership.csv")
        extra = [w for d in data for w in ("--data", d)]
        run = subprocess.run([strata, "run", rules, "--membership", membership] + extra, capture_output=True, text=True)
        if run.returncode not in (0, 1) or not os.path.exists(membership):
            raise SystemExit(f"{rules}: strata run failed ({run.returncode}):\n{run.stderr}")
        sql = subprocess.run([strata, "sql", rules, "--dialect", engine, "--with-load"] + extra, capture_output=True, text=True)
        if sql.returncode != 0:
            return None, None, None, sql.stderr.strip()
        with open(membership, newline="", encoding="utf-8") as f:
            expected = list(csv.reader(f))
        header, rows = (duckdb_table if engine == "duckdb" else postgres_table)(sql.stdout)
        return expected, header, rows, None


def compare(rules, expected, header, rows, engine="duckdb"):
    """The number of cells compared; raises SystemExit naming the first difference."""
    if header != expected[0]:
        raise SystemExit(f"{rules}: columns differ\n  strata: {expected[0]}\n  {engine}: {header}")
    if len(rows) != len(expected) - 1:
        raise SystemExit(f"{rules}: {len(expected) - 1} rows in memory, {len(rows)} in {engine}")
    cells = 0
    for i, (want, got) in enumerate(zip(expected[1:], rows)):
        for name, a, b in zip(header, want, got):
            cells += 1
            if not same(a, b):
                raise SystemExit(f"{rules}: row {i + 1} ({want[0]}), column {name}: strata {a!r}, {engine} {cell(b)!r}")
    return cells


def check(strata, rules, data=(), engine="duckdb"):
    """Returns (compared cells, None) or (0, reason to skip) or raises on a difference."""
    expected, header, rows, reason = tables(strata, rules, data, engine)
    if reason:
        return 0, reason
    return compare(rules, expected, header, rows, engine), None


def main(argv):
    strata, strict, files, data, engine = None, False, [], [], "duckdb"
    i = 0
    while i < len(argv):
        if argv[i] == "--strata":
            strata = argv[i + 1]
            i += 1
        elif argv[i] == "--engine":
            engine = argv[i + 1]
            i += 1
        elif argv[i] == "--data":
            data.append(argv[i + 1])
            i += 1
        elif argv[i] == "--strict":
            strict = True
        else:
            files.append(argv[i])
        i += 1
    if not strata or not files:
        raise SystemExit(__doc__)
    total, skipped = 0, []
    for rules in files:
        cells, reason = check(strata, rules, data, engine)
        if reason:
            skipped.append((rules, reason))
            print(f"   {rules}: skipped")
            continue
        total += cells
        print(f"   {rules}: {cells} cells equal")
    print(f"{engine}: {len(files) - len(skipped)} rule files, {total} cells equal, {len(skipped)} skipped")
    for rules, reason in skipped:
        print(f"skipped {rules}:\n{reason}")
    if strict and skipped:
        raise SystemExit(1)


if __name__ == "__main__":
    main(sys.argv[1:])
