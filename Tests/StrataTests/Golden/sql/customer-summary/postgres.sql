-- strata sql --dialect postgres: one row per customer in load order: the key, each segment
-- (true/false), each derived and tiers field. show, count, export and assert are not translated.
WITH
_s0 AS (
  SELECT c.*, c."id" AS "_strata_order"
  FROM "customers" c
),
_s2 AS (
  SELECT *, COALESCE(("purchases" >= CAST(1 AS DOUBLE PRECISION)), FALSE) AS "owners"
  FROM _s0
),
_s3 AS (
  SELECT *, COALESCE(("owners" AND ("referrals" >= CAST(1 AS DOUBLE PRECISION))), FALSE) AS "老带新"
  FROM _s2
),
_s4 AS (
  SELECT *, (CASE WHEN ("clv" >= CAST(5000000 AS DOUBLE PRECISION)) THEN '高' WHEN ("clv" >= CAST(1000000 AS DOUBLE PRECISION)) THEN '中' ELSE '低' END) AS "value_tier"
  FROM _s3
)
SELECT "id", "owners", "老带新", "value_tier"
FROM _s4
ORDER BY ("_strata_order" COLLATE "C") ASC;
