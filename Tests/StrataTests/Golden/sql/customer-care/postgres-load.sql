DROP TABLE IF EXISTS "customers";
CREATE TABLE "customers" ("id" TEXT, "name" TEXT, "gender" TEXT, "age" DOUBLE PRECISION, "city" TEXT, "income_band" TEXT, "occupation" TEXT, "channel" TEXT, "demand_type" TEXT, "stage" TEXT, "visits" DOUBLE PRECISION, "purchases" DOUBLE PRECISION, "total_spend" DOUBLE PRECISION, "clv" DOUBLE PRECISION, "referrals" DOUBLE PRECISION, "complaints" DOUBLE PRECISION, "satisfaction" DOUBLE PRECISION, "member" BOOLEAN, "first_visit" DATE, "last_visit" DATE, "last_contact" DATE, "phone" TEXT, "email" TEXT, "_row" BIGSERIAL);
\copy "customers" ("id", "name", "gender", "age", "city", "income_band", "occupation", "channel", "demand_type", "stage", "visits", "purchases", "total_spend", "clv", "referrals", "complaints", "satisfaction", "member", "first_visit", "last_visit", "last_contact", "phone", "email") FROM 'examples/data/customers.csv' WITH (FORMAT csv, HEADER true)
DROP TABLE IF EXISTS "purchases";
CREATE TABLE "purchases" ("customer_id" TEXT, "date" DATE, "amount" DOUBLE PRECISION, "project" TEXT, "_row" BIGSERIAL);
\copy "purchases" ("customer_id", "date", "amount", "project") FROM 'examples/data/purchases.csv' WITH (FORMAT csv, HEADER true)
