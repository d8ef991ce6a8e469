#!/usr/bin/env bash
# Installs the benchmark's peers (never Strata's own dependencies: it has none) into a venv under .build.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.build/peers-venv
if ! "$venv/bin/python" -c "import duckdb, pandas, polars" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q duckdb==2.0.0 pandas==3.1.1 polars==2.1.0
fi
echo "$venv/bin/python"
