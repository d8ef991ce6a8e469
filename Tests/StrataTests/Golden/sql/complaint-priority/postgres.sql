-- strata sql --dialect postgres: one row per customer in load order: the key, each segment
-- (true/false), each derived and tiers field. show, count, export and assert are not translated.
WITH
_s0 AS (
  SELECT c.*, c."id" AS "_strata_order"
  FROM "customers" c
),
_e2_1 AS (
  SELECT e."customer_id" AS "_k", CAST(COUNT(*) AS DOUBLE PRECISION) AS "v" FROM "complaints" e JOIN _s0 c ON e."customer_id" = c."id" WHERE (NOT e."resolved") GROUP BY e."customer_id"
),
_s2j AS (
  SELECT s.*, _e2_1."v" AS "_ea2_1"
  FROM _s0 s
  LEFT JOIN _e2_1 ON _e2_1."_k" = s."id"
),
_s2 AS (
  SELECT *, COALESCE("_ea2_1", CAST(0 AS DOUBLE PRECISION)) AS "open_count"
  FROM _s2j
),
_e3_1 AS (
  SELECT e."customer_id" AS "_k", MAX(e."severity") AS "v" FROM "complaints" e JOIN _s0 c ON e."customer_id" = c."id" WHERE (NOT e."resolved") GROUP BY e."customer_id"
),
_s3j AS (
  SELECT s.*, _e3_1."v" AS "_ea3_1"
  FROM _s2 s
  LEFT JOIN _e3_1 ON _e3_1."_k" = s."id"
),
_s3 AS (
  SELECT *, "_ea3_1" AS "worst_open"
  FROM _s3j
),
_e4_1 AS (
  SELECT e."customer_id" AS "_k", MIN(e."date") AS "v" FROM "complaints" e JOIN _s0 c ON e."customer_id" = c."id" WHERE (NOT e."resolved") GROUP BY e."customer_id"
),
_s4j AS (
  SELECT s.*, _e4_1."v" AS "_ea4_1"
  FROM _s3 s
  LEFT JOIN _e4_1 ON _e4_1."_k" = s."id"
),
_s4 AS (
  SELECT *, "_ea4_1" AS "oldest_open"
  FROM _s4j
),
_s5 AS (
  SELECT *, CAST((DATE '2026-06-30' - "oldest_open") AS DOUBLE PRECISION) AS "waiting_days"
  FROM _s4
),
_e6_1 AS (
  SELECT "_k", "v" FROM (SELECT e."customer_id" AS "_k", e."category" AS "v", ROW_NUMBER() OVER (PARTITION BY e."customer_id" ORDER BY e."date" DESC NULLS LAST, e."_row" DESC) AS "_rn" FROM "complaints" e JOIN _s0 c ON e."customer_id" = c."id" WHERE (NOT e."resolved") AND e."date" IS NOT NULL) "_f" WHERE "_rn" = 1
),
_s6j AS (
  SELECT s.*, _e6_1."v" AS "_ea6_1"
  FROM _s5 s
  LEFT JOIN _e6_1 ON _e6_1."_k" = s."id"
),
_s6 AS (
  SELECT *, "_ea6_1" AS "latest_category"
  FROM _s6j
),
_e7_1 AS (
  SELECT e."customer_id" AS "_k", CAST(COUNT(*) AS DOUBLE PRECISION) AS "v" FROM "complaints" e JOIN _s0 c ON e."customer_id" = c."id" GROUP BY e."customer_id"
),
_s7j AS (
  SELECT s.*, _e7_1."v" AS "_ea7_1"
  FROM _s6 s
  LEFT JOIN _e7_1 ON _e7_1."_k" = s."id"
),
_s7 AS (
  SELECT *, (COALESCE("_ea7_1", CAST(0 AS DOUBLE PRECISION)) >= CAST(3 AS DOUBLE PRECISION)) AS "repeat_complainer"
  FROM _s7j
),
_e8_1 AS (
  SELECT e."customer_id" AS "_k", AVG(e."days_to_resolve") AS "v" FROM "complaints" e JOIN _s0 c ON e."customer_id" = c."id" GROUP BY e."customer_id"
),
_s8j AS (
  SELECT s.*, _e8_1."v" AS "_ea8_1"
  FROM _s7 s
  LEFT JOIN _e8_1 ON _e8_1."_k" = s."id"
),
_s8 AS (
  SELECT *, "_ea8_1" AS "avg_fix_days"
  FROM _s8j
),
_s9 AS (
  SELECT *, COALESCE(("open_count" > CAST(0 AS DOUBLE PRECISION)), FALSE) AS "open_cases"
  FROM _s8
),
_s10 AS (
  SELECT *, COALESCE(("clv" >= CAST(5000000 AS DOUBLE PRECISION)), FALSE) AS "valuable"
  FROM _s9
),
_s11 AS (
  SELECT *, (CASE WHEN ("open_cases" AND (("worst_open" = CAST(3 AS DOUBLE PRECISION)) OR ("valuable" AND ("waiting_days" > CAST(30 AS DOUBLE PRECISION))))) THEN 'P1' WHEN ("open_cases" AND ((("worst_open" = CAST(2 AS DOUBLE PRECISION)) OR ("waiting_days" > CAST(60 AS DOUBLE PRECISION))) OR "repeat_complainer")) THEN 'P2' WHEN "open_cases" THEN 'P3' ELSE NULL END) AS "priority"
  FROM _s10
)
SELECT "id", "open_count", "worst_open", "oldest_open", "waiting_days", "latest_category", "repeat_complainer", "avg_fix_days", "open_cases", "valuable", "priority"
FROM _s11
ORDER BY ("_strata_order" COLLATE "C") ASC;
