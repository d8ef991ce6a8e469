-- strata sql --dialect spark: one row per customer in load order: the key, each segment
-- (true/false), each derived and tiers field. show, count, export and assert are not translated.
WITH
_s0 AS (
  SELECT c.*, c.`id` AS `_strata_order`
  FROM `customers` c
),
_s2 AS (
  SELECT *, COALESCE((`purchases` >= CAST(1 AS DOUBLE)), FALSE) AS `buyers`
  FROM _s0
),
_s3 AS (
  SELECT *, (CASE WHEN `buyers` THEN CAST(DATEDIFF(DATE '2026-06-30', `last_visit`) AS DOUBLE) ELSE NULL END) AS `recency_days`
  FROM _s2
),
_s4 AS (
  SELECT *, (CASE WHEN `buyers` THEN ((`purchases` * CAST(10 AS DOUBLE)) + `visits`) ELSE NULL END) AS `frequency`
  FROM _s3
),
_s5 AS (
  SELECT *, (CASE WHEN `buyers` THEN `total_spend` ELSE NULL END) AS `monetary`
  FROM _s4
),
_s6 AS (
  SELECT *, (CAST(6 AS DOUBLE) - (CASE WHEN `recency_days` IS NULL THEN NULL ELSE CAST(NTILE(5) OVER (PARTITION BY (`recency_days` IS NULL) ORDER BY `recency_days` ASC NULLS LAST, `_strata_order` ASC) AS DOUBLE) END)) AS `r_score`
  FROM _s5
),
_s7 AS (
  SELECT *, (CASE WHEN `frequency` IS NULL THEN NULL ELSE CAST(NTILE(5) OVER (PARTITION BY (`frequency` IS NULL) ORDER BY `frequency` ASC NULLS LAST, `_strata_order` ASC) AS DOUBLE) END) AS `f_score`
  FROM _s6
),
_s8 AS (
  SELECT *, (CASE WHEN `monetary` IS NULL THEN NULL ELSE CAST(NTILE(5) OVER (PARTITION BY (`monetary` IS NULL) ORDER BY `monetary` ASC NULLS LAST, `_strata_order` ASC) AS DOUBLE) END) AS `m_score`
  FROM _s7
),
_s9 AS (
  SELECT *, (CASE WHEN (((`r_score` >= CAST(4 AS DOUBLE)) AND (`f_score` >= CAST(4 AS DOUBLE))) AND (`m_score` >= CAST(4 AS DOUBLE))) THEN 'champions' WHEN (((`r_score` <= CAST(2 AS DOUBLE)) AND (`f_score` >= CAST(3 AS DOUBLE))) AND (`m_score` >= CAST(3 AS DOUBLE))) THEN 'at_risk' WHEN ((`f_score` >= CAST(4 AS DOUBLE)) AND (`m_score` >= CAST(3 AS DOUBLE))) THEN 'loyal' WHEN ((`r_score` >= CAST(4 AS DOUBLE)) AND (`f_score` <= CAST(3 AS DOUBLE))) THEN 'potential' WHEN ((`r_score` <= CAST(2 AS DOUBLE)) AND (`f_score` <= CAST(2 AS DOUBLE))) THEN 'hibernating' WHEN `buyers` THEN 'others' ELSE NULL END) AS `rfm_segment`
  FROM _s8
),
_s10 AS (
  SELECT *, COALESCE((`rfm_segment` = 'champions'), FALSE) AS `champions`
  FROM _s9
),
_s11 AS (
  SELECT *, COALESCE((`rfm_segment` = 'loyal'), FALSE) AS `loyal`
  FROM _s10
),
_s12 AS (
  SELECT *, COALESCE((`rfm_segment` = 'potential'), FALSE) AS `potential`
  FROM _s11
),
_s13 AS (
  SELECT *, COALESCE((`rfm_segment` = 'at_risk'), FALSE) AS `at_risk`
  FROM _s12
),
_s14 AS (
  SELECT *, COALESCE((`rfm_segment` = 'hibernating'), FALSE) AS `hibernating`
  FROM _s13
),
_l17 AS (
  SELECT (SELECT AVG(CASE WHEN `champions` THEN `clv` END) FROM _s14) AS `v`
),
_l18 AS (
  SELECT (SELECT AVG(CASE WHEN `hibernating` THEN `clv` END) FROM _s14) AS `v`
)
SELECT `id`, `buyers`, `recency_days`, `frequency`, `monetary`, `r_score`, `f_score`, `m_score`, `rfm_segment`, `champions`, `loyal`, `potential`, `at_risk`, `hibernating`
FROM _s14
ORDER BY `_strata_order` ASC;
