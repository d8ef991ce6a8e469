-- strata sql --dialect postgres: one row per customer in load order: the key, each segment
-- (true/false), each derived and tiers field. show, count, export and assert are not translated.
WITH
_s0 AS (
  SELECT c.*, c."id" AS "_strata_order"
  FROM "customers" c
),
_e2_1 AS (
  SELECT e."customer_id" AS "_k", CAST(COUNT(*) AS DOUBLE PRECISION) AS "v" FROM "purchases" e JOIN _s0 c ON e."customer_id" = c."id" GROUP BY e."customer_id"
),
_s2j AS (
  SELECT s.*, _e2_1."v" AS "_ea2_1"
  FROM _s0 s
  LEFT JOIN _e2_1 ON _e2_1."_k" = s."id"
),
_s2 AS (
  SELECT *, COALESCE((COALESCE("_ea2_1", CAST(0 AS DOUBLE PRECISION)) > CAST(0 AS DOUBLE PRECISION)), FALSE) AS "buyers"
  FROM _s2j
),
_e3_1 AS (
  SELECT e."customer_id" AS "_k", MAX(e."date") AS "v" FROM "purchases" e JOIN _s0 c ON e."customer_id" = c."id" GROUP BY e."customer_id"
),
_s3j AS (
  SELECT s.*, _e3_1."v" AS "_ea3_1"
  FROM _s2 s
  LEFT JOIN _e3_1 ON _e3_1."_k" = s."id"
),
_s3 AS (
  SELECT *, CAST((DATE '2026-06-30' - "_ea3_1") AS DOUBLE PRECISION) AS "recency_days"
  FROM _s3j
),
_e4_1 AS (
  SELECT e."customer_id" AS "_k", CAST(COUNT(DISTINCT e."date") AS DOUBLE PRECISION) AS "v" FROM "purchases" e JOIN _s0 c ON e."customer_id" = c."id" GROUP BY e."customer_id"
),
_s4j AS (
  SELECT s.*, _e4_1."v" AS "_ea4_1"
  FROM _s3 s
  LEFT JOIN _e4_1 ON _e4_1."_k" = s."id"
),
_s4 AS (
  SELECT *, COALESCE("_ea4_1", CAST(0 AS DOUBLE PRECISION)) AS "frequency"
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
  SELECT *, "_ea5_1" AS "monetary"
  FROM _s5j
),
_s6 AS (
  SELECT *, (CAST(6 AS DOUBLE PRECISION) - (CASE WHEN "recency_days" IS NULL THEN NULL ELSE CAST(NTILE(5) OVER (PARTITION BY ("recency_days" IS NULL) ORDER BY "recency_days" ASC NULLS LAST, ("_strata_order" COLLATE "C") ASC) AS DOUBLE PRECISION) END)) AS "r_score"
  FROM _s5
),
_s7 AS (
  SELECT *, (CASE WHEN (CASE WHEN "buyers" THEN "frequency" ELSE NULL END) IS NULL THEN NULL ELSE CAST(NTILE(5) OVER (PARTITION BY ((CASE WHEN "buyers" THEN "frequency" ELSE NULL END) IS NULL) ORDER BY (CASE WHEN "buyers" THEN "frequency" ELSE NULL END) ASC NULLS LAST, ("_strata_order" COLLATE "C") ASC) AS DOUBLE PRECISION) END) AS "f_score"
  FROM _s6
),
_s8 AS (
  SELECT *, (CASE WHEN "monetary" IS NULL THEN NULL ELSE CAST(NTILE(5) OVER (PARTITION BY ("monetary" IS NULL) ORDER BY "monetary" ASC NULLS LAST, ("_strata_order" COLLATE "C") ASC) AS DOUBLE PRECISION) END) AS "m_score"
  FROM _s7
),
_s9 AS (
  SELECT *, (CASE WHEN ((("r_score" >= CAST(4 AS DOUBLE PRECISION)) AND ("f_score" >= CAST(4 AS DOUBLE PRECISION))) AND ("m_score" >= CAST(4 AS DOUBLE PRECISION))) THEN 'champions' WHEN ((("r_score" <= CAST(2 AS DOUBLE PRECISION)) AND ("f_score" >= CAST(3 AS DOUBLE PRECISION))) AND ("m_score" >= CAST(3 AS DOUBLE PRECISION))) THEN 'at_risk' WHEN (("f_score" >= CAST(4 AS DOUBLE PRECISION)) AND ("m_score" >= CAST(3 AS DOUBLE PRECISION))) THEN 'loyal' WHEN (("r_score" >= CAST(4 AS DOUBLE PRECISION)) AND ("f_score" <= CAST(3 AS DOUBLE PRECISION))) THEN 'potential' WHEN (("r_score" <= CAST(2 AS DOUBLE PRECISION)) AND ("f_score" <= CAST(2 AS DOUBLE PRECISION))) THEN 'hibernating' WHEN "buyers" THEN 'others' ELSE NULL END) AS "rfm"
  FROM _s8
)
SELECT "id", "buyers", "recency_days", "frequency", "monetary", "r_score", "f_score", "m_score", "rfm"
FROM _s9
ORDER BY ("_strata_order" COLLATE "C") ASC;
