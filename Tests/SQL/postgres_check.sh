#!/usr/bin/env bash
# `strata sql --dialect postgres --with-load` run through psql on a real PostgreSQL server against
# `strata run --membership`, cell by cell, for every example and the edge cases in Tests/SQL/cases/
# that PostgreSQL can express. The server is made for the check: initdb into a temporary folder, socket
# only (no TCP), started and stopped here. Its default collation is ICU's root locale, so text order
# that forgot `COLLATE "C"` would show.
# usage: Tests/SQL/postgres_check.sh [--strata PATH]
set -euo pipefail
cd "$(dirname "$0")/../.."
strata=$PWD/.build/debug/strata
if [[ ${1:-} == --strata ]]; then strata=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); fi
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [[ -z $bin ]]; then
  (apt-get update -qq && apt-get install -y -qq postgresql) > /dev/null 2>&1 || true
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
fi
[[ -n $bin ]] || { echo "postgres_check: PostgreSQL could not be installed" >&2; exit 1; }
dir=$(mktemp -d)
as=()
# PostgreSQL refuses to run as root: the server runs as the postgres user when we are root.
if [[ $(id -u) == 0 ]]; then chown postgres "$dir"; as=(runuser -u postgres --); fi
"${as[@]}" "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 --locale-provider=icu --icu-locale=und > "$dir/initdb.log"
"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -o "-k $dir -c listen_addresses=''" -l "$dir/server.log" -w start > /dev/null
stop() { "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop > /dev/null || true; rm -rf "$dir"; }
trap stop EXIT
export PGHOST=$dir PGUSER=postgres
echo "   $("$bin/postgres" --version)"
# edge.strata uses `%`, which is refused for PostgreSQL (docs/sql.md); its PostgreSQL twin
# is the same file without those two lines.
grep -v -e ' % ' Tests/SQL/cases/edge.strata > Tests/SQL/cases/.edge-postgres.strata
trap 'rm -f Tests/SQL/cases/.edge-postgres.strata; stop' EXIT
python=$(bash Tests/Peers/setup.sh)
"$python" Tests/SQL/sql_check.py --strata "$strata" --engine postgres --strict examples/*.strata Tests/SQL/cases/events.strata Tests/SQL/cases/functions.strata Tests/SQL/cases/windows.strata Tests/SQL/cases/linked-only.strata Tests/SQL/cases/computed.strata \
  Tests/SQL/cases/.edge-postgres.strata
