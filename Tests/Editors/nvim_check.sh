#!/usr/bin/env bash
# `strata lsp` with a real editor client: headless Neovim (Debian's `neovim`, installed here when missing;
# 0.7 or later) and its built-in LSP client open a copy of examples/rfm.strata, change `clv` to `clvv` in
# one rule and check the diagnostic ("did you mean `clv`?"), a completion (a field and a segment) and a hover
# (a segment's rule) that come back. Prints the transcript and one line per check; exit 1 when one fails.
#
#   bash Tests/Editors/nvim_check.sh [--strata .build/debug/strata]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=.build/debug/strata
while [ $# -gt 0 ]; do
  case "$1" in
    --strata) bin=$2; shift 2 ;;
    *) echo "usage: $0 [--strata BIN]" >&2; exit 2 ;;
  esac
done
[ -x "$bin" ] || { echo "no strata binary at $bin (run swift build first)" >&2; exit 2; }

if ! command -v nvim >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim) > /dev/null 2>&1 || true
fi
command -v nvim >/dev/null 2>&1 || { echo "neovim could not be installed; the nvim check did not run" >&2; exit 1; }

# A copy of the example, with its data folder beside it as the example has it: the file is edited.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp examples/rfm.strata "$work/rfm.strata"
ln -s "$PWD/examples/data" "$work/data"

# -u NONE: no user configuration or plugins; -i NONE: no shada file. `timeout` ends a hung session.
# STRATA_LANG=en: the check reads the English messages whatever the machine's locale.
STRATA_LANG=en STRATA_BIN=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin") STRATA_RULES="$work/rfm.strata" \
  timeout 120 nvim --headless -u NONE -i NONE -n -c "luafile Tests/Editors/nvim_check.lua" < /dev/null
