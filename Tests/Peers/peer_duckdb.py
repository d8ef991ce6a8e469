"""The benchmark rules (Tests/Peers/bench.strata) in DuckDB SQL. Prints `name,count` lines;
phase times as JSON on stderr. Segments are coalesced to false: in Strata a segment is a set,
so membership is never null (SQL's WHERE treats null as not-in, the same for counting)."""
import json, sys, time
import duckdb

path = sys.argv[1]
t0 = time.perf_counter()
con = duckdb.connect()
con.execute(f"CREATE TABLE c AS SELECT * FROM read_csv('{path}', header=true, all_varchar=false, types={{'id': 'VARCHAR', 'phone': 'VARCHAR'}})")
t1 = time.perf_counter()

sql = """
WITH base AS (
  SELECT *, date_diff('day', last_visit, DATE '2026-06-30') AS recency_days FROM c
), scored AS (
  SELECT *,
    6 - ntile(5) OVER (ORDER BY recency_days, id) AS r_score,
    ntile(5) OVER (ORDER BY purchases * 10 + visits, id) AS f_score,
    ntile(5) OVER (ORDER BY total_spend, id) AS m_score,
    coalesce(sum(clv) OVER (ORDER BY clv DESC, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)
      / sum(clv) OVER () AS share_before
  FROM base
), p AS (SELECT quantile_cont(clv, 0.9) AS p90 FROM c
), s1 AS (
  SELECT scored.*,
    CASE WHEN share_before < 0.8 THEN 'A' WHEN share_before < 0.95 THEN 'B' ELSE 'C' END AS value_grade,
    coalesce(purchases >= 1, false) AS owners,
    coalesce(purchases = 0 AND visits >= 3, false) AS prospects,
    coalesce(clv > 2e6 AND referrals >= 2, false) AS vip,
    coalesce(clv >= p.p90, false) AS top_decile,
    coalesce(city IN ('深圳', '上海', '北京', '广州'), false) AS big_cities,
    coalesce(member, false) AS members,
    coalesce(last_visit >= DATE '2026-06-30' - INTERVAL 90 DAY, false) AS recent,
    coalesce(NOT (satisfaction >= 3), false) AS unhappy,
    coalesce(complaints >= 2, false) AS complainers,
    coalesce(age < 35 AND income_band IN ('中高', '高'), false) AS young_rich
  FROM scored, p
), s2 AS (
  SELECT *,
    coalesce(channel = '老带新' AND owners, false) AS referral_buyers,
    coalesce(owners AND last_visit < DATE '2026-06-30' - INTERVAL 2 YEAR, false) AS lapsed,
    coalesce(owners AND (last_contact < DATE '2026-06-30' - INTERVAL 180 DAY OR last_contact IS NULL), false) AS no_contact,
    coalesce(r_score >= 4 AND f_score >= 4 AND m_score >= 4, false) AS champions,
    coalesce(r_score <= 2 AND f_score >= 3 AND m_score >= 3, false) AS at_risk,
    coalesce(r_score <= 2 AND f_score <= 2, false) AS hibernating,
    value_grade = 'A' AS a_class,
    coalesce(demand_type = '品质追求' AND NOT big_cities, false) AS quality_seekers,
    CASE WHEN owners AND clv >= 1e7 AND referrals >= 2 THEN '钻石'
         WHEN owners AND clv >= 5e6 THEN '金卡'
         WHEN owners AND (clv >= 2e6 OR purchases >= 2) THEN '银卡'
         ELSE '普通' END AS vip_tier
  FROM s1
), s3 AS (
  SELECT *, coalesce(no_contact AND (complainers OR unhappy), false) AS churn_risk FROM s2
)
SELECT
  count(*) FILTER (owners), count(*) FILTER (prospects), count(*) FILTER (vip), count(*) FILTER (top_decile),
  count(*) FILTER (big_cities), count(*) FILTER (referral_buyers), count(*) FILTER (members), count(*) FILTER (recent),
  count(*) FILTER (lapsed), count(*) FILTER (no_contact), count(*) FILTER (unhappy), count(*) FILTER (complainers),
  count(*) FILTER (churn_risk), count(*) FILTER (champions), count(*) FILTER (at_risk), count(*) FILTER (hibernating),
  count(*) FILTER (a_class), count(*) FILTER (a_class AND churn_risk), count(*) FILTER (young_rich), count(*) FILTER (quality_seekers),
  count(*) FILTER (vip_tier = '钻石'), count(*) FILTER (vip_tier = '金卡'), count(*) FILTER (vip_tier = '银卡'), count(*) FILTER (vip_tier = '普通')
FROM s3
"""
row = con.execute(sql).fetchone()
t2 = time.perf_counter()
names = ["owners", "prospects", "vip", "top_decile", "big_cities", "referral_buyers", "members", "recent", "lapsed",
         "no_contact", "unhappy", "complainers", "churn_risk", "champions", "at_risk", "hibernating", "a_class",
         "valuable_at_risk", "young_rich", "quality_seekers", "钻石", "金卡", "银卡", "普通"]
print("\n".join(f"{n},{v}" for n, v in zip(names, row)))
print(json.dumps({"load_ms": (t1 - t0) * 1000, "eval_ms": (t2 - t1) * 1000}), file=sys.stderr)
