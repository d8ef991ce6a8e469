#!/usr/bin/env python3
"""Checks the DOM Chromium built from a `strata report` page (`chromium --dump-dom`) against numbers
computed without the report: segment and tier sizes from the membership table of `strata run
--membership`, each data file's rows (csv module) and SHA-256 (hashlib), the city counts from the raw
customer file, and the rule file's lines. Standard library only. Prints one line per check and
"N passed, N failed"; exits 1 when a check fails."""

import argparse
import collections
import csv
import hashlib
import html.parser
import re
import sys


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def all(self, tag=None, **attrs):
        """Every descendant element with the tag (any when None) and the given attribute values."""
        for c in self.children:
            if isinstance(c, Node):
                if (tag is None or c.tag == tag) and all(c.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items()):
                    yield c
                yield from c.all(tag, **attrs)

    def one(self, tag=None, **attrs):
        found = list(self.all(tag, **attrs))
        if len(found) != 1:
            raise LookupError(f"expected one <{tag} {attrs}>, found {len(found)}")
        return found[0]


VOID = {"meta", "link", "br", "img", "input", "hr", "source", "col", "area", "base", "wbr", "embed", "track", "rect"}


class Builder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", [], None)
        self.at = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.at)
        self.at.children.append(node)
        if tag not in VOID:
            self.at = node

    def handle_startendtag(self, tag, attrs):
        self.at.children.append(Node(tag, attrs, self.at))

    def handle_endtag(self, tag):
        n = self.at
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.at = n.parent

    def handle_data(self, data):
        self.at.children.append(data)


def table_rows(table):
    """The body rows of a table as lists of cell texts."""
    return [[td.text() for td in tr.all("td")] for tr in table.one("tbody").all("tr")]


def share(n, total):
    """ValueFormat.share: one decimal, half away from zero, '<0.1%' and '>99.9%' at the ends."""
    f = n / total if total else 0
    if 0 < f < 0.0005:
        return "<0.1%"
    if 0.9995 <= f < 1:
        return ">99.9%"
    tenths = int(f * 1000 + 0.5)
    return f"{tenths // 10}.{tenths % 10}%"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dom", required=True)
    ap.add_argument("--membership", required=True)
    ap.add_argument("--rules", required=True)
    ap.add_argument("--data", action="append", default=[], help="TABLE=PATH, as the rules load it")
    a = ap.parse_args()

    passed = failed = 0

    def check(name, ok, detail=""):
        nonlocal passed, failed
        if ok:
            passed += 1
            print(f"ok   {name}")
        else:
            failed += 1
            print(f"FAIL {name}: {detail}")

    b = Builder()
    with open(a.dom, encoding="utf-8") as f:
        b.feed(f.read())
    doc = b.root
    with open(a.membership, encoding="utf-8", newline="") as f:
        members = list(csv.DictReader(f))
    with open(a.rules, encoding="utf-8") as f:
        rule_lines = f.read().split("\n")
    if rule_lines and rule_lines[-1] == "":
        rule_lines.pop()
    total = len(members)

    # Self-contained: nothing to run, nothing to fetch.
    check("no script element", not list(doc.all("script")))
    fetched = [n.tag for n in doc.all() if any(k in n.attrs for k in ("src", "href")) or n.tag in ("link", "img", "iframe", "object")]
    check("nothing fetched (no src, href, link, img)", not fetched, fetched)
    check("title names the rule file", a.rules in doc.one("title").text(), doc.one("title").text())

    # The as-of date the rules set, and the number of customers.
    m = re.search(r"set as_of = (\d{4}-\d\d-\d\d)", "\n".join(rule_lines))
    as_of = doc.one("time", id="as-of")
    check("as-of date", m is not None and as_of.text() == m.group(1) and as_of.attrs.get("datetime") == m.group(1), as_of.text())
    customers = doc.one(id="customers")
    check("customer count", customers.attrs.get("data-count") == str(total), f"{customers.attrs} vs {total}")

    # Each data file: its rows (records, header excluded) and the SHA-256 of its bytes.
    for spec in a.data:
        name, path = spec.split("=", 1)
        with open(path, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = sum(1 for _ in csv.reader(f)) - 1
        try:
            tr = doc.one("tr", data_table=name)
            cells = list(tr.all("td"))
            check(f"data {name}: path", cells[1].text() == path, cells[1].text())
            check(f"data {name}: rows", cells[2].attrs.get("data-rows") == str(rows) and cells[2].text() == f"{rows:,}", f"{cells[2].text()} vs {rows}")
            check(f"data {name}: sha256", cells[3].text() == digest, f"{cells[3].text()} vs {digest}")
        except LookupError as e:
            check(f"data {name}", False, str(e))

    # Segments: every true/false column of the membership table, with its size and share.
    segments = [c for c in members[0] if all(r[c] in ("true", "false") for r in members)] if members else []
    fig = doc.one("figure", data_kind="segments")
    shown = {r[0]: r[1:] for r in table_rows(fig.one("table"))}
    check("segments listed", list(shown) == segments, f"{list(shown)} vs {segments}")
    for s in segments:
        n = sum(r[s] == "true" for r in members)
        check(f"segment {s}", shown.get(s) == [str(n), share(n, total)], f"{shown.get(s)} vs {n}")
    bars = list(fig.one("svg").all("g", **{"class": "bar"}))
    check("segment chart has a bar per segment", len(bars) == len(segments), len(bars))

    # Tiers: each tier's size from the membership table's tiers column, in the order the rules write them.
    for tfig in doc.all("figure", data_kind="tiers"):
        field = tfig.attrs["data-name"]
        sizes = collections.Counter(r[field] for r in members)
        rows = table_rows(tfig.one("table"))
        check(f"tiers {field}: every customer in a listed tier", sum(int(r[1]) for r in rows) == total, rows)
        for label, count, sh in rows:
            n = sizes.get(label, 0)
            check(f"tiers {field} = {label}", (count, sh) == (str(n), share(n, total)), f"{count} {sh} vs {n}")
        order = [l for l in re.findall(r"^\s*(\S+)\s+(?:where|otherwise)\b", "\n".join(rule_lines), re.M)]
        check(f"tiers {field}: in the rules' order", [r[0] for r in rows] == [l for l in order if l in {r[0] for r in rows}], rows)

    # An output: `count city`, counted here from the raw customer file.
    customers_csv = dict(s.split("=", 1) for s in a.data).get("customers")
    if customers_csv:
        with open(customers_csv, encoding="utf-8-sig", newline="") as f:
            cities = collections.Counter(r["city"] or "(none)" for r in csv.DictReader(f))
        outs = [o for o in doc.all("figure", data_kind="counts") if o.one("figcaption").text() == "city"]
        if outs:
            rows = {r[0]: r[1] for r in table_rows(outs[0].one("table"))}
            check("output count city", rows == {k: str(v) for k, v in cities.items()}, rows)
        else:
            check("output count city", False, "no figure for `count city`")
    shows = list(doc.all("figure", data_kind="rows"))
    check("a show output with its rows", bool(shows) and len(table_rows(shows[0].one("table"))) > 0)
    check("CJK text as text", "钻石" in doc.one("figure", data_kind="tiers").text())

    # The rule text: every line, numbered, as written.
    src = doc.one("figure", **{"class": "source", "data-file": a.rules})
    lines = [(tr.one("th").text(), tr.one("code").text()) for tr in src.one("tbody").all("tr")]
    check("rule text: every line numbered", [n for n, _ in lines] == [str(i + 1) for i in range(len(rule_lines))], len(lines))
    check("rule text: as written", [t for _, t in lines] == rule_lines)

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
