-- strata sql --dialect postgres: one row per customer in load order: the key, each segment
-- (true/false), each derived and tiers field. show, count, export and assert are not translated.
WITH
_s0 AS (
  SELECT c.*, m1."clv_then" AS "dec.clv_then", m1."vip_tier" AS "dec.vip_tier", c."id" AS "_strata_order"
  FROM "customers" c
  LEFT JOIN "dec" m1 ON m1."id" = c."id"
),
_s2 AS (
  SELECT *, COALESCE(("purchases" >= CAST(1 AS DOUBLE PRECISION)), FALSE) AS "owners"
  FROM _s0
),
_s3 AS (
  SELECT *, (CASE WHEN (("owners" AND ("clv" >= CAST(10000000 AS DOUBLE PRECISION))) AND ("referrals" >= CAST(2 AS DOUBLE PRECISION))) THEN '钻石' WHEN ("owners" AND ("clv" >= CAST(5000000 AS DOUBLE PRECISION))) THEN '金卡' WHEN ("owners" AND (("clv" >= CAST(2000000 AS DOUBLE PRECISION)) OR ("purchases" >= CAST(2 AS DOUBLE PRECISION)))) THEN '银卡' ELSE '普通' END) AS "vip_tier"
  FROM _s2
),
_s4 AS (
  SELECT *, (CASE WHEN (("vip_tier" COLLATE "C") = '钻石') THEN CAST(4 AS DOUBLE PRECISION) ELSE (CASE WHEN (("vip_tier" COLLATE "C") = '金卡') THEN CAST(3 AS DOUBLE PRECISION) ELSE (CASE WHEN (("vip_tier" COLLATE "C") = '银卡') THEN CAST(2 AS DOUBLE PRECISION) ELSE CAST(1 AS DOUBLE PRECISION) END) END) END) AS "rank_now"
  FROM _s3
),
_s5 AS (
  SELECT *, (CASE WHEN (("dec.vip_tier" COLLATE "C") = '钻石') THEN CAST(4 AS DOUBLE PRECISION) ELSE (CASE WHEN (("dec.vip_tier" COLLATE "C") = '金卡') THEN CAST(3 AS DOUBLE PRECISION) ELSE (CASE WHEN (("dec.vip_tier" COLLATE "C") = '银卡') THEN CAST(2 AS DOUBLE PRECISION) ELSE CAST(1 AS DOUBLE PRECISION) END) END) END) AS "rank_then"
  FROM _s4
),
_s6 AS (
  SELECT *, COALESCE(("dec.vip_tier" IS NULL), FALSE) AS "new_customers"
  FROM _s5
),
_s7 AS (
  SELECT *, COALESCE((("rank_now" > "rank_then") AND (NOT "new_customers")), FALSE) AS "moved_up"
  FROM _s6
),
_s8 AS (
  SELECT *, COALESCE((("rank_now" < "rank_then") AND (NOT "new_customers")), FALSE) AS "moved_down"
  FROM _s7
),
_s9 AS (
  SELECT *, COALESCE(((("vip_tier" COLLATE "C") = '钻石') AND (("dec.vip_tier" COLLATE "C") <> '钻石')), FALSE) AS "to_diamond"
  FROM _s8
)
SELECT "id", "owners", "vip_tier", "rank_now", "rank_then", "new_customers", "moved_up", "moved_down", "to_diamond"
FROM _s9
ORDER BY ("_strata_order" COLLATE "C") ASC;
