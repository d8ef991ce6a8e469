"""The benchmark rules (Tests/Peers/bench.strata) in polars expressions. Prints `name,count` lines;
phase times as JSON on stderr. Ties in ntile/abc go in load order (a row index), as in Strata."""
import json, sys, time
import polars as pl

path = sys.argv[1]
t0 = time.perf_counter()
df = pl.read_csv(path, schema_overrides={"id": pl.Utf8, "phone": pl.Utf8}, try_parse_dates=True)
t1 = time.perf_counter()

AS_OF = pl.date(2026, 6, 30)
n = df.height


def ntile(expr, buckets):
    # SQL NTILE over (x, row): "ordinal" ranks ties in the order they occur, then the first n % buckets
    # groups get one more row.
    rank = expr.rank("ordinal") - 1
    size, extra = n // buckets, n % buckets
    big = (size + 1) * extra
    return pl.when(rank < big).then(rank // (size + 1) + 1).otherwise(extra + (rank - big) // max(size, 1) + 1)


d = df.with_row_index("row").with_columns(
    (AS_OF - pl.col("last_visit")).dt.total_days().alias("recency_days"),
)
d = d.with_columns(
    (6 - ntile(pl.col("recency_days"), 5)).alias("r_score"),
    ntile(pl.col("purchases") * 10 + pl.col("visits"), 5).alias("f_score"),
    ntile(pl.col("total_spend"), 5).alias("m_score"),
)
order = d.select("row", "clv").sort(["clv", "row"], descending=[True, False])
total = order["clv"].sum()
order = order.with_columns(((pl.col("clv").cum_sum() - pl.col("clv")) / total).alias("share_before"))
d = d.join(order.select("row", "share_before"), on="row")
p90 = df["clv"].quantile(0.9, interpolation="linear")
c = pl.col
seg = lambda e: e.fill_null(False)
d = d.with_columns(
    seg(c("purchases") >= 1).alias("owners"),
    seg((c("purchases") == 0) & (c("visits") >= 3)).alias("prospects"),
    seg((c("clv") > 2e6) & (c("referrals") >= 2)).alias("vip"),
    seg(c("clv") >= p90).alias("top_decile"),
    seg(c("city").is_in(["深圳", "上海", "北京", "广州"])).alias("big_cities"),
    seg(c("member")).alias("members"),
    seg(c("last_visit") >= AS_OF - pl.duration(days=90)).alias("recent"),
    seg(~(c("satisfaction") >= 3)).alias("unhappy"),
    seg(c("complaints") >= 2).alias("complainers"),
    seg((c("age") < 35) & c("income_band").is_in(["中高", "高"])).alias("young_rich"),
    (c("share_before") < 0.8).alias("a_class"),
)
d = d.with_columns(
    seg((c("channel") == "老带新") & c("owners")).alias("referral_buyers"),
    seg(c("owners") & (c("last_visit") < AS_OF.dt.offset_by("-2y"))).alias("lapsed"),
    seg(c("owners") & ((c("last_contact") < AS_OF - pl.duration(days=180)) | c("last_contact").is_null())).alias("no_contact"),
    seg((c("r_score") >= 4) & (c("f_score") >= 4) & (c("m_score") >= 4)).alias("champions"),
    seg((c("r_score") <= 2) & (c("f_score") >= 3) & (c("m_score") >= 3)).alias("at_risk"),
    seg((c("r_score") <= 2) & (c("f_score") <= 2)).alias("hibernating"),
    seg((c("demand_type") == "品质追求") & ~c("big_cities")).alias("quality_seekers"),
    pl.when(c("owners") & (c("clv") >= 1e7) & (c("referrals") >= 2)).then(pl.lit("钻石"))
      .when(c("owners") & (c("clv") >= 5e6)).then(pl.lit("金卡"))
      .when(c("owners") & ((c("clv") >= 2e6) | (c("purchases") >= 2))).then(pl.lit("银卡"))
      .otherwise(pl.lit("普通")).alias("vip_tier"),
)
d = d.with_columns(seg(c("no_contact") & (c("complainers") | c("unhappy"))).alias("churn_risk"))
names = ["owners", "prospects", "vip", "top_decile", "big_cities", "referral_buyers", "members", "recent", "lapsed",
         "no_contact", "unhappy", "complainers", "churn_risk", "champions", "at_risk", "hibernating", "a_class"]
row = d.select([c(x).sum().alias(x) for x in names] + [
    (c("a_class") & c("churn_risk")).sum().alias("valuable_at_risk"),
    c("young_rich").sum().alias("young_rich"), c("quality_seekers").sum().alias("quality_seekers"),
    *[(c("vip_tier") == t).sum().alias(t) for t in ["钻石", "金卡", "银卡", "普通"]],
]).row(0, named=True)
t2 = time.perf_counter()
print("\n".join(f"{k},{v}" for k, v in row.items()))
print(json.dumps({"load_ms": (t1 - t0) * 1000, "eval_ms": (t2 - t1) * 1000}), file=sys.stderr)
