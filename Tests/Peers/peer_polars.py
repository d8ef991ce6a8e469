"""Tests/Peers/bench.strata in polars expressions (lazy, one query).

Usage: python peer_polars.py CUSTOMERS.csv
Prints one `name,count` line per `count` of bench.strata, in its order (tiers as `tiers=label,count`,
nulls as `tiers=(none)`); phase times as JSON on stderr: {"load_ms": …, "eval_ms": …}.

polars' nulls behave as SQL's, which is Strata's three-valued logic: comparisons with null are null,
`~`, `&` and `|` are Kleene, `is_in` of a null is null, and a segment is the rows where its
expression is true (`fill_null(False)`: membership is never null). Checked on the data by
run_bench.py: the counts must be identical to Strata's.
"""
import json, os, sys, time
import polars as pl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from polars_rules import ntile, seg  # noqa: E402

path = sys.argv[1]
t0 = time.perf_counter()
df = pl.read_csv(path, schema_overrides={"id": pl.Utf8, "phone": pl.Utf8}, try_parse_dates=True)
t1 = time.perf_counter()

c = pl.col
AS_OF = pl.date(2026, 6, 30)


def share_before(e):
    """ABC: the share of the total of e held by the rows before this one, e descending, ties in load order."""
    order = pl.arg_sort_by([e, pl.int_range(pl.len())], descending=[True, False], nulls_last=True)
    x = e.gather(order)
    before = (x.fill_null(0).cum_sum() - x).sort_by(order)  # back to load order
    return before / e.sum()


def grade(share):
    return pl.when(share < 0.8).then(pl.lit("A")).when(share < 0.95).then(pl.lit("B")).when(share.is_not_null()).then(pl.lit("C"))


q = df.lazy().with_columns(
    seg(c("purchases") >= 1).alias("owners"),
    (AS_OF - c("last_visit")).dt.total_days().alias("recency_days"),
    grade(share_before(c("clv"))).alias("value_grade"),
    ntile(c("satisfaction"), 4).alias("sat_quartile"),
    c("clv").quantile(0.9, "linear").alias("p90"),
    c("satisfaction").quantile(0.25, "linear").alias("sat_p25"),
).with_columns(
    (6 - ntile(pl.when(c("owners")).then(c("recency_days")), 5)).alias("r_score"),
    ntile(pl.when(c("owners")).then(c("purchases") * 10 + c("visits")), 5).alias("f_score"),
    ntile(pl.when(c("owners")).then(c("total_spend")), 5).alias("m_score"),
).with_columns(
    seg((c("purchases") == 0) & (c("visits") >= 3)).alias("prospects"),
    seg((c("clv") > 2e6) & (c("referrals") >= 2)).alias("vip"),
    seg(c("clv") >= c("p90")).alias("top_decile"),
    seg(c("city").is_in(["深圳", "上海", "北京", "广州"])).alias("big_cities"),
    seg((c("channel") == "老带新") & c("owners")).alias("referral_buyers"),
    seg(c("member")).alias("members"),
    seg(c("last_visit") >= AS_OF - pl.duration(days=90)).alias("recent"),
    seg(c("owners") & (c("last_visit") < AS_OF.dt.offset_by("-2y"))).alias("lapsed"),
    seg(c("owners") & (c("last_visit") <= c("first_visit").dt.offset_by("6mo"))).alias("quick_deciders"),
    seg((c("last_visit") - c("first_visit")).dt.total_days() > 3 * 365).alias("long_journey"),
    seg(c("owners") & ((c("last_contact") < AS_OF - pl.duration(days=180)) | c("last_contact").is_null()))
    .alias("no_contact"),
    seg(~(c("satisfaction") >= 3)).alias("unhappy"),
    seg(~((c("complaints") >= 1) | (c("satisfaction") < 4))).alias("settled"),
    seg(c("satisfaction") <= c("sat_p25")).alias("low_satisfaction"),
    seg(c("complaints") >= 2).alias("complainers"),
    seg((c("r_score") >= 4) & (c("f_score") >= 4) & (c("m_score") >= 4)).alias("champions"),
    seg((c("r_score") <= 2) & (c("f_score") >= 3) & (c("m_score") >= 3)).alias("at_risk"),
    seg((c("r_score") <= 2) & (c("f_score") <= 2)).alias("hibernating"),
    seg(c("value_grade") == "A").alias("a_class"),
    seg(c("sat_quartile") == 4).alias("happiest_quarter"),
    seg((c("age") < 35) & c("income_band").is_in(["中高", "高"])).alias("young_rich"),
    seg(~c("occupation").is_in(["白领", "IT", "金融", "公务员", "教师", "医生"])).alias("not_salaried"),
    seg(c("age").is_between(35, 50) & c("email").is_null()).alias("unreachable_mid_age"),
    pl.when(c("satisfaction") >= 4.5).then(pl.lit("high"))
    .when(c("satisfaction") >= 3).then(pl.lit("middle"))
    .when(c("satisfaction") < 3).then(pl.lit("low")).alias("satisfaction_band"),
).with_columns(
    seg(c("no_contact") & (c("complainers") | c("unhappy"))).alias("churn_risk"),
    seg((c("demand_type") == "品质追求") & ~c("big_cities")).alias("quality_seekers"),
    pl.when(c("owners") & (c("clv") >= 1e7) & (c("referrals") >= 2)).then(pl.lit("钻石"))
    .when(c("owners") & (c("clv") >= 5e6)).then(pl.lit("金卡"))
    .when(c("owners") & ((c("clv") >= 2e6) | (c("purchases") >= 2))).then(pl.lit("银卡"))
    .otherwise(pl.lit("普通")).alias("vip_tier"),
).with_columns(
    seg(c("vip") & ~c("churn_risk")).alias("loyal_vip"),
    seg(c("a_class") & c("churn_risk")).alias("valuable_at_risk"),
)

SEGMENTS = ["owners", "prospects", "vip", "top_decile", "big_cities", "referral_buyers", "members", "recent",
            "lapsed", "quick_deciders", "long_journey", "no_contact", "unhappy", "settled", "low_satisfaction",
            "complainers", "churn_risk", "loyal_vip", "champions", "at_risk", "hibernating", "a_class",
            "valuable_at_risk", "happiest_quarter", "young_rich", "not_salaried", "quality_seekers",
            "unreachable_mid_age"]
TIERS = [("vip_tier", ["钻石", "金卡", "银卡", "普通"]), ("satisfaction_band", ["high", "middle", "low"])]
exprs = [c(s).sum().alias(s) for s in SEGMENTS]
for tiers, labels in TIERS:
    exprs += [(c(tiers) == label).sum().alias(f"{tiers}={label}") for label in labels]
    exprs.append(c(tiers).is_null().sum().alias(f"{tiers}=(none)"))
row = q.select(exprs).collect().row(0, named=True)
t2 = time.perf_counter()

lines = [f"{k},{v}" for k, v in row.items() if not (k.endswith("=(none)") and v == 0)]
print("\n".join(lines))
print(json.dumps({"load_ms": (t1 - t0) * 1000, "eval_ms": (t2 - t1) * 1000}), file=sys.stderr)
