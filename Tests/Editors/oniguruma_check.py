"""Every regular expression of editors/strata.tmLanguage.json compiles in Oniguruma, the engine VS Code and
GitHub run grammars with (EditorGrammarTests runs them in ICU). Uses the C library through ctypes (Debian's
libonig5, installed by .ci/run when missing), Ruby syntax and UTF-8 as vscode-oniguruma does, and checks a
few matches both engines must agree on. Prints one line per check; exit 1 when one fails.

    python3 Tests/Editors/oniguruma_check.py [editors/strata.tmLanguage.json]
"""
import ctypes
import ctypes.util
import json
import sys

grammar_path = sys.argv[1] if len(sys.argv) > 1 else "editors/strata.tmLanguage.json"
lib = ctypes.CDLL(ctypes.util.find_library("onig") or "libonig.so.5")
utf8 = ctypes.addressof(ctypes.c_char.in_dll(lib, "OnigEncodingUTF8"))
ruby = ctypes.c_void_p.in_dll(lib, "OnigDefaultSyntax").value
lib.onig_initialize((ctypes.c_void_p * 1)(utf8), 1)
lib.onig_version.restype = ctypes.c_char_p
lib.onig_search.restype = ctypes.c_int
lib.onig_region_new.restype = ctypes.c_void_p


class Region(ctypes.Structure):
    _fields_ = [("allocated", ctypes.c_int), ("num_regs", ctypes.c_int),
                ("beg", ctypes.POINTER(ctypes.c_int)), ("end", ctypes.POINTER(ctypes.c_int))]


def compile_regex(pattern):
    """The compiled regex, or the error code Oniguruma gives."""
    reg = ctypes.c_void_p()
    b = ctypes.create_string_buffer(pattern.encode())
    end = ctypes.c_void_p(ctypes.addressof(b) + len(pattern.encode()))
    code = lib.onig_new(ctypes.byref(reg), b, end, 0, ctypes.c_void_p(utf8), ctypes.c_void_p(ruby), None)
    return (reg, None) if code == 0 else (None, code)


def first_match(reg, text):
    """The text of the leftmost match, or None."""
    raw = text.encode()
    buf = ctypes.create_string_buffer(raw)
    start, end = ctypes.addressof(buf), ctypes.addressof(buf) + len(raw)
    region = lib.onig_region_new()
    at = lib.onig_search(reg, ctypes.c_void_p(start), ctypes.c_void_p(end), ctypes.c_void_p(start),
                         ctypes.c_void_p(end), ctypes.c_void_p(region), 0)
    if at < 0:
        return None
    r = Region.from_address(region)
    return raw[r.beg[0]:r.end[0]].decode()


def regexes(node, where="grammar"):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("match", "begin", "end") and isinstance(value, str):
                yield where, value
            else:
                yield from regexes(value, where + "." + key)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from regexes(value, f"{where}[{i}]")


grammar = json.load(open(grammar_path, encoding="utf-8"))
repo = grammar["repository"]
print("oniguruma", lib.onig_version().decode(), "on", grammar_path)
failures = 0
found = list(regexes(grammar))
for where, pattern in found:
    reg, code = compile_regex(pattern)
    if reg is None:
        failures += 1
        print(f"  FAIL  {where}: error {code} compiling {pattern}")
print(f"  {'ok  ' if failures == 0 else 'FAIL'}  {len(found)} regexes compile")

# Matches that depend on Unicode properties and case folding, the places engines differ.
cases = [
    (repo["name"]["patterns"][0]["match"], "  高价值 x", "高价值"),
    (repo["keyword"]["patterns"][0]["match"], "x WHERE SEGMENT y", "SEGMENT"),
    (repo["keyword"]["patterns"][1]["match"], "whereas", None),
    (repo["keyword"]["patterns"][1]["match"], "where值", None),
    (repo["number"]["match"], "x 200万", "200万"),
    (repo["date"]["match"], "2026-6-30x 2026-06-30", "2026-06-30"),
    (repo["duration"]["match"], "as_of - 90 days", "90 days"),
]
for pattern, text, expected in cases:
    reg, code = compile_regex(pattern)
    got = first_match(reg, text) if reg else None
    ok = got == expected
    failures += 0 if ok else 1
    print(f"  {'ok  ' if ok else 'FAIL'}  {text!r}: {got!r}" + ("" if ok else f", expected {expected!r}"))
sys.exit(1 if failures else 0)
