"""Tests/Peers/bench.strata in pandas (numpy-backed columns, boolean masks).

Usage: python peer_pandas.py CUSTOMERS.csv
Prints one `name,count` line per `count` of bench.strata, in its order (tiers as `tiers=label,count`,
nulls as `tiers=(none)`); phase times as JSON on stderr: {"load_ms": …, "eval_ms": …}.

pandas has no three-valued logic on its default dtypes: a comparison with NaN/NaT is False and `~`
turns that into True. Strata (like SQL) says "unknown", and `where` keeps only true rows. So each
condition below is a mask of the rows where it is TRUE, and wherever a negation meets a column with
empty cells the unknown rows are excluded explicitly (`known & ~…`). pandas' qcut is not SQL's
NTILE; `ntile` below is NTILE exactly.
"""
import json, sys, time
import numpy as np
import pandas as pd

path = sys.argv[1]
t0 = time.perf_counter()
df = pd.read_csv(path, dtype={"id": str, "phone": str}, parse_dates=["first_visit", "last_visit", "last_contact"])
t1 = time.perf_counter()

n = len(df)
AS_OF = pd.Timestamp("2026-06-30")


def ntile(values, buckets):
    """SQL NTILE(buckets) OVER (ORDER BY values, row) over the non-NaN values (NaN stays NaN): a stable
    sort keeps ties in load order; the first m % buckets groups get one more row."""
    rows = np.flatnonzero(~np.isnan(values))
    order = rows[np.argsort(values[rows], kind="stable")]
    size, extra = divmod(len(order), buckets)
    out = np.full(n, np.nan)
    out[order] = np.repeat(np.arange(1, buckets + 1), size + (np.arange(buckets) < extra))
    return out


def abc(values, a=0.8, b=0.95):
    """ABC grade: values descending, ties in load order; by the share of the total held by the rows
    before each one. NaN values get None."""
    rows = np.flatnonzero(~np.isnan(values))
    order = rows[np.argsort(-values[rows], kind="stable")]
    x = values[order]
    share = np.empty(n)
    share[order] = (np.cumsum(x) - x) / x.sum()
    grade = np.full(n, None, dtype=object)
    grade[order] = np.where(share[order] < a, "A", np.where(share[order] < b, "B", "C"))
    return grade


owners = (df["purchases"] >= 1).to_numpy()
recency = (AS_OF - df["last_visit"]).dt.days.to_numpy(dtype=float)
r_score = 6 - ntile(np.where(owners, recency, np.nan), 5)
f_score = ntile(np.where(owners, (df["purchases"] * 10 + df["visits"]).to_numpy(dtype=float), np.nan), 5)
m_score = ntile(np.where(owners, df["total_spend"].to_numpy(dtype=float), np.nan), 5)
value_grade = abc(df["clv"].to_numpy(dtype=float))
sat = df["satisfaction"]
sat_known = sat.notna().to_numpy()
sat_quartile = ntile(sat.to_numpy(dtype=float), 4)
p90 = df["clv"].quantile(0.9)  # linear interpolation, NaN skipped
sat_p25 = sat.quantile(0.25)

s = {}
s["owners"] = owners
s["prospects"] = ((df["purchases"] == 0) & (df["visits"] >= 3)).to_numpy()
s["vip"] = vip = ((df["clv"] > 2e6) & (df["referrals"] >= 2)).to_numpy()
s["top_decile"] = (df["clv"] >= p90).to_numpy()
s["big_cities"] = big = df["city"].isin(["深圳", "上海", "北京", "广州"]).to_numpy()
s["referral_buyers"] = (df["channel"] == "老带新").to_numpy() & owners
s["members"] = (df["member"] == True).to_numpy()  # noqa: E712 (a bool column; NaN would be False)
s["recent"] = (df["last_visit"] >= AS_OF - pd.Timedelta(days=90)).to_numpy()
s["lapsed"] = owners & (df["last_visit"] < AS_OF - pd.DateOffset(years=2)).to_numpy()
# DateOffset(months=6) clamps to the month's end, as Strata's `+ 6 months` does.
s["quick_deciders"] = owners & (df["last_visit"] <= df["first_visit"] + pd.DateOffset(months=6)).to_numpy()
s["long_journey"] = ((df["last_visit"] - df["first_visit"]).dt.days > 3 * 365).to_numpy()
lc = df["last_contact"]
# `<` with NaT is False, which is what `where` keeps of an unknown; `or is null` adds the empty cells.
s["no_contact"] = no_contact = owners & ((lc < AS_OF - pd.Timedelta(days=180)) | lc.isna()).to_numpy()
# not (satisfaction >= 3): unknown when satisfaction is empty, so only known scores can be unhappy.
s["unhappy"] = unhappy = sat_known & ~(sat >= 3).to_numpy()
# not (complaints >= 1 or satisfaction < 4): true only when both parts are known to be false.
s["settled"] = ~(df["complaints"] >= 1).to_numpy() & sat_known & ~(sat < 4).to_numpy()
s["low_satisfaction"] = (sat <= sat_p25).to_numpy()
s["complainers"] = complainers = (df["complaints"] >= 2).to_numpy()
s["churn_risk"] = churn = no_contact & (complainers | unhappy)
s["loyal_vip"] = vip & ~churn
s["champions"] = (r_score >= 4) & (f_score >= 4) & (m_score >= 4)  # NaN compares False: not scored, not in
s["at_risk"] = (r_score <= 2) & (f_score >= 3) & (m_score >= 3)
s["hibernating"] = (r_score <= 2) & (f_score <= 2)
s["a_class"] = a_class = value_grade == "A"
s["valuable_at_risk"] = a_class & churn
s["happiest_quarter"] = sat_quartile == 4
s["young_rich"] = ((df["age"] < 35) & df["income_band"].isin(["中高", "高"])).to_numpy()
occ = df["occupation"]
# `not in` of an unknown occupation is unknown: isin() gives False for NaN, so exclude NaN explicitly.
s["not_salaried"] = (occ.notna() & ~occ.isin(["白领", "IT", "金融", "公务员", "教师", "医生"])).to_numpy()
s["quality_seekers"] = (df["demand_type"] == "品质追求").to_numpy() & ~big
s["unreachable_mid_age"] = (df["age"].between(35, 50) & df["email"].isna()).to_numpy()

clv, referrals, purchases = df["clv"].to_numpy(), df["referrals"].to_numpy(), df["purchases"].to_numpy()
vip_tier = np.select([owners & (clv >= 1e7) & (referrals >= 2), owners & (clv >= 5e6),
                      owners & ((clv >= 2e6) | (purchases >= 2))], ["钻石", "金卡", "银卡"], "普通")
sv = sat.to_numpy(dtype=float)
satisfaction_band = np.select([sv >= 4.5, sv >= 3, sv < 3], ["high", "middle", "low"], "")  # "": no tier

lines = [f"{k},{int(v.sum())}" for k, v in s.items()]
for name, labels, col in [("vip_tier", ["钻石", "金卡", "银卡", "普通"], vip_tier),
                          ("satisfaction_band", ["high", "middle", "low"], satisfaction_band)]:
    lines += [f"{name}={label},{int((col == label).sum())}" for label in labels]
    none = int((col == "").sum())
    if none:
        lines.append(f"{name}=(none),{none}")
t2 = time.perf_counter()
print("\n".join(lines))
print(json.dumps({"load_ms": (t1 - t0) * 1000, "eval_ms": (t2 - t1) * 1000}), file=sys.stderr)
