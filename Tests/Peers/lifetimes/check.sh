#!/usr/bin/env bash
# Strata against the Python package `lifetimes` on CDNOW (issue 10, event tables): for each of the
# 23,570 customers of the CDNOW transactions bundled with lifetimes, Strata's frequency, recency, T and
# monetary_value (cdnow.strata, from the purchases linked by customer_id) must equal what lifetimes'
# summary_data_from_transaction_data computes (daily periods, observation end 1998-06-30).
#
#   bash Tests/Peers/lifetimes/check.sh [--strata PATH]    # default .build/debug/strata (swift build first)
#   bash Tests/Peers/lifetimes/check.sh --self-test        # no Strata: the definitions against lifetimes
#
# Steps: setup.sh installs pinned lifetimes into .build/lifetimes-venv; prepare.py writes
# .build/lifetimes-check/cdnow.csv and lifetimes' expected.csv; Strata runs cdnow.strata, which exports
# .build/lifetimes-check/strata.csv; compare.py joins the two on customer_id and ends with
# `N passed, N failed` (N customers). Exits 1 on any difference. For CI (.ci/run):
#   part "lifetimes check" bash Tests/Peers/lifetimes/check.sh --strata .build/debug/strata
set -euo pipefail
cd "$(dirname "$0")/../../.."
here=Tests/Peers/lifetimes
out=.build/lifetimes-check
strata=.build/debug/strata
self_test=0
while [ $# -gt 0 ]; do
  case $1 in
    --strata) [ $# -ge 2 ] || { echo "check.sh: --strata needs a path" >&2; exit 2; }; strata=$2; shift 2 ;;
    --self-test) self_test=1; shift ;;
    *) echo "usage: bash $here/check.sh [--strata PATH | --self-test]" >&2; exit 2 ;;
  esac
done

python=$(bash "$here/setup.sh")
"$python" "$here/prepare.py" --out "$out"

if [ "$self_test" = 1 ]; then
  exec "$python" "$here/compare.py" --self-test "$out"
fi

if [ ! -x "$strata" ]; then
  echo "check.sh: no Strata binary at $strata (run \`swift build\`, or pass --strata PATH)" >&2
  exit 2
fi
rm -f "$out/strata.csv"
echo "check.sh: $strata run $here/cdnow.strata" >&2
"$strata" run "$here/cdnow.strata" >&2
exec "$python" "$here/compare.py" "$out/expected.csv" "$out/strata.csv"
