#!/usr/bin/env bash
# `strata sql --dialect spark --with-load` run in Spark (pinned PySpark in local mode, its own venv under
# .build/, Java 17) against `strata run --membership`, cell by cell, with spark.sql.ansi.enabled true and
# then false, in one Spark session: every example, the edge cases in Tests/SQL/cases/ that Spark can
# express, and rfm.strata on 130,000 generated customers read with 64 KiB splits (more than a hundred
# partitions if the reader split the file), so `_row` is shown to follow file order.
# usage: Tests/SQL/spark_check.sh [--strata PATH]
set -euo pipefail
cd "$(dirname "$0")/../.."
strata=.build/debug/strata
if [[ ${1:-} == --strata ]]; then strata=$2; fi
venv=.build/spark-venv
pyspark=4.0.1
if [[ ! -x $venv/bin/python ]] || ! "$venv/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$pyspark')" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "pyspark==$pyspark" >&2
fi
if ! command -v java > /dev/null 2>&1; then
  (apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless) > /dev/null 2>&1 || true
fi
command -v java > /dev/null 2>&1 || { echo "spark_check: Java could not be installed" >&2; exit 1; }
java -version 2>&1 | head -1 | sed 's/^/   /'
echo "   pyspark $pyspark"
data=.build/sql-check-data
if [[ ! -f $data/customers.csv ]]; then "$strata" gen --customers 130000 --seed 12 --out "$data" > /dev/null; fi
# One Python process, so one Spark session for every file and both ANSI modes.
"$venv/bin/python" - "$strata" "$data/customers.csv" <<'PY' 2>&1 | grep -v -e WARN -e log4j -e setLogLevel -e incubator
import sys
sys.path.insert(0, "Tests/SQL")
import glob, sql_check
strata, customers = sys.argv[1], sys.argv[2]
splits = sql_check.spark_session().read.csv(customers, header=True).rdd.getNumPartitions()
print(f"   {customers}: {splits} partitions when split; read with multiLine, as the script does, 1")
sql_check.main(["--strata", strata, "--engine", "spark", "--strict"] + sorted(glob.glob("examples/*.strata"))
               + ["Tests/SQL/cases/edge.strata", "Tests/SQL/cases/functions.strata", "Tests/SQL/cases/events.strata",
                  "Tests/SQL/cases/windows.strata", "Tests/SQL/cases/linked-only.strata", "Tests/SQL/cases/computed.strata",
                  "--data", f"customers={customers}", "examples/rfm.strata"])
PY
