#!/usr/bin/env bash
# Fuzzes Strata with libFuzzer and AddressSanitizer: rule text, CSV, JSON and the REPL's line handling.
#
#   Tests/Fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 60 s each, every target)
#
# All of Sources/Strata is compiled with the targets (Tests/StrataTests/Fuzz/FuzzTargets.swift, the same
# entry points FuzzRegressionTests replays) into one binary, .build/fuzz/strata-fuzz; it is rebuilt only
# when a source is newer. Each target's corpus grows in .build/fuzz/corpus/TARGET across runs; it starts
# from seeds made fresh from the examples, the golden inputs, slices of examples/data and the regression
# files. A crash, hang (over 10 s) or out-of-memory input is written to .build/fuzz/findings/TARGET/ and
# the target goes on with the time left. Exit status: 0 when nothing was found, 1 when something was.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(rules csv json repl)
out=.build/fuzz
bin=$out/strata-fuzz
mkdir -p "$out"

# --- build (only when a source changed) ---------------------------------------------------------------
sources=$(find Sources/Strata -name '*.swift' | sort)
inputs="$sources Tests/StrataTests/Fuzz/FuzzTargets.swift Tests/Fuzz/Main.swift"
stale=1
if [ -x "$bin" ]; then
  stale=0
  for f in $inputs; do [ "$f" -nt "$bin" ] && { stale=1; break; }; done
fi
if [ $stale = 1 ]; then
  echo "== building $bin (sanitizer build of the whole module: minutes)"
  t=$SECONDS
  # shellcheck disable=SC2086
  swiftc -module-name Strata -parse-as-library -sanitize=fuzzer,address -O -D STRATA_FUZZ \
    $inputs -lm -o "$bin.new" 2>&1 | grep -v "Cannot export local symbol" || true
  [ -x "$bin.new" ] || { echo "the fuzz build failed" >&2; exit 2; }
  mv "$bin.new" "$bin"
  echo "-- built in $((SECONDS - t)) s"
fi

# --- seeds ---------------------------------------------------------------------------------------------
# Slices of a CSV file, each with its header: the first rows, rows from the middle, the last rows.
slices() {
  local f=$1 dest=$2 base n
  base=$(basename "$f" .csv)
  n=$(wc -l < "$f")
  head -n 25 "$f" > "$dest/$base-head.csv"
  { head -n 1 "$f"; sed -n "$((n / 2)),$((n / 2 + 20))p" "$f"; } > "$dest/$base-middle.csv"
  { head -n 1 "$f"; tail -n 15 "$f"; } > "$dest/$base-tail.csv"
}

seed() {
  local target=$1 dest=$out/seeds/$1
  rm -rf "$dest"
  mkdir -p "$dest"
  case $target in
    rules|repl)
      find examples Tests/StrataTests/Golden -name '*.strata' -size -8k -exec cp --backup=numbered -t "$dest" {} +
      find Tests/StrataTests/Golden/fmt -name '*.formatted' -exec cp --backup=numbered -t "$dest" {} +
      if [ "$target" = repl ]; then
        # Keys as a terminal sends them: editing, history, completion, search, paste, Ctrl-C and Ctrl-D.
        printf 'cou\tvi\t\r.schema\r' > "$dest/keys-complete"
        printf 'segment a where clv > 1\x1b[D\x1b[D\x7f2\r\x1b[A\r' > "$dest/keys-edit-history"
        printf '\x1b[200~segment b where\n  clv > 2\x1b[201~\rcount b\r' > "$dest/keys-paste"
        printf 'segment c where (clv\r > 3)\r\x12seg\r\x03.mode csv\rcount c\r\x04' > "$dest/keys-continue-search"
        printf 'derive x = clv * 2\x01\x1bf\x0b\x19\x17\x15\r' > "$dest/keys-kill-yank"
      fi ;;
    csv)
      find Tests/StrataTests/Golden -name '*.csv' -size -8k -exec cp --backup=numbered -t "$dest" {} +
      for f in examples/data/*.csv; do slices "$f" "$dest"; done ;;
    json)
      find Tests/StrataTests/Golden -name '*.json' -size -8k -exec cp --backup=numbered -t "$dest" {} +
      find Tests/StrataTests/Golden -name '*.jsonl' -size -8k -exec cp --backup=numbered -t "$dest" {} +
      printf '[{"id":"C1","clv":1.5e6,"member":true,"last_visit":"2026-06-30","tags":null},{"id":"C2","clv":-0,"member":false}]' > "$dest/array.json"
      printf '{"id":"C1","customer_id":"C01","amount":9007199254740993}\n{"id":"C2","customer_id":"C02","amount":"12"}\n' > "$dest/lines.jsonl" ;;
  esac
  if [ -d "Tests/Fuzz/regressions/$target" ]; then
    find "Tests/Fuzz/regressions/$target" -type f -exec cp --backup=numbered -t "$dest" {} +
  fi
}

# --- run -----------------------------------------------------------------------------------------------
export SWIFT_BACKTRACE=enable=no   # libFuzzer reports the crash; Swift's backtracer would get in its way
export ASAN_OPTIONS=detect_leaks=0:malloc_context_size=4:allocator_may_return_null=0:handle_abort=1
found_any=0
summary=()
for target in "${targets[@]}"; do
  seed "$target"
  corpus=$out/corpus/$target
  findings=$out/findings/$target
  mkdir -p "$corpus" "$findings"
  case $target in rules|repl) dict=Tests/Fuzz/rules.dict ;; *) dict=Tests/Fuzz/data.dict ;; esac
  before=$(find "$findings" -type f | wc -l)
  execs=0; cov=0; ft=0
  deadline=$((SECONDS + seconds))
  log=$out/$target.log
  : > "$log"
  echo "== fuzzing $target for $seconds s"
  # libFuzzer stops at a finding; it is started again (on the grown corpus) until the time is used up.
  while [ $((deadline - SECONDS)) -gt 0 ]; do
    left=$((deadline - SECONDS))
    [ $left -gt 0 ] || left=1   # 0 would mean no limit to libFuzzer
    STRATA_FUZZ_TARGET=$target "$bin" "$corpus" "$out/seeds/$target" \
      -max_total_time=$left -timeout=10 -rss_limit_mb=3072 -max_len=8192 \
      -dict="$dict" -artifact_prefix="$findings/" -print_final_stats=1 > "$out/$target.last.log" 2>&1 || true
    cat "$out/$target.last.log" >> "$log"
    n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$target.last.log" | tail -1)
    if [ -z "$n" ] && ! grep -q 'Test unit written' "$out/$target.last.log"; then
      echo "the fuzzer did not run:" >&2; tail -5 "$out/$target.last.log" >&2; exit 2
    fi
    execs=$((execs + ${n:-0}))
    line=$(grep -E '^#[0-9]+.*cov: ' "$out/$target.last.log" | tail -1 || true)
    c=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<< "$line"); f=$(sed -n 's/.*ft: \([0-9]*\).*/\1/p' <<< "$line")
    [ "${c:-0}" -gt "$cov" ] && cov=$c
    [ "${f:-0}" -gt "$ft" ] && ft=$f
    # A finding ends a run early; an input that crashes at once would otherwise be retried in a tight loop.
    if [ $(( $(find "$findings" -type f | wc -l) - before )) -ge 5 ]; then break; fi
    grep -q 'Done [0-9]* runs\|DONE' "$out/$target.last.log" && break
  done
  spent=$((seconds - (deadline - SECONDS)))
  [ $spent -gt 0 ] || spent=1
  new=$(( $(find "$findings" -type f | wc -l) - before ))
  [ $new -eq 0 ] || found_any=1
  size=$(find "$corpus" -type f | wc -l)
  summary+=("$(printf '%-6s %10d execs %6d s %8d exec/s  cov %6d  ft %7d  corpus %6d  findings %d' \
    "$target" "$execs" "$spent" $((execs / spent)) "$cov" "$ft" "$size" "$new")")
  if [ $new -gt 0 ]; then
    find "$findings" -type f -newer "$out/seeds/$target" | sed 's/^/   finding: /'
  fi
done
echo "== fuzzing summary (full logs in $out/TARGET.log)"
printf '%s\n' "${summary[@]}"
exit $found_any
