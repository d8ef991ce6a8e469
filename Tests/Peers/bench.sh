#!/usr/bin/env bash
# The benchmark in one command: installs the peers, builds Strata (release), generates the data,
# runs every tool interleaved and prints the table. Arguments go to run_bench.py
# (e.g. --sizes 100k,1M --runs 5 --write-doc, or --check-only).
set -euo pipefail
cd "$(dirname "$0")/../.."
python=$(bash Tests/Peers/setup.sh | tail -1)
swift build -c release --product strata 2>&1 | tail -1 >&2
exec "$python" Tests/Peers/run_bench.py --strata .build/release/strata "$@"
