"""Differential check of `strata sql --with-load` in a real engine against the in-memory engine.

For each rule file: `strata run RULES --membership FILE.csv` writes the in-memory membership table;
`strata sql RULES --dialect ENGINE --with-load` is run in DuckDB (in-process), PostgreSQL (through
psql, on the server PGHOST names; Tests/SQL/postgres_check.sh starts one) or Spark (one local PySpark
session for every file, each file run with `spark.sql.ansi.enabled` true and then false; the engine
`spark` needs the python of Tests/SQL/spark_check.sh); the two tables must have the same
columns and rows in the same order, equal cell by cell: segments, labels, text and dates exactly, numbers
within a relative 1e-9. A rule file `strata sql` refuses (a construct not yet translated) is listed as
skipped with the diagnostic, and does not fail the check; pass --strict to make it fail.

usage: python sql_check.py --strata PATH [--engine duckdb|postgres|spark] [--strict] [--data NAME=PATH]... RULES...
"""
import csv, datetime, decimal, math, os, re, subprocess, sys, tempfile


def cell(v):
    """A DuckDB value as the membership CSV writes it."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, datetime.date):
        return v.isoformat()
    if isinstance(v, decimal.Decimal):
        return float(v)
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


_spark = None


def spark_session():
    """One local Spark session for every rule file: starting one takes seconds."""
    global _spark
    if _spark is None:
        from pyspark.sql import SparkSession

        _spark = (SparkSession.builder.master("local[2]").appName("strata-sql-check")
                  .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").config("spark.sql.shuffle.partitions", "4")
                  # Small splits, so a file read without `multiLine` would be many partitions: `_row`
                  # must follow file order anyway (spark_check.sh shows the count of splits).
                  .config("spark.sql.files.maxPartitionBytes", str(64 * 1024))
                  # A script is one query of as many nested stages as the rules have definitions: the
                  # analyzer needs more than its default 100 passes for the longer ones (edge.strata).
                  .config("spark.sql.analyzer.maxIterations", "1000")
                  .config("spark.driver.memory", "2g").getOrCreate())
        _spark.sparkContext.setLogLevel("ERROR")
    return _spark


def spark_table(script, ansi):
    """The header and rows the script's last query returns in Spark, statement by statement (each ends
    a line with `;`), with ANSI mode on or off."""
    spark = spark_session()
    spark.conf.set("spark.sql.ansi.enabled", "true" if ansi else "false")
    lines = [l for l in script.splitlines() if not l.startswith("--")]
    statements = [s.strip() for s in re.split(r";\n", "\n".join(lines) + "\n") if s.strip()]
    result = None
    for s in statements:
        result = spark.sql(s.rstrip(";"))
    return result.columns, [tuple(r) for r in result.collect()]


def tables(strata, rules, data=(), engine="duckdb", ansi=True):
    """(the membership table as rows of text, the engine's header, the engine's rows, None), or
    (None, None, None, reason) when `strata sql` refuses the file. `ansi` is Spark's ANSI mode."""
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
        if engine == "spark":
            header, rows = spark_table(sql.stdout, ansi)
        else:
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


def check(strata, rules, data=(), engine="duckdb", ansi=True):
    """Returns (compared cells, None) or (0, reason to skip) or raises on a difference."""
    expected, header, rows, reason = tables(strata, rules, data, engine, ansi)
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
            # Applies to the rule files after it.
            data.append(argv[i + 1])
            i += 1
        elif argv[i] == "--strict":
            strict = True
        else:
            files.append((argv[i], list(data)))
        i += 1
    if not strata or not files:
        raise SystemExit(__doc__)
    skipped = []
    # Spark is run twice: its ANSI mode changes what casts, overflow and division do.
    for ansi in ((True, False) if engine == "spark" else (True,)):
        name = engine + (f" (spark.sql.ansi.enabled={str(ansi).lower()})" if engine == "spark" else "")
        total, skipped = 0, []
        for rules, data in files:
            cells, reason = check(strata, rules, data, engine, ansi)
            if reason:
                skipped.append((rules, reason))
                print(f"   {rules}: skipped")
                continue
            total += cells
            print(f"   {rules}: {cells} cells equal")
        print(f"{name}: {len(files) - len(skipped)} rule files, {total} cells equal, {len(skipped)} skipped")
    for rules, reason in skipped:
        print(f"skipped {rules}:\n{reason}")
    if strict and skipped:
        raise SystemExit(1)


if __name__ == "__main__":
    main(sys.argv[1:])
