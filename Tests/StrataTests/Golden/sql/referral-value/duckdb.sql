-- strata sql --dialect duckdb: one row per customer in load order: the key, each segment
-- (true/false), each derived and tiers field. show, count, export and assert are not translated.
WITH
_s0 AS (
  SELECT c.*, c."id" AS "_strata_order"
  FROM "customers" c
),
_e2_1 AS (
  SELECT e."referrer" AS "_k", CAST(COUNT(*) AS DOUBLE) AS "v" FROM "referrals" e JOIN _s0 c ON e."referrer" = c."id" GROUP BY e."referrer"
),
_s2j AS (
  SELECT s.*, _e2_1."v" AS "_ea2_1"
  FROM _s0 s
  LEFT JOIN _e2_1 ON _e2_1."_k" = s."id"
),
_s2 AS (
  SELECT *, COALESCE("_ea2_1", CAST(0 AS DOUBLE)) AS "referred"
  FROM _s2j
),
_e3_1 AS (
  SELECT e."referrer" AS "_k", CAST(COUNT(*) AS DOUBLE) AS "v" FROM "referrals" e JOIN _s0 c ON e."referrer" = c."id" WHERE e."converted" GROUP BY e."referrer"
),
_s3j AS (
  SELECT s.*, _e3_1."v" AS "_ea3_1"
  FROM _s2 s
  LEFT JOIN _e3_1 ON _e3_1."_k" = s."id"
),
_s3 AS (
  SELECT *, COALESCE("_ea3_1", CAST(0 AS DOUBLE)) AS "referred_bought"
  FROM _s3j
),
_e4_1 AS (
  SELECT e."referrer" AS "_k", CAST(COUNT(*) AS DOUBLE) AS "v" FROM "referrals" e JOIN _s0 c ON e."referrer" = c."id" WHERE (e."converted" AND (e."date" >= CAST((DATE '2026-06-30' - INTERVAL '12 month') AS DATE))) GROUP BY e."referrer"
),
_s4j AS (
  SELECT s.*, _e4_1."v" AS "_ea4_1"
  FROM _s3 s
  LEFT JOIN _e4_1 ON _e4_1."_k" = s."id"
),
_s4 AS (
  SELECT *, COALESCE("_ea4_1", CAST(0 AS DOUBLE)) AS "referred_recent"
  FROM _s4j
),
_s5 AS (
  SELECT *, (CASE WHEN ("referred" > CAST(0 AS DOUBLE)) THEN ("referred_bought" / NULLIF("referred", 0)) ELSE NULL END) AS "conversion"
  FROM _s4
),
_s6 AS (
  SELECT *, COALESCE(("referred" > CAST(0 AS DOUBLE)), FALSE) AS "referrers"
  FROM _s5
),
_e7_1 AS (
  SELECT e."customer_id" AS "_k", CAST(COUNT(*) AS DOUBLE) AS "v" FROM "purchases" e JOIN _s0 c ON e."customer_id" = c."id" GROUP BY e."customer_id"
),
_s7j AS (
  SELECT s.*, _e7_1."v" AS "_ea7_1"
  FROM _s6 s
  LEFT JOIN _e7_1 ON _e7_1."_k" = s."id"
),
_s7 AS (
  SELECT *, COALESCE((COALESCE("_ea7_1", CAST(0 AS DOUBLE)) > CAST(0 AS DOUBLE)), FALSE) AS "owners"
  FROM _s7j
),
_s8 AS (
  SELECT *, COALESCE(("owners" AND ("referred_bought" >= CAST(2 AS DOUBLE))), FALSE) AS "ambassadors"
  FROM _s7
),
_l9 AS (
  SELECT (SELECT CAST(COUNT(*) AS DOUBLE) AS "v" FROM "referrals" e JOIN _s8 c ON e."referrer" = c."id" WHERE e."converted") AS "v"
),
_l10 AS (
  SELECT (SELECT CAST(COUNT(CASE WHEN "owners" THEN 1 END) AS DOUBLE) FROM _s8) AS "v"
),
_l11 AS (
  SELECT ((SELECT "v" FROM _l9) / NULLIF((SELECT "v" FROM _l10), 0)) AS "v"
)
SELECT "id", "referred", "referred_bought", "referred_recent", "conversion", "referrers", "owners", "ambassadors"
FROM _s8
ORDER BY "_strata_order" ASC;
