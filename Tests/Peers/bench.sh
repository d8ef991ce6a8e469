#!/usr/bin/env bash
# The benchmark in one command: installs the peers (Tests/Peers/setup.sh), then runs
# Tests/Peers/run_bench.py with the venv's Python, which builds Strata in release, generates the data
# into .build/bench-data, runs every tool interleaved and prints the table. Arguments go to
# run_bench.py, e.g.  --sizes 100k,1M,10M --runs 5 --write-doc   or   --check-only   or   --strata PATH;
# --events: the event-table benchmark (Tests/Peers/events/, data in .build/bench-data-events).
set -euo pipefail
cd "$(dirname "$0")/../.."
python=$(bash Tests/Peers/setup.sh)
exec "$python" Tests/Peers/run_bench.py --python "$python" "$@"
