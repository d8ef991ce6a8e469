"""Strata's segment membership and `ntile` in polars expressions, shared by the polars peers
(Tests/Peers/peer_polars.py and Tests/Peers/events/peer_polars.py)."""
import polars as pl


def seg(e):
    """A segment: true rows only."""
    return e.fill_null(False)


def ntile(e, buckets):
    """SQL NTILE(buckets) OVER (ORDER BY e, row) over the non-null values; null stays null. The "ordinal"
    rank numbers ties in the order they occur (load order); the first m % buckets groups get one more."""
    rank = e.rank("ordinal").cast(pl.Int64) - 1
    m = e.count().cast(pl.Int64)
    size, extra = m // buckets, m % buckets
    big = (size + 1) * extra
    return (pl.when(rank < big).then(rank // (size + 1) + 1)
            .otherwise(extra + (rank - big) // size + 1))
