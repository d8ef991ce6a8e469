-- strata sql --dialect postgres: one row per customer in load order: the key, each segment
-- (true/false), each derived and tiers field. show, count, export and assert are not translated.
WITH
_s0 AS (
  SELECT c.*, c."id" AS "_strata_order"
  FROM "customers" c
),
_e2_1 AS (
  SELECT e."customer_id" AS "_k", MAX(e."date") AS "v" FROM "visits" e JOIN _s0 c ON e."customer_id" = c."id" GROUP BY e."customer_id"
),
_s2j AS (
  SELECT s.*, _e2_1."v" AS "_ea2_1"
  FROM _s0 s
  LEFT JOIN _e2_1 ON _e2_1."_k" = s."id"
),
_s2 AS (
  SELECT *, "_ea2_1" AS "last_touch"
  FROM _s2j
),
_e3_1 AS (
  SELECT e."customer_id" AS "_k", CAST(COUNT(*) AS DOUBLE PRECISION) AS "v" FROM "visits" e JOIN _s0 c ON e."customer_id" = c."id" WHERE (e."date" >= CAST((DATE '2026-06-30' - INTERVAL '90 day') AS DATE)) GROUP BY e."customer_id"
),
_s3j AS (
  SELECT s.*, _e3_1."v" AS "_ea3_1"
  FROM _s2 s
  LEFT JOIN _e3_1 ON _e3_1."_k" = s."id"
),
_s3 AS (
  SELECT *, COALESCE("_ea3_1", CAST(0 AS DOUBLE PRECISION)) AS "touches_90"
  FROM _s3j
),
_e4_1 AS (
  SELECT e."customer_id" AS "_k", CAST(COUNT(*) AS DOUBLE PRECISION) AS "v" FROM "visits" e JOIN _s0 c ON e."customer_id" = c."id" WHERE (e."date" >= CAST((DATE '2026-06-30' - INTERVAL '180 day') AS DATE)) GROUP BY e."customer_id"
),
_s4j AS (
  SELECT s.*, _e4_1."v" AS "_ea4_1"
  FROM _s3 s
  LEFT JOIN _e4_1 ON _e4_1."_k" = s."id"
),
_s4 AS (
  SELECT *, COALESCE("_ea4_1", CAST(0 AS DOUBLE PRECISION)) AS "touches_180"
  FROM _s4j
),
_e5_1 AS (
  SELECT e."customer_id" AS "_k", CAST(COUNT(*) AS DOUBLE PRECISION) AS "v" FROM "complaints" e JOIN _s0 c ON e."customer_id" = c."id" WHERE (NOT e."resolved") GROUP BY e."customer_id"
),
_s5j AS (
  SELECT s.*, _e5_1."v" AS "_ea5_1"
  FROM _s4 s
  LEFT JOIN _e5_1 ON _e5_1."_k" = s."id"
),
_s5 AS (
  SELECT *, COALESCE("_ea5_1", CAST(0 AS DOUBLE PRECISION)) AS "open_complaints"
  FROM _s5j
),
_e6_1 AS (
  SELECT e."customer_id" AS "_k", CAST(COUNT(*) AS DOUBLE PRECISION) AS "v" FROM "complaints" e JOIN _s0 c ON e."customer_id" = c."id" WHERE ((NOT e."resolved") AND (e."severity" >= CAST(2 AS DOUBLE PRECISION))) GROUP BY e."customer_id"
),
_s6j AS (
  SELECT s.*, _e6_1."v" AS "_ea6_1"
  FROM _s5 s
  LEFT JOIN _e6_1 ON _e6_1."_k" = s."id"
),
_s6 AS (
  SELECT *, COALESCE("_ea6_1", CAST(0 AS DOUBLE PRECISION)) AS "serious_open"
  FROM _s6j
),
_s7 AS (
  SELECT *, COALESCE(("purchases" >= CAST(1 AS DOUBLE PRECISION)), FALSE) AS "owners"
  FROM _s6
),
_s8 AS (
  SELECT *, COALESCE(("touches_180" = CAST(0 AS DOUBLE PRECISION)), FALSE) AS "silent"
  FROM _s7
),
_s9 AS (
  SELECT *, COALESCE((("touches_180" > CAST(0 AS DOUBLE PRECISION)) AND ("touches_90" = CAST(0 AS DOUBLE PRECISION))), FALSE) AS "fading"
  FROM _s8
),
_s10 AS (
  SELECT *, COALESCE(("open_complaints" > CAST(0 AS DOUBLE PRECISION)), FALSE) AS "unhappy"
  FROM _s9
),
_s11 AS (
  SELECT *, (CASE WHEN (("owners" AND "unhappy") AND ("silent" OR ("serious_open" > CAST(0 AS DOUBLE PRECISION)))) THEN 'high' WHEN ("owners" AND ("silent" OR "unhappy")) THEN 'medium' WHEN "fading" THEN 'watch' ELSE 'low' END) AS "churn_risk"
  FROM _s10
)
SELECT "id", "last_touch", "touches_90", "touches_180", "open_complaints", "serious_open", "owners", "silent", "fading", "unhappy", "churn_risk"
FROM _s11
ORDER BY ("_strata_order" COLLATE "C") ASC;
