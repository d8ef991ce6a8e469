"""The benchmark rules (Tests/Peers/bench.strata) in pandas/numpy. Prints `name,count` lines;
phase times as JSON on stderr. NaN comparisons are False in pandas, so `not (x >= 3)` is written
as `notna & ~(x >= 3)` to keep SQL's rule that unknown is not in the segment."""
import json, sys, time
import numpy as np
import pandas as pd

path = sys.argv[1]
t0 = time.perf_counter()
df = pd.read_csv(path, dtype={"id": str, "phone": str}, parse_dates=["first_visit", "last_visit", "last_contact"])
t1 = time.perf_counter()

n = len(df)
as_of = pd.Timestamp("2026-06-30")
row = np.arange(n)


def ntile(values, buckets):
    # SQL NTILE over (x, row): stable order, first n % buckets groups one larger.
    order = np.lexsort((row, values))
    size, extra = divmod(n, buckets)
    sizes = np.full(buckets, size) + (np.arange(buckets) < extra)
    out = np.empty(n, dtype=np.int64)
    out[order] = np.repeat(np.arange(1, buckets + 1), sizes)
    return out


recency = (as_of - df["last_visit"]).dt.days.to_numpy()
r_score = 6 - ntile(recency, 5)
f_score = ntile((df["purchases"] * 10 + df["visits"]).to_numpy(), 5)
m_score = ntile(df["total_spend"].to_numpy(), 5)
clv = df["clv"].to_numpy()
order = np.lexsort((row, -clv))
before = np.empty(n)
before[order] = np.cumsum(clv[order]) - clv[order]
share_before = before / clv.sum()
p90 = np.quantile(clv, 0.9)

purchases, visits, referrals = df["purchases"].to_numpy(), df["visits"].to_numpy(), df["referrals"].to_numpy()
sat = df["satisfaction"]
owners = purchases >= 1
s = {}
s["owners"] = owners
s["prospects"] = (purchases == 0) & (visits >= 3)
s["vip"] = (clv > 2e6) & (referrals >= 2)
s["top_decile"] = clv >= p90
big = df["city"].isin(["深圳", "上海", "北京", "广州"]).to_numpy()
s["big_cities"] = big
s["referral_buyers"] = (df["channel"] == "老带新").to_numpy() & owners
s["members"] = df["member"].to_numpy(dtype=bool)
s["recent"] = (df["last_visit"] >= as_of - pd.Timedelta(days=90)).to_numpy()
s["lapsed"] = owners & (df["last_visit"] < as_of - pd.DateOffset(years=2)).to_numpy()
lc = df["last_contact"]
no_contact = owners & ((lc < as_of - pd.Timedelta(days=180)) | lc.isna()).to_numpy()
s["no_contact"] = no_contact
unhappy = (sat.notna() & ~(sat >= 3)).to_numpy()
s["unhappy"] = unhappy
complainers = df["complaints"].to_numpy() >= 2
s["complainers"] = complainers
churn = no_contact & (complainers | unhappy)
s["churn_risk"] = churn
s["champions"] = (r_score >= 4) & (f_score >= 4) & (m_score >= 4)
s["at_risk"] = (r_score <= 2) & (f_score >= 3) & (m_score >= 3)
s["hibernating"] = (r_score <= 2) & (f_score <= 2)
a_class = share_before < 0.8
s["a_class"] = a_class
s["valuable_at_risk"] = a_class & churn
s["young_rich"] = ((df["age"] < 35) & df["income_band"].isin(["中高", "高"])).to_numpy()
s["quality_seekers"] = (df["demand_type"] == "品质追求").to_numpy() & ~big
diamond = owners & (clv >= 1e7) & (referrals >= 2)
gold = ~diamond & owners & (clv >= 5e6)
silver = ~diamond & ~gold & owners & ((clv >= 2e6) | (purchases >= 2))
s["钻石"], s["金卡"], s["银卡"] = diamond, gold, silver
s["普通"] = ~(diamond | gold | silver)
counts = {k: int(v.sum()) for k, v in s.items()}
t2 = time.perf_counter()
print("\n".join(f"{k},{v}" for k, v in counts.items()))
print(json.dumps({"load_ms": (t1 - t0) * 1000, "eval_ms": (t2 - t1) * 1000}), file=sys.stderr)
