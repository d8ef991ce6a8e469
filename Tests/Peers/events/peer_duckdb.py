"""Tests/Peers/events/bench.strata in DuckDB SQL (duckdb's Python API).

Usage: python peer_duckdb.py DIR      (DIR holds customers.csv, visits.csv, purchases.csv, complaints.csv)
Prints one `name,count` line per `count` of bench.strata, in its order (counts.py); phase times as
JSON on stderr: {"load_ms": …, "eval_ms": …}.

As a DuckDB user writes it: each CSV is read by DuckDB's reader with its column types given (no
sniffing), into a table (so `rowid` is the file's row order); each event table is aggregated on its own
with GROUP BY customer_id in a CTE, with FILTER clauses for the windows, and only then LEFT JOINed to
the customers, so no join multiplies rows. Strata's semantics are SQL's here:
- a customer without rows gets 0 from count (coalesce after the join) and NULL from sum/max/arg_max;
  a row whose customer_id is empty or names no customer joins nobody;
- `last(x by y)` is x on the row with the greatest (y, rowid): ties go to the later row; arg_max_null
  keeps a NULL x (plain arg_max would skip that row); `first` is arg_min_null on (y, rowid);
- `ntile` ranks the non-null values only: NTILE over a partition of the NULL rows is discarded, ties
  go in load order (the customers' rowid);
- a segment is a set: coalesced to false before another rule uses it.
"""
import os, sys, time
import duckdb

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [HERE, os.path.dirname(HERE)]
from counts import AS_OF, SEGMENTS, TIERS, emit  # noqa: E402
from duckdb_rules import ntile  # noqa: E402

folder = sys.argv[1]
TABLES = {
    # Only the fields the rules use: DuckDB's reader then does not convert the other columns.
    "customers": ("customers.csv", {"id": "VARCHAR", "city": "VARCHAR", "clv": "DOUBLE", "first_visit": "DATE"}),
    "visits": ("visits.csv", {"customer_id": "VARCHAR", "date": "DATE", "channel": "VARCHAR", "minutes": "INTEGER"}),
    "purchases": ("purchases.csv", {"customer_id": "VARCHAR", "date": "DATE", "amount": "DOUBLE", "project": "VARCHAR"}),
    "complaints": ("complaints.csv", {"customer_id": "VARCHAR", "date": "DATE", "severity": "INTEGER",
                                      "resolved": "BOOLEAN", "days_to_resolve": "INTEGER"}),
}

t0 = time.perf_counter()
con = duckdb.connect()
for name, (file, types) in TABLES.items():
    # types= fixes the listed columns' types; the header names the rest, which are not selected.
    spec = ", ".join(f"'{col}': '{t}'" for col, t in types.items())
    con.execute(f"CREATE TABLE {name} AS SELECT {', '.join(types)} FROM read_csv(?, header = true, types = {{{spec}}})",
                [os.path.join(folder, file)])
t1 = time.perf_counter()

# One count per segment, then per tiers block one per label and the customers with no tier.
COUNTS = ", ".join([f"count(*) FILTER ({name})" for name in SEGMENTS] +
                   [f"count(*) FILTER ({t} {cond})" for t, labels in TIERS for cond in [f"= '{x}'" for x in labels] + ["IS NULL"]])
SQL = f"""
WITH v AS (
  SELECT customer_id,
    count(*) FILTER (date >= DATE '{AS_OF}' - 30) AS visits_30,
    count(*) FILTER (date >= DATE '{AS_OF}' - 90) AS visits_90,
    count(*) FILTER (date >= DATE '{AS_OF}' - 180) AS visits_180,
    count(DISTINCT date) AS visit_days,
    count(DISTINCT date) FILTER (channel = '到访' AND date >= DATE '{AS_OF}' - 180) AS office_days_180,
    sum(minutes) FILTER (channel = '到访') AS office_minutes,
    sum(minutes) FILTER (channel = '线上' AND date >= DATE '{AS_OF}' - 90) AS online_minutes_90,
    max(date) AS last_seen,
    arg_max_null(channel, (date, rowid)) FILTER (date IS NOT NULL) AS last_channel
  FROM visits GROUP BY customer_id
), p AS (
  SELECT customer_id,
    count(*) AS buys,
    count(amount) AS n_amounts,
    sum(amount) AS spend,
    sum(amount) FILTER (date >= DATE '{AS_OF}' - INTERVAL 3 YEAR) AS spend_3y,
    max(amount) AS max_amount,
    min(date) AS first_buy,
    max(date) AS last_buy,
    count(DISTINCT date) AS buy_days,
    arg_max_null(project, (date, rowid)) FILTER (date IS NOT NULL) AS last_project,
    arg_min_null(project, (date, rowid)) FILTER (date IS NOT NULL) AS first_project
  FROM purchases GROUP BY customer_id
), k AS (
  SELECT customer_id,
    count(*) FILTER (NOT resolved) AS open_complaints,
    count(*) FILTER (severity >= 2 AND date >= DATE '{AS_OF}' - 180) AS serious_180,
    max(days_to_resolve) AS slowest_fix
  FROM complaints GROUP BY customer_id
), j AS (
  SELECT c.rowid AS rid, c.city, c.clv, c.first_visit,
    coalesce(v.visits_30, 0) AS visits_30, coalesce(v.visits_90, 0) AS visits_90,
    coalesce(v.visits_180, 0) AS visits_180, coalesce(v.visit_days, 0) AS visit_days,
    coalesce(v.office_days_180, 0) AS office_days_180, v.office_minutes, v.online_minutes_90, v.last_seen,
    v.last_channel,
    coalesce(p.buys, 0) AS buys, coalesce(p.n_amounts, 0) AS n_amounts, p.spend, p.spend_3y, p.max_amount,
    p.first_buy, p.last_buy, coalesce(p.buy_days, 0) AS buy_days, p.last_project, p.first_project,
    coalesce(k.open_complaints, 0) AS open_complaints, coalesce(k.serious_180, 0) AS serious_180, k.slowest_fix
  FROM customers c
  LEFT JOIN v ON v.customer_id = c.id
  LEFT JOIN p ON p.customer_id = c.id
  LEFT JOIN k ON k.customer_id = c.id
), x AS (
  SELECT *,
    date_diff('day', last_buy, DATE '{AS_OF}') AS recency,
    CASE WHEN buys >= 1 THEN visit_days END AS f_x
  FROM j
), scored AS (
  SELECT *,
    6 - {ntile("recency", 5)} AS r_score,
    {ntile("f_x", 5)} AS f_score,
    {ntile("spend", 5)} AS m_score,
    {ntile("last_seen", 10)} AS engagement
  FROM x
), t AS (
  -- avg(purchases.amount) over the rows that belong to a customer.
  SELECT sum(spend) / sum(n_amounts) AS avg_ticket FROM j
), s AS (
  SELECT scored.*,
    buys >= 1 AS buyers,
    coalesce(visits_30 >= 1, false) AS active_30,
    coalesce(visits_90 >= 3 AND visit_days >= 5, false) AS active_90,
    coalesce(visits_180 = 0 AND last_seen >= DATE '{AS_OF}' - INTERVAL 2 YEAR, false) AS silent,
    coalesce(buys >= 1 AND last_seen < DATE '{AS_OF}' - INTERVAL 1 YEAR, false) AS churned_buyers,
    coalesce(spend >= 1e7 AND clv >= 5e6, false) AS big_spenders,
    coalesce(max_amount > 2 * t.avg_ticket, false) AS big_ticket,
    coalesce(last_buy >= DATE '{AS_OF}' - 180, false) AS recent_buyers,
    buy_days >= 2 AS repeat_buyers,
    coalesce(NOT (last_buy >= DATE '{AS_OF}' - INTERVAL 3 YEAR), false) AS no_recent_buy,
    coalesce(spend_3y IS NULL AND spend > 5e6, false) AS dormant_money,
    coalesce(buys = 0 AND visit_days >= 5 AND office_days_180 >= 1, false) AS window_shoppers,
    coalesce(office_minutes > 600 AND city IN ('深圳', '上海', '北京', '广州'), false) AS office_regulars,
    coalesce(last_channel = '线上' AND spend IS NULL AND online_minutes_90 >= 10, false) AS online_leads,
    coalesce(date_diff('day', first_visit, first_buy) <= 30, false) AS quick_buyers,
    coalesce(last_project = first_project AND buys >= 2, false) AS repeat_project,
    coalesce(r_score >= 4 AND f_score >= 4 AND m_score >= 4, false) AS champions,
    coalesce(r_score <= 2 AND m_score >= 4 AND visits_180 = 0, false) AS at_risk,
    coalesce(r_score <= 2 AND f_score <= 2, false) AS hibernating,
    coalesce(buys >= 1 AND (open_complaints >= 1 OR serious_180 >= 1), false) AS unhappy_owners,
    coalesce(slowest_fix > 30, false) AS slow_fixes,
    coalesce(engagement <= 3 AND clv >= 5e6, false) AS fading_vip,
    CASE WHEN visits_30 >= 2 OR (visits_30 >= 1 AND buys >= 1) THEN 'hot'
         WHEN visits_90 >= 1 THEN 'warm'
         WHEN visits_180 >= 1 THEN 'cooling'
         WHEN last_seen >= DATE '{AS_OF}' - INTERVAL 3 YEAR THEN 'sleeping'
         ELSE 'lost' END AS activity
  FROM scored, t
)
SELECT {COUNTS}
FROM s
"""
row = con.execute(SQL).fetchone()
t2 = time.perf_counter()
emit(row, t1 - t0, t2 - t1)
