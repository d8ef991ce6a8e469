#!/usr/bin/env bash
# Installs the benchmark's peers into .build/peers-venv (Strata itself needs none of this) and prints
# that venv's python. Idempotent: silent apart from the path when the pinned versions are there.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.build/peers-venv
pins=(duckdb==2.0.0 pandas==3.1.1 polars==2.1.0 numpy==2.4.6)
check='import duckdb, pandas, polars, numpy
want = dict(a.split("==") for a in __import__("sys").argv[1:])
have = {"duckdb": duckdb.__version__, "pandas": pandas.__version__, "polars": polars.__version__, "numpy": numpy.__version__}
raise SystemExit(0 if all(have[k] == v for k, v in want.items()) else 1)'
if ! "$venv/bin/python" -c "$check" "${pins[@]}" 2>/dev/null; then
  echo "setup.sh: installing ${pins[*]} into $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "${pins[@]}" >&2
fi
echo "$PWD/$venv/bin/python"
