"""Strata against DuckDB, polars and pandas on the same generated CSV and the same rules.

    bash Tests/Peers/bench.sh [--sizes 100k,1M,10M] [--runs 5] [--write-doc]
    bash Tests/Peers/bench.sh --check-only        # CI: 100k customers, one run each, counts only

(bench.sh installs the peers into .build/peers-venv and runs this file with that venv's Python.)

What it does, per size: generates the data with `strata gen` into .build/bench-data/SIZE/ (reused
when present), runs every tool once untimed (warm file cache) and then --runs times interleaved
(strata, duckdb, polars, pandas, strata, …). Every run's counts must be identical to Strata's, in
the same order; the run stops with a table of the differences otherwise. Each run's whole-process
wall time and peak RSS (ru_maxrss of the child, from wait4) are measured here; load and evaluate
times are what each tool reports (Strata: `--timings`; peers: JSON on stderr). The table shows
medians and Strata's ratio to each peer, all measured in the same session.
"""
import argparse, json, math, os, platform, re, shlex, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
RULES = os.path.join(HERE, "bench.strata")
VENV_PYTHON = os.path.join(ROOT, ".build", "peers-venv", "bin", "python")
PEERS = ["duckdb", "polars", "pandas"]
TOOLS = ["strata"] + PEERS
SEED = 7


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
    """(load ms, evaluate ms) as the tool reports them."""
    if tool == "strata":
        m = re.search(r"timings: load ([\d.]+) ms, check ([\d.]+) ms, evaluate ([\d.]+) ms", stderr)
        return (float(m.group(1)), float(m.group(3))) if m else (math.nan, math.nan)
    for line in reversed(stderr.splitlines()):
        if line.startswith("{"):
            j = json.loads(line)
            return j["load_ms"], j["eval_ms"]
    return math.nan, math.nan


def commands(args, csv):
    cmds = {"strata": [args.strata, "run", RULES, "--data", f"customers={csv}", "--format", "csv", "--timings"]}
    for peer in PEERS:
        cmds[peer] = [args.python, os.path.join(HERE, f"peer_{peer}.py"), csv]
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


def data(args, label):
    folder = os.path.join(ROOT, ".build", "bench-data", label)
    csv = os.path.join(folder, "customers.csv")
    if not os.path.exists(csv):
        print(f"generating {label} customers into {os.path.relpath(folder, ROOT)} …", file=sys.stderr, flush=True)
        subprocess.run([args.strata, "gen", "--customers", str(parse_size(label)), "--seed", str(SEED), "--out", folder],
                       check=True, stdout=subprocess.DEVNULL)
    return csv


def bench(args, label):
    csv = data(args, label)
    cmds = commands(args, csv)
    # Warm-up (file cache, first-import costs), untimed; it also fixes the reference counts.
    reference, _ = checked_run(args, "strata", cmds["strata"], label, None)
    for peer in PEERS:
        checked_run(args, peer, cmds[peer], label, reference)
    results = {t: [] for t in TOOLS}
    for i in range(args.runs):
        for tool in TOOLS:
            _, m = checked_run(args, tool, cmds[tool], label, reference)
            results[tool].append(m)
        print(f"  {label}: run {i + 1}/{args.runs} done", file=sys.stderr, flush=True)
    med = {t: [statistics.median(x[k] for x in v) for k in range(4)] for t, v in results.items()}
    spread = {t: (min(x[0] for x in v), max(x[0] for x in v)) for t, v in results.items()}
    return {"label": label, "csv": csv, "med": med, "spread": spread, "counts": len(reference)}


def ratio(a, b):
    return f"{a / b:.2f}×" if b and not math.isnan(a) and not math.isnan(b) else "–"


def table(res, runs):
    size_mb = os.path.getsize(res["csv"]) / 1e6
    med, s = res["med"], res["med"]["strata"]
    lines = [f"### {res['label']} customers ({size_mb:.0f} MB CSV)", "",
             f"{res['counts']} counts identical across the four tools; median of {runs} interleaved runs "
             f"(end-to-end range in brackets).", "",
             "| tool | load ms | evaluate ms | end-to-end ms | peak MiB | Strata ÷ tool: end-to-end | evaluate | peak memory |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for tool in TOOLS:
        wall, rss, load, ev = med[tool]
        lo, hi = res["spread"][tool]
        r = ("", "", "") if tool == "strata" else (ratio(s[0], wall), ratio(s[3], ev), ratio(s[1], rss))
        lines.append(f"| {tool} | {load:.0f} | {ev:.0f} | {wall:.0f} [{lo:.0f}–{hi:.0f}] | {rss:.0f} | {r[0]} | {r[1]} | {r[2]} |")
    return "\n".join(lines) + "\n"


def scaling(results):
    """Least-squares slope of log(end-to-end ms) against log(customers), per tool (two sizes: the
    slope between them). 1.0 is linear."""
    xs = [math.log(parse_size(r["label"])) for r in results]
    out = []
    for tool in TOOLS:
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


def check_only(args):
    csv = data(args, "100k")
    cmds = commands(args, csv)
    reference, _ = checked_run(args, "strata", cmds["strata"], "100k", None)
    failed = 0
    for peer in PEERS:
        wall, _, out, err, status = run(cmds[peer])
        rows = peer_counts(out) if status == 0 else []
        if rows == reference:
            print(f"ok: {peer} gives strata's {len(reference)} counts")
        else:
            failed += 1
            print(f"FAIL: {peer}" + (f" exited {status}:\n{err[-2000:]}" if status else "\n" + diff_table(peer, "100k", reference, rows)))
    print(f"peers: {len(PEERS) - failed} passed, {failed} failed")
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
    ap.add_argument("--note", default="", help="a line printed with the results (e.g. what the Strata build is)")
    ap.add_argument("--write-doc", action="store_true", help="also write the results into docs/performance.md")
    args = ap.parse_args()
    args.strata_given = args.strata is not None
    args.strata = os.path.abspath(args.strata or os.path.join(ROOT, ".build", "release", "strata"))
    build_strata(args)
    if args.check_only:
        sys.exit(check_only(args))
    if args.write_doc and args.runs < 5:
        sys.exit("run_bench: --write-doc needs --runs 5 or more")

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
        results.append(bench(args, label))
        print(table(results[-1], args.runs), flush=True)
    head = [f"Measured {time.strftime('%Y-%m-%d %H:%M %Z')} with `{command.strip()}`.", ""] + machine(args) + [""]
    if args.note:
        head += [f"**Note:** {args.note}", ""]
    tail = [scaling(results)] if len(results) >= 2 else []
    tail.append(f"Start-up: `strata run examples/vip-program.strata` (the bundled 5,000 customers, one export) "
                f"takes {startup(args):.0f} ms end-to-end (median of 20 runs).\n")
    print("\n".join(head + tail))  # the tables were printed as they were measured
    text = "\n".join(head + [table(r, args.runs) for r in results] + tail)
    if args.write_doc:
        path = os.path.join(ROOT, "docs", "performance.md")
        marker = "<!-- results: everything below is written by Tests/Peers/run_bench.py --write-doc -->"
        head = open(path, encoding="utf-8").read().split(marker)[0].rstrip() + "\n\n" if os.path.exists(path) else ""
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            f.write(head + marker + "\n\n## Results\n\n" + text)
        os.replace(path + ".tmp", path)
        print(f"wrote {os.path.relpath(path, ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
