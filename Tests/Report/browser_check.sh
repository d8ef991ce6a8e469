#!/usr/bin/env bash
# `strata report` in a real browser: renders the report of examples/director-report.strata with headless
# Chromium (Debian's `chromium`; installed here when missing, version printed, nothing pinned), checks the
# DOM the browser built against numbers computed without the report (the membership table of
# `strata run --membership`, the data files' own rows and `hashlib` checksums, the rule file's lines), and
# saves a screenshot. Prints one line per check and "N passed, N failed"; exit 1 when a check fails.
#
#   bash Tests/Report/browser_check.sh [--strata .build/debug/strata] [--out DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=.build/debug/strata
out=.build/report-check
while [ $# -gt 0 ]; do
  case "$1" in
    --strata) bin=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "usage: $0 [--strata BIN] [--out DIR]" >&2; exit 2 ;;
  esac
done
[ -x "$bin" ] || { echo "no strata binary at $bin (run swift build first)" >&2; exit 2; }

# Chromium, and a CJK font so the screenshot shows 钻石 rather than boxes (the DOM checks do not need it).
if ! command -v chromium >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) > /dev/null 2>&1 || true
fi
command -v chromium >/dev/null 2>&1 || { echo "chromium could not be installed; the browser check did not run" >&2; exit 1; }
if ! fc-list 2>/dev/null | grep -qiE 'wenquanyi|noto sans cjk|droid sans fallback'; then
  (DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-zenhei) > /dev/null 2>&1 || true
fi
echo "browser: $(chromium --version 2>/dev/null | head -1)"

rules=examples/director-report.strata
rm -rf "$out" && mkdir -p "$out"
"$bin" report "$rules" -o "$out/report.html" 2> "$out/report.stderr"
"$bin" run "$rules" --membership "$out/membership.csv" > /dev/null

# Headless, no sandbox (CI runs as root), its own profile folder so runs do not share state.
chrome() {
  chromium --headless --no-sandbox --disable-gpu --user-data-dir="$out/profile" "$@" 2> "$out/chromium.log"
}
page="file://$(pwd)/$out/report.html"
chrome --dump-dom "$page" > "$out/dom.html"
chrome --screenshot="$out/report.png" --window-size=1280,2400 --hide-scrollbars "$page" > /dev/null
[ -s "$out/report.png" ] && echo "screenshot: $out/report.png" || { echo "FAIL no screenshot"; exit 1; }

python3 Tests/Report/check_dom.py --dom "$out/dom.html" --membership "$out/membership.csv" --rules "$rules" \
  --data customers=examples/data/customers.csv --data purchases=examples/data/purchases.csv
