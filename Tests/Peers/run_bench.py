"""Runs Strata, DuckDB, polars and pandas on the same generated CSV and the same rules
(Tests/Peers/bench.strata and its translations), checks that every tool's segment counts are
identical, and prints a table of load, evaluate and end-to-end times and peak memory, with
Strata's ratio to each peer measured in the same run (medians of interleaved runs)."""
import argparse, json, math, os, platform, re, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SIZES = {"100k": 100_000, "1M": 1_000_000, "10M": 10_000_000}


def run(cmd):
    """Runs a command; returns (wall seconds, peak RSS in MiB, stdout, stderr, exit status)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=err)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - start
        out.seek(0); err.seek(0)
        return wall, usage.ru_maxrss / 1024, out.read().decode(), err.read().decode(), os.waitstatus_to_exitcode(status)


def counts(tool, stdout):
    rows = {}
    for line in stdout.splitlines():
        parts = line.split(",")
        if len(parts) < 2 or parts[1] == "count":
            continue
        rows[parts[0]] = int(parts[1])
    return rows


def phases(tool, stderr):
    if tool == "strata":
        m = re.search(r"timings: load ([\d.]+) ms, check ([\d.]+) ms, evaluate ([\d.]+) ms", stderr)
        return (float(m.group(1)), float(m.group(3))) if m else (math.nan, math.nan)
    for line in reversed(stderr.splitlines()):
        if line.startswith("{"):
            j = json.loads(line)
            return j["load_ms"], j["eval_ms"]
    return math.nan, math.nan


def commands(args, csv):
    py = sys.executable
    return {
        "strata": [args.strata, "run", os.path.join(HERE, "bench.strata"), "--data", f"customers={csv}", "--format", "csv", "--timings"],
        "duckdb": [py, os.path.join(HERE, "peer_duckdb.py"), csv],
        "polars": [py, os.path.join(HERE, "peer_polars.py"), csv],
        "pandas": [py, os.path.join(HERE, "peer_pandas.py"), csv],
    }


def data(args, label):
    folder = os.path.join(ROOT, ".build", "bench-data", label)
    csv = os.path.join(folder, "customers.csv")
    if not os.path.exists(csv):
        subprocess.run([args.strata, "gen", "--customers", str(SIZES[label]), "--seed", "2026", "--out", folder], check=True)
    return csv


def bench(args, label):
    csv = data(args, label)
    cmds = commands(args, csv)
    results = {t: [] for t in cmds}
    reference = None
    for r in range(args.runs):
        for tool, cmd in cmds.items():
            wall, rss, out, err, status = run(cmd)
            if status != 0:
                sys.exit(f"{tool} failed on {label}:\n{err}")
            c = counts(tool, out)
            if reference is None:
                reference = c
            elif c != reference:
                diff = {k: (reference.get(k), c.get(k)) for k in set(reference) | set(c) if reference.get(k) != c.get(k)}
                sys.exit(f"{tool} disagrees with strata on {label}: {diff}")
            load, ev = phases(tool, err)
            results[tool].append((wall * 1000, rss, load, ev))
    med = {t: [statistics.median(x[i] for x in v) for i in range(4)] for t, v in results.items()}
    return csv, med, len(reference)


def table(label, csv, med, n_counts, runs):
    size_mb = os.path.getsize(csv) / 1e6
    s = med["strata"]
    lines = [f"### {label} customers ({size_mb:.0f} MB CSV, {n_counts} counts identical across tools, median of {runs} interleaved runs)", "",
             "| tool | load ms | evaluate ms | end-to-end ms | peak MiB | Strata ÷ tool, end-to-end | evaluate | peak memory |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for tool, (wall, rss, load, ev) in med.items():
        ratio = lambda a, b: f"{a / b:.2f}×" if b and not math.isnan(b) else "–"
        r = ("", "", "") if tool == "strata" else (ratio(s[0], wall), ratio(s[3], ev), ratio(s[1], rss))
        lines.append(f"| {tool} | {load:.0f} | {ev:.0f} | {wall:.0f} | {rss:.0f} | {r[0]} | {r[1]} | {r[2]} |")
    return "\n".join(lines) + "\n"


def machine():
    model = ""
    try:
        model = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = ""
    try:
        mem = f"{int(next(l.split()[1] for l in open('/proc/meminfo') if l.startswith('MemTotal'))) / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration):
        pass
    import duckdb, pandas, polars
    return (f"{os.cpu_count()} cores ({model}), {mem} memory, {platform.platform()}; "
            f"Python {platform.python_version()}, duckdb {duckdb.__version__}, pandas {pandas.__version__}, polars {polars.__version__}")


def startup(args):
    example = os.path.join(ROOT, "examples", "vip-program.strata")
    times = [run([args.strata, "run", example])[0] * 1000 for _ in range(20)]
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--strata", default=os.path.join(ROOT, ".build", "release", "strata"))
    ap.add_argument("--sizes", default="100k,1M")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--check-only", action="store_true", help="one run at 100k: only check that the counts agree")
    ap.add_argument("--write-doc", action="store_true", help="also write docs/performance.md")
    args = ap.parse_args()
    if args.check_only:
        csv = data(args, "100k")
        outs = {t: counts(t, run(c)[2]) for t, c in commands(args, csv).items()}
        ref = outs["strata"]
        bad = [t for t, c in outs.items() if c != ref or not c]
        print(f"peers: {len(ref)} counts compared on 100k customers; " + ("all tools agree" if not bad else f"disagree: {bad}"))
        print(f"{len(outs) - len(bad)} passed, {len(bad)} failed")
        sys.exit(1 if bad else 0)
    labels = args.sizes.split(",")
    report = [f"Measured {time.strftime('%Y-%m-%d')} on {machine()}.", "",
              f"Command: `bash Tests/Peers/bench.sh --sizes {args.sizes} --runs {args.runs}`", ""]
    e2e = {}
    for label in labels:
        csv, med, n = bench(args, label)
        e2e[label] = med["strata"][0]
        report.append(table(label, csv, med, n, args.runs))
        print(report[-1], flush=True)
    if len(labels) >= 2:
        a, b = labels[0], labels[-1]
        k = math.log(e2e[b] / e2e[a]) / math.log(SIZES[b] / SIZES[a])
        report.append(f"Strata's end-to-end time grows as n^{k:.2f} from {a} to {b} customers.\n")
    report.append(f"Startup: `strata run examples/vip-program.strata` (5,000 customers) takes {startup(args):.0f} ms (median of 20).\n")
    text = "\n".join(report)
    print(text.split("\n\n")[0] if False else report[-1])
    if args.write_doc:
        path = os.path.join(ROOT, "docs", "performance.md")
        head = open(path).read().split("<!-- results -->")[0] if os.path.exists(path) else ""
        with open(path + ".tmp", "w") as f:
            f.write(head + "<!-- results -->\n\n" + text)
        os.replace(path + ".tmp", path)


if __name__ == "__main__":
    main()
