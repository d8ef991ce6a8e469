-- strata sql --dialect postgres: one row per customer in load order: the key, each segment
-- (true/false), each derived and tiers field. show, count, export and assert are not translated.
WITH
_s0 AS (
  SELECT c.*, c."id" AS "_strata_order"
  FROM "customers" c
),
_s2 AS (
  SELECT *, (CASE WHEN "clv" IS NULL THEN NULL ELSE CAST(ROW_NUMBER() OVER (PARTITION BY ("clv" IS NULL), "city" ORDER BY "clv" DESC NULLS LAST, ("_strata_order" COLLATE "C") ASC) AS DOUBLE PRECISION) END) AS "city_rank"
  FROM _s0
),
_s3 AS (
  SELECT *, (CASE WHEN "clv" IS NULL THEN NULL ELSE CAST(NTILE(5) OVER (PARTITION BY ("clv" IS NULL), "city" ORDER BY "clv" ASC NULLS LAST, ("_strata_order" COLLATE "C") ASC) AS DOUBLE PRECISION) END) AS "city_quintile"
  FROM _s2
),
_s4 AS (
  SELECT *, (CASE WHEN "clv" IS NULL OR NOT (SUM("clv") OVER (PARTITION BY "city") > 0) THEN NULL WHEN COALESCE(SUM("clv") OVER (PARTITION BY ("clv" IS NULL), "city" ORDER BY "clv" DESC NULLS LAST, ("_strata_order" COLLATE "C") ASC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) / SUM("clv") OVER (PARTITION BY "city") < CAST(0.8 AS DOUBLE PRECISION) THEN 'A' WHEN COALESCE(SUM("clv") OVER (PARTITION BY ("clv" IS NULL), "city" ORDER BY "clv" DESC NULLS LAST, ("_strata_order" COLLATE "C") ASC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) / SUM("clv") OVER (PARTITION BY "city") < CAST(0.95 AS DOUBLE PRECISION) THEN 'B' ELSE 'C' END) AS "city_grade"
  FROM _s3
),
_e5_1 AS (
  SELECT "_k", "v" FROM (SELECT e."customer_id" AS "_k", e."project" AS "v", ROW_NUMBER() OVER (PARTITION BY e."customer_id" ORDER BY e."date" DESC NULLS LAST, e."_row" DESC) AS "_rn" FROM "purchases" e JOIN _s0 c ON e."customer_id" = c."id" WHERE e."date" IS NOT NULL) "_f" WHERE "_rn" = 1
),
_s5j AS (
  SELECT s.*, _e5_1."v" AS "_ea5_1"
  FROM _s4 s
  LEFT JOIN _e5_1 ON _e5_1."_k" = s."id"
),
_s5 AS (
  SELECT *, "_ea5_1" AS "main_project"
  FROM _s5j
),
_s6 AS (
  SELECT *, (CASE WHEN "total_spend" IS NULL OR NOT (SUM("total_spend") OVER (PARTITION BY "main_project") > 0) THEN NULL WHEN COALESCE(SUM("total_spend") OVER (PARTITION BY ("total_spend" IS NULL), "main_project" ORDER BY "total_spend" DESC NULLS LAST, ("_strata_order" COLLATE "C") ASC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) / SUM("total_spend") OVER (PARTITION BY "main_project") < CAST(0.8 AS DOUBLE PRECISION) THEN 'A' WHEN COALESCE(SUM("total_spend") OVER (PARTITION BY ("total_spend" IS NULL), "main_project" ORDER BY "total_spend" DESC NULLS LAST, ("_strata_order" COLLATE "C") ASC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) / SUM("total_spend") OVER (PARTITION BY "main_project") < CAST(0.95 AS DOUBLE PRECISION) THEN 'B' ELSE 'C' END) AS "project_grade"
  FROM _s5
),
_s7 AS (
  SELECT *, ("clv" / NULLIF(CAST(10 AS DOUBLE PRECISION), 0)) AS "margin"
  FROM _s6
),
_s8 AS (
  SELECT *, (SIGN((("margin" * (CAST(1 AS DOUBLE PRECISION) - (CASE WHEN (CAST(1.08 AS DOUBLE PRECISION) < 0 AND CAST(-3 AS DOUBLE PRECISION) <> FLOOR(CAST(-3 AS DOUBLE PRECISION))) OR (CAST(1.08 AS DOUBLE PRECISION) = 0 AND CAST(-3 AS DOUBLE PRECISION) < 0) THEN NULL ELSE POWER(CAST(1.08 AS DOUBLE PRECISION), CAST(-3 AS DOUBLE PRECISION)) END))) / NULLIF(CAST(0.08 AS DOUBLE PRECISION), 0))) * FLOOR((ABS((("margin" * (CAST(1 AS DOUBLE PRECISION) - (CASE WHEN (CAST(1.08 AS DOUBLE PRECISION) < 0 AND CAST(-3 AS DOUBLE PRECISION) <> FLOOR(CAST(-3 AS DOUBLE PRECISION))) OR (CAST(1.08 AS DOUBLE PRECISION) = 0 AND CAST(-3 AS DOUBLE PRECISION) < 0) THEN NULL ELSE POWER(CAST(1.08 AS DOUBLE PRECISION), CAST(-3 AS DOUBLE PRECISION)) END))) / NULLIF(CAST(0.08 AS DOUBLE PRECISION), 0))) + CAST(0.49999999999999994 AS DOUBLE PRECISION)))) AS "value_3y"
  FROM _s7
),
_s9 AS (
  SELECT *, CAST(EXTRACT(ISODOW FROM "last_visit") AS DOUBLE PRECISION) AS "greeting_day"
  FROM _s8
),
_s10 AS (
  SELECT *, CAST(("last_visit" + INTERVAL '7 day') AS DATE) AS "follow_up"
  FROM _s9
),
_s11 AS (
  SELECT *, COALESCE((CAST(EXTRACT(ISODOW FROM "last_visit") AS DOUBLE PRECISION) >= CAST(6 AS DOUBLE PRECISION)), FALSE) AS "weekend_visitors"
  FROM _s10
),
_s12 AS (
  SELECT *, (CAST(6 AS DOUBLE PRECISION) - (CASE WHEN CAST((DATE '2026-06-30' - "last_visit") AS DOUBLE PRECISION) IS NULL THEN NULL ELSE CAST(NTILE(5) OVER (PARTITION BY (CAST((DATE '2026-06-30' - "last_visit") AS DOUBLE PRECISION) IS NULL) ORDER BY CAST((DATE '2026-06-30' - "last_visit") AS DOUBLE PRECISION) ASC NULLS LAST, ("_strata_order" COLLATE "C") ASC) AS DOUBLE PRECISION) END)) AS "r"
  FROM _s11
),
_s13 AS (
  SELECT *, (CASE WHEN "visits" IS NULL THEN NULL ELSE CAST(NTILE(5) OVER (PARTITION BY ("visits" IS NULL) ORDER BY "visits" ASC NULLS LAST, ("_strata_order" COLLATE "C") ASC) AS DOUBLE PRECISION) END) AS "f"
  FROM _s12
),
_s14 AS (
  SELECT *, (CASE WHEN "total_spend" IS NULL THEN NULL ELSE CAST(NTILE(5) OVER (PARTITION BY ("total_spend" IS NULL) ORDER BY "total_spend" ASC NULLS LAST, ("_strata_order" COLLATE "C") ASC) AS DOUBLE PRECISION) END) AS "m"
  FROM _s13
),
_s15 AS (
  SELECT *, ((CASE WHEN ABS("r") < 1e18 THEN CAST(CAST("r" AS BIGINT) AS TEXT) ELSE CAST("r" AS TEXT) END) || (CASE WHEN ABS("f") < 1e18 THEN CAST(CAST("f" AS BIGINT) AS TEXT) ELSE CAST("f" AS TEXT) END) || (CASE WHEN ABS("m") < 1e18 THEN CAST(CAST("m" AS BIGINT) AS TEXT) ELSE CAST("m" AS TEXT) END)) AS "rfm_cell"
  FROM _s14
),
_s16 AS (
  SELECT *, COALESCE((("rfm_cell" COLLATE "C") = '555'), FALSE) AS "best_cell"
  FROM _s15
)
SELECT "id", "city_rank", "city_quintile", "city_grade", "main_project", "project_grade", "margin", "value_3y", "greeting_day", "follow_up", "weekend_visitors", "r", "f", "m", "rfm_cell", "best_cell"
FROM _s16
ORDER BY ("_strata_order" COLLATE "C") ASC;
