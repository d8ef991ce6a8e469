"""Tests/Peers/bench.strata in DuckDB SQL (duckdb's Python API).

Usage: python peer_duckdb.py CUSTOMERS.csv
Prints one `name,count` line per `count` of bench.strata, in its order (tiers as `tiers=label,count`,
nulls as `tiers=(none)`); phase times as JSON on stderr: {"load_ms": …, "eval_ms": …}.

SQL's NULL semantics are Strata's (Kleene and/or/not, WHERE keeps only true). Two things need care:
- a Strata segment is a set, so membership is never null: each segment is coalesced to false before
  another segment uses it (`vip and not churn_risk` with a null churn_risk would otherwise be null);
- NTILE over non-null x only: SQL's NTILE ranks the null rows too, so they get a partition of
  their own and a NULL score. Ties go in load order (`rowid` of the table, which keeps the
  CSV's order).
"""
import json, os, sys, time
import duckdb

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from duckdb_rules import ntile  # noqa: E402

path = sys.argv[1]
t0 = time.perf_counter()
con = duckdb.connect()
# `id` and `phone` are identifiers: text, as Strata reads them.
con.execute("CREATE TABLE c AS SELECT * FROM read_csv(?, header = true, types = {'id': 'VARCHAR', 'phone': 'VARCHAR'})",
            [path])
t1 = time.perf_counter()

SQL = f"""
WITH b AS (
  SELECT rowid AS rid, *,
    coalesce(purchases >= 1, false) AS owners,
    date_diff('day', last_visit, DATE '2026-06-30') AS recency_days
  FROM c
), x AS (
  SELECT *,
    CASE WHEN owners THEN recency_days END AS r_x,
    CASE WHEN owners THEN purchases * 10 + visits END AS f_x,
    CASE WHEN owners THEN total_spend END AS m_x
  FROM b
), scored AS (
  SELECT *,
    6 - {ntile("r_x", 5)} AS r_score,
    {ntile("f_x", 5)} AS f_score,
    {ntile("m_x", 5)} AS m_score,
    {ntile("satisfaction", 4)} AS sat_quartile,
    -- ABC: the share of the total held by the customers before this one (clv descending, load order).
    CASE WHEN clv IS NOT NULL THEN
      coalesce(sum(clv) OVER (ORDER BY clv DESC NULLS LAST, rid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)
        / sum(clv) OVER () END AS share_before
  FROM x
), p AS (
  SELECT quantile_cont(clv, 0.9) AS p90, quantile_cont(satisfaction, 0.25) AS sat_p25 FROM c
), s1 AS (
  SELECT scored.*,
    CASE WHEN share_before < 0.8 THEN 'A' WHEN share_before < 0.95 THEN 'B' WHEN share_before IS NOT NULL THEN 'C' END
      AS value_grade,
    coalesce(purchases = 0 AND visits >= 3, false) AS prospects,
    coalesce(clv > 2e6 AND referrals >= 2, false) AS vip,
    coalesce(clv >= p.p90, false) AS top_decile,
    coalesce(city IN ('深圳', '上海', '北京', '广州'), false) AS big_cities,
    coalesce(channel = '老带新' AND owners, false) AS referral_buyers,
    coalesce(member, false) AS members,
    coalesce(last_visit >= DATE '2026-06-30' - INTERVAL 90 DAY, false) AS recent,
    coalesce(owners AND last_visit < DATE '2026-06-30' - INTERVAL 2 YEAR, false) AS lapsed,
    coalesce(owners AND last_visit <= first_visit + INTERVAL 6 MONTH, false) AS quick_deciders,
    coalesce(date_diff('day', first_visit, last_visit) > 3 * 365, false) AS long_journey,
    coalesce(owners AND (last_contact < DATE '2026-06-30' - INTERVAL 180 DAY OR last_contact IS NULL), false)
      AS no_contact,
    coalesce(NOT (satisfaction >= 3), false) AS unhappy,
    coalesce(NOT (complaints >= 1 OR satisfaction < 4), false) AS settled,
    coalesce(satisfaction <= p.sat_p25, false) AS low_satisfaction,
    coalesce(complaints >= 2, false) AS complainers,
    coalesce(r_score >= 4 AND f_score >= 4 AND m_score >= 4, false) AS champions,
    coalesce(r_score <= 2 AND f_score >= 3 AND m_score >= 3, false) AS at_risk,
    coalesce(r_score <= 2 AND f_score <= 2, false) AS hibernating,
    coalesce(sat_quartile = 4, false) AS happiest_quarter,
    coalesce(age < 35 AND income_band IN ('中高', '高'), false) AS young_rich,
    coalesce(occupation NOT IN ('白领', 'IT', '金融', '公务员', '教师', '医生'), false) AS not_salaried,
    coalesce(age BETWEEN 35 AND 50 AND email IS NULL, false) AS unreachable_mid_age,
    CASE WHEN satisfaction >= 4.5 THEN 'high' WHEN satisfaction >= 3 THEN 'middle' WHEN satisfaction < 3 THEN 'low' END
      AS satisfaction_band
  FROM scored, p
), s2 AS (
  SELECT *,
    coalesce(no_contact AND (complainers OR unhappy), false) AS churn_risk,
    coalesce(value_grade = 'A', false) AS a_class,
    coalesce(demand_type = '品质追求' AND NOT big_cities, false) AS quality_seekers,
    CASE WHEN owners AND clv >= 1e7 AND referrals >= 2 THEN '钻石'
         WHEN owners AND clv >= 5e6 THEN '金卡'
         WHEN owners AND (clv >= 2e6 OR purchases >= 2) THEN '银卡'
         ELSE '普通' END AS vip_tier
  FROM s1
), s3 AS (
  SELECT *,
    coalesce(vip AND NOT churn_risk, false) AS loyal_vip,
    coalesce(a_class AND churn_risk, false) AS valuable_at_risk
  FROM s2
)
SELECT
  count(*) FILTER (owners), count(*) FILTER (prospects), count(*) FILTER (vip), count(*) FILTER (top_decile),
  count(*) FILTER (big_cities), count(*) FILTER (referral_buyers), count(*) FILTER (members),
  count(*) FILTER (recent), count(*) FILTER (lapsed), count(*) FILTER (quick_deciders),
  count(*) FILTER (long_journey), count(*) FILTER (no_contact), count(*) FILTER (unhappy),
  count(*) FILTER (settled), count(*) FILTER (low_satisfaction), count(*) FILTER (complainers),
  count(*) FILTER (churn_risk), count(*) FILTER (loyal_vip), count(*) FILTER (champions),
  count(*) FILTER (at_risk), count(*) FILTER (hibernating), count(*) FILTER (a_class),
  count(*) FILTER (valuable_at_risk), count(*) FILTER (happiest_quarter), count(*) FILTER (young_rich),
  count(*) FILTER (not_salaried), count(*) FILTER (quality_seekers), count(*) FILTER (unreachable_mid_age),
  count(*) FILTER (vip_tier = '钻石'), count(*) FILTER (vip_tier = '金卡'), count(*) FILTER (vip_tier = '银卡'),
  count(*) FILTER (vip_tier = '普通'), count(*) FILTER (vip_tier IS NULL),
  count(*) FILTER (satisfaction_band = 'high'), count(*) FILTER (satisfaction_band = 'middle'),
  count(*) FILTER (satisfaction_band = 'low'), count(*) FILTER (satisfaction_band IS NULL)
FROM s3
"""
row = con.execute(SQL).fetchone()
t2 = time.perf_counter()

SEGMENTS = ["owners", "prospects", "vip", "top_decile", "big_cities", "referral_buyers", "members", "recent",
            "lapsed", "quick_deciders", "long_journey", "no_contact", "unhappy", "settled", "low_satisfaction",
            "complainers", "churn_risk", "loyal_vip", "champions", "at_risk", "hibernating", "a_class",
            "valuable_at_risk", "happiest_quarter", "young_rich", "not_salaried", "quality_seekers",
            "unreachable_mid_age"]
TIERS = [("vip_tier", ["钻石", "金卡", "银卡", "普通"]), ("satisfaction_band", ["high", "middle", "low"])]
values = iter(row)
lines = [f"{name},{next(values)}" for name in SEGMENTS]
for tiers, labels in TIERS:
    lines += [f"{tiers}={label},{next(values)}" for label in labels]
    none = next(values)
    if none:  # Strata prints the `(none)` row only when some customer has no tier
        lines.append(f"{tiers}=(none),{none}")
print("\n".join(lines))
print(json.dumps({"load_ms": (t1 - t0) * 1000, "eval_ms": (t2 - t1) * 1000}), file=sys.stderr)
