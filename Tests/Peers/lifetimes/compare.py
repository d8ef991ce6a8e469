"""Compares Strata's per-customer frequency, recency, T and monetary_value with lifetimes'.

    python compare.py EXPECTED.csv ACTUAL.csv
    python compare.py --self-test DIR        # DIR holds prepare.py's cdnow.csv and expected.csv

Both files have a header with customer_id, frequency, recency, T, monetary_value (any column order,
other columns ignored). Customers are joined on customer_id (as a number when it is one, so `00001`
and `1` are one customer). Every customer must be in both files, frequency, recency and T must be
equal, and monetary_value equal within a relative 1e-9 (math.isclose, no absolute tolerance: an
expected 0 needs an exact 0). An empty cell (Strata's null) is a difference.

Prints the number of customers and cells compared, the first 10 differences, and a closing line
`N passed, N failed` over customers (a customer fails when any of its four values differs or it is
missing from either side). Exits 1 on any difference.

--self-test checks the definitions without Strata: it computes the four values from cdnow.csv with
pandas, formula for formula as cdnow.strata writes them (distinct days - 1; days from the first day
to the last and to the observation end; the amount after the first day over frequency, 0 without
repeat days), writes them as Strata writes numbers (integers without a fraction) and compares that
file with lifetimes' expected.csv.
"""
import csv, math, os, sys, tempfile

COLUMNS = ["frequency", "recency", "T", "monetary_value"]
EXACT = {"frequency", "recency", "T"}
REL_TOL = 1e-9
OBSERVATION_END = "1998-06-30"  # as in prepare.py and cdnow.strata


def key(text):
    text = text.strip()
    try:
        return int(text)
    except ValueError:
        return text


def read(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        missing = [c for c in ["customer_id"] + COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            sys.exit(f"compare.py: {path} has no column {', '.join(missing)} (columns: {reader.fieldnames})")
        rows = {}
        for row in reader:
            k = key(row["customer_id"])
            if k in rows:
                sys.exit(f"compare.py: {path}: customer {k} appears twice")
            rows[k] = row
    return rows


def number(text):
    text = (text or "").strip()
    if text == "":
        return None
    try:
        return float(text)
    except ValueError:
        return text


def same(column, want, got):
    if want is None or got is None or isinstance(want, str) or isinstance(got, str):
        return False
    if column in EXACT:
        return want == got
    return math.isclose(want, got, rel_tol=REL_TOL, abs_tol=0.0)


def compare(expected_path, actual_path, label="strata"):
    expected, actual = read(expected_path), read(actual_path)
    ids = list(expected) + [k for k in actual if k not in expected]
    diffs, failed, cells = [], 0, 0
    for k in ids:
        e, a = expected.get(k), actual.get(k)
        if e is None or a is None:
            failed += 1
            diffs.append(f"customer {k}: only in {'the expected file' if a is None else label + ' output'}")
            continue
        bad = False
        for c in COLUMNS:
            cells += 1
            want, got = number(e[c]), number(a[c])
            if not same(c, want, got):
                bad = True
                diffs.append(f"customer {k}: {c} lifetimes {e[c]!r}, {label} {a[c]!r}")
        failed += bad
    both = sum(1 for k in expected if k in actual)
    print(f"compared {both:,} customers ({len(expected):,} expected, {len(actual):,} from {label}), "
          f"{cells:,} cells: frequency, recency, T exactly, monetary_value within a relative {REL_TOL:g}")
    if diffs:
        print(f"{len(diffs):,} differences; the first {min(10, len(diffs))}:")
        for d in diffs[:10]:
            print("  " + d)
    print(f"{len(ids) - failed} passed, {failed} failed")
    return failed == 0


def strata_number(x):
    """A number as Strata's CSV writes it: integers without a fraction, others shortest round-trip."""
    return str(int(x)) if x == int(x) else repr(float(x))


def self_test(folder):
    import pandas as pd

    tx = pd.read_csv(os.path.join(folder, "cdnow.csv"), float_precision="round_trip")
    tx["date"] = pd.to_datetime(tx["date"], format="%Y-%m-%d")
    as_of = pd.Timestamp(OBSERVATION_END)
    g = tx.groupby("customer_id", sort=False)
    c = pd.DataFrame({
        "first_day": g["date"].min(),                  # derive first_day = min(tx.date)
        "last_day": g["date"].max(),                   # derive last_day = max(tx.date)
        "frequency": g["date"].nunique() - 1,          # derive frequency = count(distinct tx.date) - 1
    })
    c["recency"] = (c["last_day"] - c["first_day"]).dt.days   # days_between(first_day, last_day)
    c["T"] = (as_of - c["first_day"]).dt.days                 # days_between(first_day, as_of)
    tx = tx.join(c["first_day"], on="customer_id")
    after = tx[tx["date"] > tx["first_day"]]                  # sum(tx.amount where date > first_day)
    c["repeat_spend"] = after.groupby("customer_id")["amount"].sum().reindex(c.index).fillna(0)
    c["monetary_value"] = [0.0 if f == 0 else s / f for f, s in zip(c["frequency"], c["repeat_spend"])]

    fd, path = tempfile.mkstemp(prefix="self-test-", suffix=".csv")
    try:
        with os.fdopen(fd, "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["customer_id"] + COLUMNS)
            for cid, row in c.iterrows():
                w.writerow([cid] + [strata_number(row[col]) for col in COLUMNS])
        print(f"self-test: the four values computed with pandas from {os.path.join(folder, 'cdnow.csv')}, "
              "formula for formula as cdnow.strata writes them")
        return compare(os.path.join(folder, "expected.csv"), path, label="self-test")
    finally:
        os.unlink(path)


def main(argv):
    if len(argv) == 2 and argv[0] == "--self-test":
        ok = self_test(argv[1])
    elif len(argv) == 2 and not argv[0].startswith("-"):
        ok = compare(argv[0], argv[1])
    else:
        sys.exit(__doc__.split("\n\n")[1])
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main(sys.argv[1:])
