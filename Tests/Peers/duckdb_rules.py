"""Strata's `ntile` in DuckDB SQL, shared by the DuckDB peers (Tests/Peers/peer_duckdb.py and
Tests/Peers/events/peer_duckdb.py)."""


def ntile(x, buckets, row="rid"):
    """NTILE over the rows where x is not null, ties in load order (`row`); NULL where x is NULL. SQL's
    NTILE ranks the NULL rows too, so they get a partition of their own and their score is dropped."""
    return f"CASE WHEN {x} IS NOT NULL THEN ntile({buckets}) OVER (PARTITION BY {x} IS NULL ORDER BY {x}, {row}) END"
