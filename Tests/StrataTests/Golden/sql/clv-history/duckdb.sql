-- strata sql --dialect duckdb: one row per customer in load order: the key, each segment
-- (true/false), each derived and tiers field. show, count, export and assert are not translated.
WITH
_s0 AS (
  SELECT c.*, c."id" AS "_strata_order"
  FROM "customers" c
),
_e4_1 AS (
  SELECT e."customer_id" AS "_k", CAST(COUNT(*) AS DOUBLE) AS "v" FROM "purchases" e JOIN _s0 c ON e."customer_id" = c."id" GROUP BY e."customer_id"
),
_s4j AS (
  SELECT s.*, _e4_1."v" AS "_ea4_1"
  FROM _s0 s
  LEFT JOIN _e4_1 ON _e4_1."_k" = s."id"
),
_s4 AS (
  SELECT *, COALESCE((COALESCE("_ea4_1", CAST(0 AS DOUBLE)) > CAST(0 AS DOUBLE)), FALSE) AS "owners"
  FROM _s4j
),
_e5_1 AS (
  SELECT e."customer_id" AS "_k", SUM(e."amount") AS "v" FROM "purchases" e JOIN _s0 c ON e."customer_id" = c."id" GROUP BY e."customer_id"
),
_s5j AS (
  SELECT s.*, _e5_1."v" AS "_ea5_1"
  FROM _s4 s
  LEFT JOIN _e5_1 ON _e5_1."_k" = s."id"
),
_s5 AS (
  SELECT *, COALESCE("_ea5_1", CAST(0 AS DOUBLE)) AS "historic"
  FROM _s5j
),
_e6_1 AS (
  SELECT e."customer_id" AS "_k", MIN(e."date") AS "v" FROM "purchases" e JOIN _s0 c ON e."customer_id" = c."id" GROUP BY e."customer_id"
),
_s6j AS (
  SELECT s.*, _e6_1."v" AS "_ea6_1"
  FROM _s5 s
  LEFT JOIN _e6_1 ON _e6_1."_k" = s."id"
),
_s6 AS (
  SELECT *, "_ea6_1" AS "first_buy"
  FROM _s6j
),
_e7_1 AS (
  SELECT e."customer_id" AS "_k", MAX(e."date") AS "v" FROM "purchases" e JOIN _s0 c ON e."customer_id" = c."id" GROUP BY e."customer_id"
),
_s7j AS (
  SELECT s.*, _e7_1."v" AS "_ea7_1"
  FROM _s6 s
  LEFT JOIN _e7_1 ON _e7_1."_k" = s."id"
),
_s7 AS (
  SELECT *, "_ea7_1" AS "last_buy"
  FROM _s7j
),
_s8 AS (
  SELECT *, GREATEST((CAST(DATE_DIFF('day', "first_buy", DATE '2026-06-30') AS DOUBLE) / NULLIF(CAST(365.25 AS DOUBLE), 0)), CAST(1 AS DOUBLE)) AS "tenure_years"
  FROM _s7
),
_s9 AS (
  SELECT *, ("historic" / NULLIF("tenure_years", 0)) AS "yearly"
  FROM _s8
),
_s10 AS (
  SELECT *, (CASE WHEN (CAST(DATE_DIFF('day', "last_buy", DATE '2026-06-30') AS DOUBLE) <= CAST(365 AS DOUBLE)) THEN CAST(0.6 AS DOUBLE) ELSE (CASE WHEN (CAST(DATE_DIFF('day', "last_buy", DATE '2026-06-30') AS DOUBLE) <= CAST(1095 AS DOUBLE)) THEN CAST(0.3 AS DOUBLE) ELSE CAST(0.1 AS DOUBLE) END) END) AS "stay"
  FROM _s9
),
_s12 AS (
  SELECT *, (CASE WHEN "owners" THEN (("yearly" * "stay") * CAST(3.9927100370780853 AS DOUBLE)) ELSE CAST(0 AS DOUBLE) END) AS "projected"
  FROM _s10
),
_s13 AS (
  SELECT *, ("historic" + "projected") AS "clv_history"
  FROM _s12
),
_s14 AS (
  SELECT *, (CASE WHEN ("clv_history" >= CAST(10000000 AS DOUBLE)) THEN 'top' WHEN ("clv_history" >= CAST(5000000 AS DOUBLE)) THEN 'high' WHEN "owners" THEN 'middle' ELSE 'none' END) AS "value_band"
  FROM _s13
)
SELECT "id", "owners", "historic", "first_buy", "last_buy", "tenure_years", "yearly", "stay", "projected", "clv_history", "value_band"
FROM _s14
ORDER BY "_strata_order" ASC;
