"""The reference side of Tests/Peers/lifetimes/check.sh: CDNOW's transactions and lifetimes' summary.

    python prepare.py --out DIR        (the python of .build/lifetimes-venv; check.sh passes it)

Reads the CDNOW transactions bundled in the `lifetimes` package (lifetimes/datasets/CDNOW_master.txt:
69,659 purchases by 23,570 customers, 1997-01-01 to 1998-06-30; whitespace-separated columns
customer_id date(YYYYMMDD) number_of_cds dollar_value) and writes two files into DIR:

    cdnow.csv      customer_id,date,amount    one row per purchase, in the file's order; customer_id as
                   a number without its leading zeros (00001 -> 1), date as YYYY-MM-DD, amount as
                   written in CDNOW (dollar_value, 2 decimals; 80 purchases are 0.00)
    expected.csv   customer_id,frequency,recency,T,monetary_value    one row per customer, computed by
                   lifetimes.utils.summary_data_from_transaction_data(df, "customer_id", "date",
                   monetary_value_col="amount", observation_period_end=OBSERVATION_END) on cdnow.csv
                   as read back, numbers in Python's shortest round-trip form (full precision)

(lifetimes.datasets.load_transaction_data is not CDNOW: it loads example_transactions.csv, generated
data. The package's cdnow_customers_summary*.csv are the 2,357-customer CDNOW *sample* in weeks.)

The observation end is OBSERVATION_END = 1998-06-30, the last purchase date in CDNOW, so no purchase is
cut off and T is counted up to the last day of the data. cdnow.strata sets `as_of` to the same date.

What lifetimes 0.11.3 computes (lifetimes/utils.py, _find_first_transactions and
summary_data_from_transaction_data), with the default freq="D", freq_multiplier=1 and
include_first_transaction=False:
  1. Every purchase's datetime becomes its day (to_period("D")); purchases after the observation end
     are dropped (none here).
  2. Purchases are grouped by (day, customer) and their amounts summed: one "period" per day on which
     the customer bought anything, whatever the number of purchases that day.
  3. The customer's first period (earliest day) is marked "first".
  4. frequency      = number of periods - 1                  (distinct purchase days - 1: repeat days)
     recency        = (last period - first period) in days   (0 for a one-day customer)
     T              = (observation end - first period) in days
     monetary_value = mean of the period totals with the first period's set to NaN, NaN -> 0:
                      (sum of all amounts - amounts on the first day) / frequency, or 0 when
                      frequency is 0. The first day's amount never counts, and a day with several
                      purchases counts once, with their sum.
All four come back as floats; for freq="D" the first three are whole numbers.
"""
import argparse, csv, os, sys

import pandas as pd
import lifetimes
from lifetimes.utils import summary_data_from_transaction_data

OBSERVATION_END = "1998-06-30"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True, help="folder for cdnow.csv and expected.csv")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)

    source = os.path.join(os.path.dirname(lifetimes.__file__), "datasets", "CDNOW_master.txt")
    raw = pd.read_csv(source, sep=r"\s+", dtype=str)
    if list(raw.columns) != ["customer_id", "date", "number_of_cds", "dollar_value"]:
        sys.exit(f"prepare.py: unexpected columns in {source}: {list(raw.columns)}")

    # cdnow.csv: what Strata loads. Amounts keep CDNOW's text, so both sides parse the same digits.
    csv_path = os.path.join(args.out, "cdnow.csv")
    tx = pd.DataFrame({
        "customer_id": raw["customer_id"].astype(int),
        "date": pd.to_datetime(raw["date"], format="%Y%m%d").dt.strftime("%Y-%m-%d"),
        "amount": raw["dollar_value"],
    })
    tx.to_csv(csv_path, index=False)

    # lifetimes reads the file Strata reads (round_trip: correctly rounded floats, as Strata parses).
    df = pd.read_csv(csv_path, float_precision="round_trip")
    if df["date"].max() > OBSERVATION_END:
        sys.exit(f"prepare.py: purchases after the observation end {OBSERVATION_END}; cdnow.strata does not cut them off")
    summary = summary_data_from_transaction_data(
        df, "customer_id", "date", monetary_value_col="amount", observation_period_end=OBSERVATION_END
    )

    expected_path = os.path.join(args.out, "expected.csv")
    with open(expected_path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["customer_id", "frequency", "recency", "T", "monetary_value"])
        for cid, row in summary.iterrows():
            w.writerow([int(cid)] + [repr(float(row[c])) for c in ["frequency", "recency", "T", "monetary_value"]])

    print(
        f"prepare.py: {len(df):,} purchases by {len(summary):,} customers, {df['date'].min()} to "
        f"{df['date'].max()}; observation end {OBSERVATION_END}; lifetimes {lifetimes.__version__}, "
        f"pandas {pd.__version__}; wrote {csv_path} and {expected_path}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
