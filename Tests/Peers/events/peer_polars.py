"""Tests/Peers/events/bench.strata in polars expressions (lazy, one query, collected once).

Usage: python peer_polars.py DIR      (DIR holds customers.csv, visits.csv, purchases.csv, complaints.csv)
Prints one `name,count` line per `count` of bench.strata, in its order (counts.py); phase times as
JSON on stderr: {"load_ms": null, "eval_ms": …} (the scans are part of the one query, so polars
reports no separate load phase).

As a polars user writes it: scan_csv per table with the types given, each event table grouped by
customer_id on its own (filters inside agg), then left joins to the customers (keeping their order,
which `ntile` ties follow). Where polars differs from SQL it is written out:
- `sum` of no values is 0 in polars and null in SQL and Strata: `nsum` gives null when there is no
  non-null value;
- `n_unique` counts null as a value: `count(distinct …)` drops nulls first;
- `last(x by y)`: x on the row with the greatest (y, row number): ties go to the later row; `first`
  the least;
- a customer without rows gets 0 from counts (`fill_null(0)` after the join), null from the rest.
Comparisons with null are null and `&`, `|`, `~` are Kleene, as in SQL; a segment is the rows where
its expression is true (`fill_null(False)`).
"""
import os, sys, time
import polars as pl

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [HERE, os.path.dirname(HERE)]
from counts import AS_OF, SEGMENTS, TIERS, emit  # noqa: E402
from polars_rules import ntile, seg  # noqa: E402

folder = sys.argv[1]
c = pl.col
as_of = pl.lit(AS_OF).str.to_date()
t0 = time.perf_counter()


def scan(file, schema):
    """The CSV with the listed columns' types (the others are not read)."""
    return pl.scan_csv(os.path.join(folder, file), schema_overrides=schema).select(list(schema))


customers = scan("customers.csv", {"id": pl.Utf8, "city": pl.Utf8, "clv": pl.Float64, "first_visit": pl.Date})
visits = scan("visits.csv", {"customer_id": pl.Utf8, "date": pl.Date, "channel": pl.Utf8, "minutes": pl.Int64})
purchases = scan("purchases.csv", {"customer_id": pl.Utf8, "date": pl.Date, "amount": pl.Float64, "project": pl.Utf8})
complaints = scan("complaints.csv", {"customer_id": pl.Utf8, "date": pl.Date, "severity": pl.Int64,
                                     "resolved": pl.Boolean, "days_to_resolve": pl.Int64})


def nsum(e):
    """SQL's sum: null when there is no non-null value."""
    return pl.when(e.count() > 0).then(e.sum())


def distinct(e):
    return e.drop_nulls().n_unique()


def last_by(x, y):
    """x on the row with the greatest non-null y, ties to the later row (`row`: the row number)."""
    return x.filter(y.is_not_null()).sort_by([y, c("row")]).last()


def first_by(x, y):
    return x.filter(y.is_not_null()).sort_by([y, c("row")]).first()


def since(days):
    return c("date") >= as_of - pl.duration(days=days)


v = visits.with_row_index("row").group_by("customer_id").agg(
    since(30).sum().alias("visits_30"),
    since(90).sum().alias("visits_90"),
    since(180).sum().alias("visits_180"),
    distinct(c("date")).alias("visit_days"),
    distinct(c("date").filter((c("channel") == "到访") & since(180))).alias("office_days_180"),
    nsum(c("minutes").filter(c("channel") == "到访")).alias("office_minutes"),
    nsum(c("minutes").filter((c("channel") == "线上") & since(90))).alias("online_minutes_90"),
    c("date").max().alias("last_seen"),
    last_by(c("channel"), c("date")).alias("last_channel"),
)
p = purchases.with_row_index("row").group_by("customer_id").agg(
    pl.len().alias("buys"),
    c("amount").count().alias("n_amounts"),
    nsum(c("amount")).alias("spend"),
    nsum(c("amount").filter(c("date") >= as_of.dt.offset_by("-3y"))).alias("spend_3y"),
    c("amount").max().alias("max_amount"),
    c("date").min().alias("first_buy"),
    c("date").max().alias("last_buy"),
    distinct(c("date")).alias("buy_days"),
    last_by(c("project"), c("date")).alias("last_project"),
    first_by(c("project"), c("date")).alias("first_project"),
)
k = complaints.group_by("customer_id").agg(
    (~c("resolved")).sum().alias("open_complaints"),
    ((c("severity") >= 2) & since(180)).sum().alias("serious_180"),
    c("days_to_resolve").max().alias("slowest_fix"),
)


counts = ["visits_30", "visits_90", "visits_180", "visit_days", "office_days_180", "buys", "n_amounts", "buy_days",
          "open_complaints", "serious_180"]
q = (customers
     .join(v, left_on="id", right_on="customer_id", how="left", maintain_order="left")
     .join(p, left_on="id", right_on="customer_id", how="left", maintain_order="left")
     .join(k, left_on="id", right_on="customer_id", how="left", maintain_order="left")
     .with_columns(c(counts).fill_null(0))
     .with_columns(
         (6 - ntile((as_of - c("last_buy")).dt.total_days(), 5)).alias("r_score"),
         ntile(pl.when(c("buys") >= 1).then(c("visit_days")), 5).alias("f_score"),
         ntile(c("spend"), 5).alias("m_score"),
         ntile(c("last_seen"), 10).alias("engagement"),
         # avg(purchases.amount) over the rows that belong to a customer.
         (c("spend").sum() / c("n_amounts").sum()).alias("avg_ticket"),
         (c("buys") >= 1).alias("buyers"),
     )
     .with_columns(
         seg(c("visits_30") >= 1).alias("active_30"),
         seg((c("visits_90") >= 3) & (c("visit_days") >= 5)).alias("active_90"),
         seg((c("visits_180") == 0) & (c("last_seen") >= as_of.dt.offset_by("-2y"))).alias("silent"),
         seg(c("buyers") & (c("last_seen") < as_of.dt.offset_by("-1y"))).alias("churned_buyers"),
         seg((c("spend") >= 1e7) & (c("clv") >= 5e6)).alias("big_spenders"),
         seg(c("max_amount") > 2 * c("avg_ticket")).alias("big_ticket"),
         seg(c("last_buy") >= as_of - pl.duration(days=180)).alias("recent_buyers"),
         seg(c("buy_days") >= 2).alias("repeat_buyers"),
         seg(~(c("last_buy") >= as_of.dt.offset_by("-3y"))).alias("no_recent_buy"),
         seg(c("spend_3y").is_null() & (c("spend") > 5e6)).alias("dormant_money"),
         seg((c("buys") == 0) & (c("visit_days") >= 5) & (c("office_days_180") >= 1)).alias("window_shoppers"),
         seg((c("office_minutes") > 600) & c("city").is_in(["深圳", "上海", "北京", "广州"])).alias("office_regulars"),
         seg((c("last_channel") == "线上") & c("spend").is_null() & (c("online_minutes_90") >= 10)).alias("online_leads"),
         seg((c("first_buy") - c("first_visit")).dt.total_days() <= 30).alias("quick_buyers"),
         seg((c("last_project") == c("first_project")) & (c("buys") >= 2)).alias("repeat_project"),
         seg((c("r_score") >= 4) & (c("f_score") >= 4) & (c("m_score") >= 4)).alias("champions"),
         seg((c("r_score") <= 2) & (c("m_score") >= 4) & (c("visits_180") == 0)).alias("at_risk"),
         seg((c("r_score") <= 2) & (c("f_score") <= 2)).alias("hibernating"),
         seg(c("buyers") & ((c("open_complaints") >= 1) | (c("serious_180") >= 1))).alias("unhappy_owners"),
         seg(c("slowest_fix") > 30).alias("slow_fixes"),
         seg((c("engagement") <= 3) & (c("clv") >= 5e6)).alias("fading_vip"),
         pl.when((c("visits_30") >= 2) | ((c("visits_30") >= 1) & c("buyers"))).then(pl.lit("hot"))
         .when(c("visits_90") >= 1).then(pl.lit("warm"))
         .when(c("visits_180") >= 1).then(pl.lit("cooling"))
         .when(c("last_seen") >= as_of.dt.offset_by("-3y")).then(pl.lit("sleeping"))
         .otherwise(pl.lit("lost")).alias("activity"),
     ))

exprs = [c(s).sum().alias(s) for s in SEGMENTS]
for tiers, labels in TIERS:
    exprs += [(c(tiers) == label).sum().alias(f"{tiers}={label}") for label in labels]
    exprs.append(c(tiers).is_null().sum().alias(f"{tiers}=(none)"))
row = q.select(exprs).collect().row(0)
t1 = time.perf_counter()
emit(row, None, t1 - t0)
