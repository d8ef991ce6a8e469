"""Strata against DuckDB, polars and pandas on the same generated CSV and the same rules.

    bash Tests/Peers/bench.sh [--sizes 100k,1M,10M] [--runs 5] [--write-doc]
    bash Tests/Peers/bench.sh --check-only        # CI: 100k customers, one run each, counts only
    bash Tests/Peers/bench.sh --events [--sizes 1M] [--runs 3] [--check-only] [--write-doc]

(bench.sh installs the peers into .build/peers-venv and runs this file with that venv's Python.)

What it does, per size: generates the data with `strata gen` into .build/bench-data/SIZE/ (reused
when present), runs every tool once untimed (warm file cache) and then --runs times interleaved
(strata, duckdb, polars, pandas, strata, …). Every run's counts must be identical to Strata's, in
the same order; the run stops with a table of the differences otherwise. Each run's whole-process
wall time and peak RSS (ru_maxrss of the child, from wait4) are measured here; load and evaluate
times are what each tool reports (Strata: `--timings`; peers: JSON on stderr). The table shows
medians and Strata's ratio to each peer, all measured in the same session, and Strata's load rate
(the input's bytes over its reported load time).

--events runs the event-table benchmark instead: Tests/Peers/events/bench.strata (aggregates over
visits, purchases and complaints linked to the customers) against Tests/Peers/events/peer_duckdb.py
and peer_polars.py, on data from `strata gen --events` in .build/bench-data-events/SIZE/.
"""
import argparse, json, math, os, platform, re, shlex, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
VENV_PYTHON = os.path.join(ROOT, ".build", "peers-venv", "bin", "python")
SEED = 7


class Suite:
    """One benchmark: its rules, its peers, the tables it reads and where their data is generated."""

    def __init__(self, events):
        self.events = events
        folder = os.path.join(HERE, "events") if events else HERE
        self.rules = os.path.join(folder, "bench.strata")
        self.peers = ["duckdb", "polars"] if events else ["duckdb", "polars", "pandas"]
        self.peer_scripts = {p: os.path.join(folder, f"peer_{p}.py") for p in self.peers}
        self.tools = ["strata"] + self.peers
        # The tables the rules load, each from DIR/NAME.csv (referrals.csv is generated but not read).
        self.tables = ["customers", "visits", "purchases", "complaints"] if events else ["customers"]
        self.data_root = os.path.join(ROOT, ".build", "bench-data-events" if events else "bench-data")
        self.gen_flags = ["--events"] if events else []


def parse_size(label):
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([kKmM]?)", label)
    if not m:
        sys.exit(f"run_bench: bad size {label!r} (use e.g. 100k, 1M, 10M)")
    return int(float(m.group(1)) * {"": 1, "k": 1_000, "m": 1_000_000}[m.group(2).lower()])


def run(cmd):
    """Runs a command; returns (wall ms, peak RSS MiB, stdout, stderr, exit status)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        wall = (time.perf_counter() - start) * 1000
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        return wall, usage.ru_maxrss / 1024, out.read().decode(), err.read().decode(), p.returncode


def strata_counts(stdout):
    """`strata run --format csv` prints a `segment,count,share` block for the segments and a
    `NAME,count,share` block per tiers; rows become `segment,N` and `NAME=label,N`, in order."""
    rows, group = [], "segment"
    for line in stdout.splitlines():
        parts = line.rsplit(",", 2)
        if len(parts) != 3:
            continue
        if parts[1:] == ["count", "share"]:
            group = parts[0]
            continue
        rows.append((parts[0] if group == "segment" else f"{group}={parts[0]}", int(parts[1])))
    return rows


def peer_counts(stdout):
    rows = []
    for line in stdout.splitlines():
        name, _, n = line.rpartition(",")
        if name:
            rows.append((name, int(n)))
    return rows


def phases(tool, stderr):
    """(load ms, evaluate ms) as the tool reports them; NaN for a phase it does not report (a peer that
    reads its input inside the query reports `"load_ms": null`)."""
    if tool == "strata":
        m = re.search(r"timings: load ([\d.]+) ms, check ([\d.]+) ms, evaluate ([\d.]+) ms", stderr)
        return (float(m.group(1)), float(m.group(3))) if m else (math.nan, math.nan)
    for line in reversed(stderr.splitlines()):
        if line.startswith("{"):
            j = json.loads(line)
            return tuple(math.nan if j[k] is None else j[k] for k in ("load_ms", "eval_ms"))
    return math.nan, math.nan


def commands(args, suite, folder):
    """Strata reads each table with --data NAME=PATH; the flat peers take the customers' CSV, the event
    peers the folder."""
    data = [a for t in suite.tables for a in ("--data", f"{t}={os.path.join(folder, t + '.csv')}")]
    cmds = {"strata": [args.strata, "run", suite.rules, *data, "--format", "csv", "--timings"]}
    target = folder if suite.events else os.path.join(folder, "customers.csv")
    for peer in suite.peers:
        cmds[peer] = [args.python, suite.peer_scripts[peer], target]
    return cmds


def diff_table(tool, label, ref, got):
    names = list(dict.fromkeys([n for n, _ in ref] + [n for n, _ in got]))
    r, g = dict(ref), dict(got)
    lines = [f"run_bench: {tool} disagrees with strata on {label} customers:", f"  {'count':<32} {'strata':>10} {tool:>10}"]
    for n in names:
        if r.get(n) != g.get(n):
            lines.append(f"  {n:<32} {str(r.get(n, '-')):>10} {str(g.get(n, '-')):>10}")
    if [n for n, _ in ref] != [n for n, _ in got] and all(r.get(n) == g.get(n) for n in names):
        lines.append("  (same counts, different order)")
    return "\n".join(lines)


def checked_run(args, tool, cmd, label, reference):
    wall, rss, out, err, status = run(cmd)
    if status != 0:
        sys.exit(f"run_bench: {tool} failed (exit {status}) on {label} customers:\n  {shlex.join(cmd)}\n{err[-3000:]}")
    rows = strata_counts(out) if tool == "strata" else peer_counts(out)
    if not rows:
        sys.exit(f"run_bench: {tool} printed no counts on {label} customers:\n{out[:2000]}{err[-2000:]}")
    if reference is not None and rows != reference:
        sys.exit(diff_table(tool, label, reference, rows))
    load, ev = phases(tool, err)
    return rows, (wall, rss, load, ev)


def data(args, suite, label):
    """The folder of SIZE's CSV files, generated with `strata gen` the first time."""
    folder = os.path.join(suite.data_root, label)
    if not all(os.path.exists(os.path.join(folder, f"{t}.csv")) for t in suite.tables):
        print(f"generating {label} customers into {os.path.relpath(folder, ROOT)} …", file=sys.stderr, flush=True)
        subprocess.run([args.strata, "gen", "--customers", str(parse_size(label)), "--seed", str(SEED), *suite.gen_flags,
                        "--out", folder], check=True, stdout=subprocess.DEVNULL)
    return folder


def bench(args, suite, label):
    folder = data(args, suite, label)
    cmds = commands(args, suite, folder)
    # Warm-up (file cache, first-import costs), untimed; it also fixes the reference counts.
    reference, _ = checked_run(args, "strata", cmds["strata"], label, None)
    for peer in suite.peers:
        checked_run(args, peer, cmds[peer], label, reference)
    results = {t: [] for t in suite.tools}
    for i in range(args.runs):
        for tool in suite.tools:
            _, m = checked_run(args, tool, cmds[tool], label, reference)
            results[tool].append(m)
        print(f"  {label}: run {i + 1}/{args.runs} done", file=sys.stderr, flush=True)
    med = {t: [statistics.median(x[k] for x in v) for k in range(4)] for t, v in results.items()}
    spread = {t: (min(x[0] for x in v), max(x[0] for x in v)) for t, v in results.items()}
    return {"label": label, "folder": folder, "med": med, "spread": spread, "counts": len(reference)}


def ratio(a, b):
    return f"{a / b:.2f}×" if b and not math.isnan(a) and not math.isnan(b) else "–"


def ms(x):
    return "–" if math.isnan(x) else f"{x:.0f}"


def input_files(suite, folder):
    """(table, bytes, data rows) of each CSV the rules read."""
    out = []
    for t in suite.tables:
        path = os.path.join(folder, f"{t}.csv")
        with open(path, "rb") as f:
            rows = sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 24), b"")) - 1
        out.append((t, os.path.getsize(path), rows))
    return out


def table(suite, res, runs):
    files = input_files(suite, res["folder"])
    total_mb = sum(b for _, b, _ in files) / 1e6
    med, s = res["med"], res["med"]["strata"]
    what = (f"{total_mb:.0f} MB CSV" if len(files) == 1 else
            f"{total_mb:.0f} MB in {len(files)} CSV files: " + ", ".join(f"{t} {r:,} rows {b / 1e6:.0f} MB" for t, b, r in files))
    tools = {2: "two", 3: "three", 4: "four"}.get(len(suite.tools), str(len(suite.tools)))
    lines = [f"### {res['label']} customers ({what})", "",
             f"{res['counts']} counts identical across the {tools} tools; median of {runs} interleaved runs "
             f"(end-to-end range in brackets).", "",
             "| tool | load ms | evaluate ms | end-to-end ms | peak MiB | Strata ÷ tool: end-to-end | evaluate | peak memory |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for tool in suite.tools:
        wall, rss, load, ev = med[tool]
        lo, hi = res["spread"][tool]
        # A peer that reports no separate load phase has its reading inside "evaluate": no evaluate ratio.
        r = ("", "", "") if tool == "strata" else (ratio(s[0], wall), ratio(s[3], math.nan if math.isnan(load) else ev), ratio(s[1], rss))
        lines.append(f"| {tool} | {ms(load)} | {ms(ev)} | {wall:.0f} [{lo:.0f}–{hi:.0f}] | {rss:.0f} | {r[0]} | {r[1]} | {r[2]} |")
    inside = [t for t in suite.peers if math.isnan(med[t][2])]
    if inside:
        lines += ["", f"{' and '.join(inside)} read{'s' if len(inside) == 1 else ''} the CSV files inside one query: "
                      "evaluate includes the reading, so there is no evaluate ratio."]
    lines += ["", f"Strata's load rate: {total_mb / s[2] * 1000:.0f} MB/s ({total_mb:.0f} MB of input in its reported "
                  f"load time of {s[2]:.0f} ms, median)."]
    return "\n".join(lines) + "\n"


def scaling(suite, results):
    """Least-squares slope of log(end-to-end ms) against log(customers), per tool (two sizes: the
    slope between them). 1.0 is linear."""
    xs = [math.log(parse_size(r["label"])) for r in results]
    out = []
    for tool in suite.tools:
        ys = [math.log(r["med"][tool][0]) for r in results]
        mx, my = statistics.mean(xs), statistics.mean(ys)
        k = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
        out.append(f"{tool} n^{k:.2f}")
    first, last = results[0]["label"], results[-1]["label"]
    return (f"Scaling of end-to-end time from {first} to {last} customers (log-log slope; 1.00 is linear, "
            f"and fixed start-up costs pull it below 1): **{out[0]}**; " + ", ".join(out[1:]) + ".\n")


def sh(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def machine(args):
    model = next((l.split(":", 1)[1].strip() for l in sh(["lscpu"]).splitlines() if l.startswith("Model name")), "?")
    mem = "?"
    try:
        kib = int(next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")))
        mem = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    osname = platform.platform()
    try:
        osname = next(l.split("=", 1)[1].strip().strip('"') for l in open("/etc/os-release") if l.startswith("PRETTY_NAME"))
        osname += f", Linux {platform.release()}"
    except (OSError, StopIteration):
        pass
    versions = sh([args.python, "-c", "import sys, duckdb, pandas, polars, numpy; "
                   "print(f'Python {sys.version.split()[0]}, duckdb {duckdb.__version__}, pandas {pandas.__version__}, "
                   "polars {polars.__version__}, numpy {numpy.__version__}')"])
    swift = sh(["swift", "--version"]).splitlines()
    commit = sh(["git", "-C", ROOT, "describe", "--always", "--dirty"])
    version = sh([args.strata, "version"]).splitlines()
    built = (f"`swift build -c release` of commit {commit or '?'}" if not args.strata_given
             else f"`{args.strata}`, given with --strata (not built by the benchmark; checkout at {commit or '?'})")
    return [f"- Machine: {sh(['nproc']) or os.cpu_count()} cores available (`nproc`), {model}, {mem} memory",
            f"- OS: {osname}",
            f"- Strata: {built}; `strata version`: {version[0] if version else '?'}; {swift[0] if swift else 'swift ?'}",
            f"- Peers: {versions or '?'}"]


def startup(args):
    example = os.path.join(ROOT, "examples", "vip-program.strata")
    times = []
    for _ in range(20):
        wall, _, _, err, status = run([args.strata, "run", example, "--format", "csv"])
        if status != 0:
            sys.exit(f"run_bench: `strata run examples/vip-program.strata` failed (exit {status}):\n{err[-2000:]}")
        times.append(wall)
    return statistics.median(times)


def build_strata(args):
    if args.strata_given:
        if not os.path.exists(args.strata):
            sys.exit(f"run_bench: no strata binary at {args.strata}")
        return
    if args.no_build and os.path.exists(args.strata):
        return
    # Incremental, so cheap when nothing changed; a stale binary would misrepresent the code.
    print("building strata (swift build -c release) …", file=sys.stderr, flush=True)
    r = subprocess.run(["swift", "build", "-c", "release", "--product", "strata"], cwd=ROOT,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if r.returncode != 0 or not os.path.exists(args.strata):
        sys.exit("run_bench: `swift build -c release` failed; pass --strata PATH to use another build\n" + r.stdout[-3000:])


def check_only(args, suite):
    cmds = commands(args, suite, data(args, suite, "100k"))
    reference, _ = checked_run(args, "strata", cmds["strata"], "100k", None)
    failed = 0
    for peer in suite.peers:
        wall, _, out, err, status = run(cmds[peer])
        rows = peer_counts(out) if status == 0 else []
        if rows == reference:
            print(f"ok: {peer} gives strata's {len(reference)} counts")
        else:
            failed += 1
            print(f"FAIL: {peer}" + (f" exited {status}:\n{err[-2000:]}" if status else "\n" + diff_table(peer, "100k", reference, rows)))
    print(f"peers: {len(suite.peers) - failed} passed, {failed} failed")
    return 1 if failed else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--strata", help="the strata binary (default: .build/release/strata, built with swift build -c release)")
    ap.add_argument("--python", default=VENV_PYTHON if os.path.exists(VENV_PYTHON) else sys.executable,
                    help="Python with duckdb, pandas and polars (default: .build/peers-venv, see setup.sh)")
    ap.add_argument("--sizes", default="100k,1M", help="comma-separated, e.g. 100k,1M,10M")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per tool and size (at least 5 for the doc)")
    ap.add_argument("--no-build", action="store_true", help="use an existing .build/release/strata as it is")
    ap.add_argument("--check-only", action="store_true", help="100k customers, one run each: only check the counts agree")
    ap.add_argument("--events", action="store_true",
                    help="the event-table benchmark (Tests/Peers/events/: visits, purchases, complaints; DuckDB and polars)")
    ap.add_argument("--note", default="", help="a line printed with the results (e.g. what the Strata build is)")
    ap.add_argument("--write-doc", action="store_true", help="also write the results into docs/performance.md")
    args = ap.parse_args()
    args.strata_given = args.strata is not None
    args.strata = os.path.abspath(args.strata or os.path.join(ROOT, ".build", "release", "strata"))
    build_strata(args)
    suite = Suite(args.events)
    if args.check_only:
        sys.exit(check_only(args, suite))
    min_runs = 3 if suite.events else 5
    if args.write_doc and args.runs < min_runs:
        sys.exit(f"run_bench: --write-doc needs --runs {min_runs} or more")

    labels = [l.strip() for l in args.sizes.split(",") if l.strip()]
    labels.sort(key=parse_size)
    argv, shown = sys.argv[1:], []
    while argv:  # the command as typed, less the --python bench.sh adds
        a = argv.pop(0)
        if a == "--python":
            argv.pop(0) if argv else None
        elif not a.startswith("--python="):
            shown.append(a)
    command = "bash Tests/Peers/bench.sh " + shlex.join(shown)
    results = []
    for label in labels:
        results.append(bench(args, suite, label))
        print(table(suite, results[-1], args.runs), flush=True)
    head = [f"Measured {time.strftime('%Y-%m-%d %H:%M %Z')} with `{command.strip()}`.", ""] + machine(args) + [""]
    if args.note:
        head += [f"**Note:** {args.note}", ""]
    tail = [scaling(suite, results)] if len(results) >= 2 else []
    if not suite.events:
        tail.append(f"Start-up: `strata run examples/vip-program.strata` (the bundled 5,000 customers, one export) "
                    f"takes {startup(args):.0f} ms end-to-end (median of 20 runs).\n")
    print("\n".join(head + tail))  # the tables were printed as they were measured
    text = "\n".join(head + [table(suite, r, args.runs) for r in results] + tail)
    if args.write_doc:
        write_doc(suite, text)


def write_doc(suite, text):
    """The flat benchmark's results replace everything below RESULTS in docs/performance.md; the event
    benchmark's replace what stands between EVENT_RESULTS and EVENT_RESULTS_END (in its section)."""
    path = os.path.join(ROOT, "docs", "performance.md")
    doc = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
    if suite.events:
        if EVENT_RESULTS not in doc or EVENT_RESULTS_END not in doc:
            sys.exit(f"run_bench: {os.path.relpath(path, ROOT)} has no lines {EVENT_RESULTS} … {EVENT_RESULTS_END}")
        before, rest = doc.split(EVENT_RESULTS, 1)
        doc = before + EVENT_RESULTS + "\n\n" + text.rstrip() + "\n\n" + EVENT_RESULTS_END + rest.split(EVENT_RESULTS_END, 1)[1]
    else:
        head = doc.split(RESULTS)[0].rstrip() + "\n\n" if doc else ""
        doc = head + RESULTS + "\n\n## Results\n\n" + text
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        f.write(doc)
    os.replace(path + ".tmp", path)
    print(f"wrote {os.path.relpath(path, ROOT)}", file=sys.stderr)


RESULTS = "<!-- results: everything below is written by Tests/Peers/run_bench.py --write-doc -->"
EVENT_RESULTS = "<!-- event results: written by Tests/Peers/run_bench.py --events --write-doc -->"
EVENT_RESULTS_END = "<!-- end of event results -->"


if __name__ == "__main__":
    main()
