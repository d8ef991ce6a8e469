"""What the event peers print: the `count` lines of Tests/Peers/events/bench.strata, in its order.

Each peer computes one value per name below (a tiers block: one per label, then the customers with no
tier) and hands them to `emit`, which prints `name,count` lines as run_bench.py reads them (tiers as
`tiers=label,count`; the `(none)` row only when it is not 0, as Strata prints it) and the phase times
as JSON on stderr.
"""
import json, sys

SEGMENTS = ["buyers", "active_30", "active_90", "silent", "churned_buyers", "big_spenders", "big_ticket",
            "recent_buyers", "repeat_buyers", "no_recent_buy", "dormant_money", "window_shoppers",
            "office_regulars", "online_leads", "quick_buyers", "repeat_project", "champions", "at_risk",
            "hibernating", "unhappy_owners", "slow_fixes", "fading_vip"]
TIERS = [("activity", ["hot", "warm", "cooling", "sleeping", "lost"])]
# The names of the values, in order: segments, then per tiers block its labels and `(none)`.
NAMES = SEGMENTS + [f"{t}={label}" for t, labels in TIERS for label in labels + ["(none)"]]

AS_OF = "2026-06-30"


def emit(values, load_s, eval_s):
    """values: one count per NAMES entry, in order; load_s / eval_s: seconds, or None when the tool
    does not load before it evaluates."""
    lines = [f"{name},{int(v)}" for name, v in zip(NAMES, values, strict=True)
             if not (name.endswith("=(none)") and v == 0)]
    print("\n".join(lines))
    ms = lambda s: None if s is None else s * 1000  # noqa: E731
    print(json.dumps({"load_ms": ms(load_s), "eval_ms": ms(eval_s)}), file=sys.stderr)
