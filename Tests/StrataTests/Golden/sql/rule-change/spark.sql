-- strata sql --dialect spark: one row per customer in load order: the key, each segment
-- (true/false), each derived and tiers field. show, count, export and assert are not translated.
WITH
_s0 AS (
  SELECT c.*, c.`id` AS `_strata_order`
  FROM `customers` c
),
_s2 AS (
  SELECT *, COALESCE((`purchases` >= CAST(1 AS DOUBLE)), FALSE) AS `owners`
  FROM _s0
),
_s3 AS (
  SELECT *, COALESCE((`purchases` >= CAST(2 AS DOUBLE)), FALSE) AS `repeat_buyers`
  FROM _s2
),
_s4 AS (
  SELECT *, COALESCE((`referrals` >= CAST(2 AS DOUBLE)), FALSE) AS `referrers`
  FROM _s3
),
_s5 AS (
  SELECT *, (CASE WHEN (`owners` AND (((`clv` >= CAST(10000000 AS DOUBLE)) AND `referrers`) OR (`clv` >= CAST(15000000 AS DOUBLE)))) THEN '钻石' WHEN (`owners` AND (`clv` >= CAST(4000000 AS DOUBLE))) THEN '金卡' WHEN (`owners` AND ((`clv` >= CAST(2000000 AS DOUBLE)) OR `repeat_buyers`)) THEN '银卡' ELSE '普通' END) AS `vip_tier`
  FROM _s4
)
SELECT `id`, `owners`, `repeat_buyers`, `referrers`, `vip_tier`
FROM _s5
ORDER BY `_strata_order` ASC;
