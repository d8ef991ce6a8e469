#!/usr/bin/env bash
# `strata sql --dialect duckdb --with-load` run in DuckDB (the pinned duckdb of Tests/Peers/setup.sh)
# against `strata run --membership`, cell by cell: every example and cookbook recipe, the edge cases in Tests/SQL/cases/,
# and rfm.strata on 130,000 generated customers (more than one of DuckDB's row groups, so load order
# through a parallel read is checked too). A rule file `strata sql` refuses fails the check (--strict).
# usage: Tests/SQL/duckdb_check.sh [--strata PATH]
set -euo pipefail
cd "$(dirname "$0")/../.."
strata=.build/debug/strata
if [[ ${1:-} == --strata ]]; then strata=$2; fi
python=$(bash Tests/Peers/setup.sh)
# Every rule file docs/cookbook.md names (a recipe may live outside examples/*.strata, like the snapshot).
mapfile -t files < <(printf '%s\n' examples/*.strata $(grep -o 'examples/[A-Za-z0-9./_-]*\.strata' docs/cookbook.md) | sort -u)
"$python" Tests/SQL/sql_check.py --strata "$strata" --strict "${files[@]}" Tests/SQL/cases/*.strata
data=.build/sql-check-data
if [[ ! -f $data/customers.csv ]]; then "$strata" gen --customers 130000 --seed 12 --out "$data" > /dev/null; fi
"$python" Tests/SQL/sql_check.py --strata "$strata" --strict --data "customers=$data/customers.csv" examples/rfm.strata
