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
  SELECT *, (CASE WHEN `clv` IS NULL OR NOT (SUM(`clv`) OVER () > 0) THEN NULL WHEN COALESCE(SUM(`clv`) OVER (PARTITION BY (`clv` IS NULL) ORDER BY `clv` DESC NULLS LAST, `_strata_order` ASC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) / SUM(`clv`) OVER () < CAST(0.8 AS DOUBLE) THEN 'A' WHEN COALESCE(SUM(`clv`) OVER (PARTITION BY (`clv` IS NULL) ORDER BY `clv` DESC NULLS LAST, `_strata_order` ASC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) / SUM(`clv`) OVER () < CAST(0.95 AS DOUBLE) THEN 'B' ELSE 'C' END) AS `value_grade`
  FROM _s2
),
_s5 AS (
  SELECT *, COALESCE((`value_grade` = 'A'), FALSE) AS `a_class`
  FROM _s4
),
_s6 AS (
  SELECT *, COALESCE((`referrals` >= CAST(1 AS DOUBLE)), FALSE) AS `referrers`
  FROM _s5
),
_s7 AS (
  SELECT *, COALESCE(((`referrals` >= CAST(3 AS DOUBLE)) AND (`satisfaction` >= CAST(4.5 AS DOUBLE))), FALSE) AS `super_referrers`
  FROM _s6
),
_s8 AS (
  SELECT *, COALESCE((`channel` = '老带新'), FALSE) AS `老带新`
  FROM _s7
),
_s9 AS (
  SELECT *, COALESCE(((`owners` AND ((`last_contact` < DATE_ADD(DATE '2026-06-30', -180)) OR (`last_contact` IS NULL))) AND ((`complaints` >= CAST(2 AS DOUBLE)) OR (`satisfaction` < CAST(3 AS DOUBLE)))), FALSE) AS `churn_risk`
  FROM _s8
),
_s10 AS (
  SELECT *, COALESCE((`churn_risk` AND `a_class`), FALSE) AS `valuable_at_risk`
  FROM _s9
),
_l18 AS (
  SELECT ((SELECT SUM(CASE WHEN `a_class` THEN `clv` END) FROM _s10) / NULLIF((SELECT SUM(`clv`) FROM _s10), 0)) AS `v`
),
_l19 AS (
  SELECT ((SELECT CAST(COUNT(CASE WHEN (`owners`) AND `老带新` THEN 1 END) AS DOUBLE) FROM _s10) / NULLIF((SELECT CAST(COUNT(CASE WHEN `owners` THEN 1 END) AS DOUBLE) FROM _s10), 0)) AS `v`
)
SELECT `id`, `owners`, `value_grade`, `a_class`, `referrers`, `super_referrers`, `老带新`, `churn_risk`, `valuable_at_risk`
FROM _s10
ORDER BY `_strata_order` ASC;
