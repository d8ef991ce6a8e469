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
_l3 AS (
  SELECT (SELECT PERCENTILE(CASE WHEN `owners` THEN `clv` END, CAST(0.8 AS DOUBLE)) FROM _s2) AS `v`
),
_s4 AS (
  SELECT *, COALESCE((`channel` = '老带新'), FALSE) AS `老带新`
  FROM _s2
),
_e5_1 AS (
  SELECT e.`customer_id` AS `_k`, MAX(e.`date`) AS `v` FROM `purchases` e JOIN _s0 c ON e.`customer_id` = c.`id` GROUP BY e.`customer_id`
),
_s5j AS (
  SELECT s.*, _e5_1.`v` AS `_ea5_1`
  FROM _s4 s
  LEFT JOIN _e5_1 ON _e5_1.`_k` = s.`id`
),
_s5 AS (
  SELECT *, COALESCE((`_ea5_1` >= DATE_ADD(DATE '2026-06-30', -90)), FALSE) AS `recent_buyers`
  FROM _s5j
),
_s6 AS (
  SELECT *, COALESCE((`owners` AND (`clv` >= (SELECT `v` FROM _l3))), FALSE) AS `valued_owners`
  FROM _s5
),
_s7 AS (
  SELECT *, (CASE WHEN ((`owners` AND (`clv` >= CAST(10000000 AS DOUBLE))) AND (`referrals` >= CAST(2 AS DOUBLE))) THEN '钻石' WHEN (`owners` AND (`clv` >= CAST(5000000 AS DOUBLE))) THEN '金卡' WHEN (`owners` AND (`clv` >= CAST(2000000 AS DOUBLE))) THEN '银卡' ELSE '普通' END) AS `vip_tier`
  FROM _s6
)
SELECT `id`, `owners`, `老带新`, `recent_buyers`, `valued_owners`, `vip_tier`
FROM _s7
ORDER BY `_strata_order` ASC;
