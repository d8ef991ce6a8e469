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
  SELECT *, COALESCE((`clv` >= CAST(5000000 AS DOUBLE)), FALSE) AS `high_value`
  FROM _s3
),
_s5 AS (
  SELECT *, COALESCE((`referrals` >= CAST(2 AS DOUBLE)), FALSE) AS `referrers`
  FROM _s4
),
_s6 AS (
  SELECT *, COALESCE((`last_visit` >= ADD_MONTHS(DATE '2026-06-30', -12)), FALSE) AS `active`
  FROM _s5
),
_s7 AS (
  SELECT *, COALESCE((`channel` = '老带新'), FALSE) AS `老带新`
  FROM _s6
)
SELECT `id`, `owners`, `repeat_buyers`, `high_value`, `referrers`, `active`, `老带新`
FROM _s7
ORDER BY `_strata_order` ASC;
