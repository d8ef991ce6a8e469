#!/usr/bin/env bash
# Drives `strata repl` in a real terminal (tmux): typing, completion, a CJK edit, history across
# sessions, multi-line input, Ctrl-C at the prompt and Ctrl-C cancelling a running statement, and a
# session in a Chinese locale. Prints one line per check and "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
bin=${STRATA_BIN:-.build/debug/strata}
[ -x "$bin" ] || { echo "no strata binary at $bin (run swift build first)"; exit 2; }
command -v tmux >/dev/null || { echo "tmux is not installed"; exit 2; }

work=$(mktemp -d)
export STRATA_HISTORY="$work/history"
sock="strata-test-$$-1"
passed=0; failed=0
t() { tmux -L "$sock" "$@"; }
screen() { t capture-pane -p -t s; }
# How long a check waits for its text, in tenths of a second: generous, because CI machines can be slow
# and a check that passes returns as soon as the text is there.
patience=${STRATA_TERMINAL_PATIENCE:-150}
wait_for() {  # wait_for TEXT [grep flag]: up to $patience tenths of a second for TEXT (-F: fixed, -E: a regex)
  for _ in $(seq 1 "$patience"); do screen | grep -q "${2:--F}" -- "$1" && return 0; sleep 0.1; done
  return 1
}
check() {  # check NAME TEXT [grep flag]
  if wait_for "$2" "${3:--F}"; then passed=$((passed+1)); echo "ok   $1"
  else failed=$((failed+1)); echo "FAIL $1: expected to see: $2"; screen | sed 's/^/     | /'; fi
}
start() {  # start N: a fresh tmux server per session, so a dying one cannot take the next with it
  t kill-server 2>/dev/null
  sock="strata-test-$$-$1"
  t new-session -d -s s -x 90 -y 40 "$bin repl; sleep 5"
  wait_for "strata>" || true
}

start 1
t send-keys -t s 'load customers from "examples/data/customers.csv"' Enter
check "load" "loaded 5000 customers"

# Completion: `segment vip where cl<Tab>` completes to clv.
t send-keys -t s 'segment vip where cl' Tab
check "tab completes a field" "strata> segment vip where clv"
t send-keys -t s ' > 2e6 and' Enter
check "continuation prompt" "   ...>"
t send-keys -t s '  referrals >= 2' Enter
t send-keys -t s 'count(vip)' Enter
check "multi-line statement ran" "186"

# A CJK edit: type 城市, move left over one wide character, insert, and run it.
t send-keys -t s 'count 城' Enter
check "error with caret" "unknown name"
t send-keys -t s 'segment 深客 where city == "深圳"' Enter
t send-keys -t s 'count 客'
t send-keys -t s Left
t send-keys -t s '深'
t send-keys -t s Enter
check "CJK insert before a wide character" "深客       682"

# Pasting several statements (bracketed paste): nothing runs until Enter, then all of it as one input.
t set-buffer "$(printf 'segment pasted where clv > 3e6\n  and purchases >= 2\ncount pasted')"
t paste-buffer -p -t s
check "paste is shown over several rows" "   ...>   and purchases >= 2"
sleep 0.3
if screen | grep -qE '^pasted +[0-9]'; then failed=$((failed+1)); echo "FAIL paste ran without Enter"; else passed=$((passed+1)); echo "ok   paste waits for Enter"; fi
t send-keys -t s Enter
check "multi-line paste runs on Enter" '^pasted +[0-9]' -E

# Ctrl-C discards a half-typed statement.
t send-keys -t s 'segment half where (clv >' Enter
t send-keys -t s C-c
check "ctrl-c cancels" "^C"

# History across sessions: quit, start again, Up recalls the multi-line statement over several rows.
t send-keys -t s '.quit' Enter
for _ in $(seq 1 "$patience"); do grep -qF '.quit' "$STRATA_HISTORY" 2>/dev/null && break; sleep 0.1; done
sleep 0.2
start 2
# Newest first: .quit, the paste (one entry), count 深客, segment 深客, count 城, count(vip),
# then the multi-line segment.
t send-keys -t s Up Up Up Up Up Up Up
check "history persists and recalls multi-line input" "strata> segment vip where clv > 2e6 and"
check "recalled entry keeps its second row" "   ...>   referrals >= 2"
t send-keys -t s C-u C-r '深客'
check "ctrl-r searches history" "(reverse-i-search)'深客': count 深客"
t send-keys -t s C-g C-u C-d

# Ctrl-C while data loads does not end the session: loading runs to the end (a load is not cancelled),
# and keys typed meanwhile are neither echoed nor lost.
"$bin" gen --customers 150000 --seed 5 --out "$work/big" > /dev/null 2>&1
start 3
t send-keys -t s ".load $work/big/customers.csv" Enter
sleep 0.3
t send-keys -t s C-c
t send-keys -t s 'count() + 1'
check "a slow statement finishes after ctrl-c" "loaded 150000 customers"
t send-keys -t s Enter
check "the session goes on, type-ahead kept" "150001"
if screen | grep -qF 'count() + 1^'; then failed=$((failed+1)); echo "FAIL keys typed during a statement were echoed"; else passed=$((passed+1)); echo "ok   no echo while a statement runs"; fi

# Ctrl-C while a long statement runs cancels it: one line says so, the export leaves no temporary file
# and the old file as it was, and the session goes on with its data and definitions.
mkdir -p "$work/out"
echo old > "$work/out/all.json"
t send-keys -t s 'segment kept where clv > 0' Enter
t send-keys -t s "export customers to \"$work/out/all.json\"" Enter
sleep 0.3
t send-keys -t s C-c
check "ctrl-c cancels a running export" "^cancelled$" -E
if [ "$(cat "$work/out/all.json")" = old ] && ! ls -A "$work/out" | grep -q strata-tmp; then
  passed=$((passed+1)); echo "ok   a cancelled export leaves the old file and no temporary file"
else
  failed=$((failed+1)); echo "FAIL a cancelled export left:"; ls -lA "$work/out" | sed 's/^/     | /'
fi
t send-keys -t s 'count() + 2' Enter
check "the session goes on after a cancel" "150002"
t send-keys -t s 'count(kept) > 0' Enter
check "definitions made before the cancel stand" "true"

# Shrinking the window reflows the input: one clean copy of it afterwards.
t send-keys -t s C-l
t send-keys -t s 'segment resize_me where clv > 1000000 and referrals >= 2 and age > 30'
sleep 0.3
t resize-window -t s -x 40
sleep 0.3
t send-keys -t s 'X'
sleep 0.3
n=$(screen | grep -c 'strata> segment resize_me')
if [ "$n" -eq 1 ]; then passed=$((passed+1)); echo "ok   resize leaves one copy of the input"; else failed=$((failed+1)); echo "FAIL resize left $n copies of the input"; screen | sed 's/^/     | /'; fi

# A pasted rule file taller than the window: editing keys do not pile copies into the scrollback,
# and after Enter the whole input stands there exactly once, followed by its results.
t kill-server 2>/dev/null
sock="strata-test-$$-4"
t new-session -d -s s -x 90 -y 15 "$bin repl; sleep 5"
wait_for "strata>" || true
{ echo 'load customers from "examples/data/customers.csv"'; grep -v '^load\|^#' Tests/Peers/bench.strata | grep -v '^$'; } > "$work/tall.strata"
t load-buffer -b tall "$work/tall.strata"
t paste-buffer -p -b tall -t s
sleep 0.5
t send-keys -t s Left Left Left
sleep 0.3
t send-keys -t s Enter
check "a tall paste runs" "(none)"
n=$(t capture-pane -p -S -5000 -t s | grep -c 'segment owners where purchases >= 1')
if [ "$n" -eq 1 ]; then passed=$((passed+1)); echo "ok   a tall paste stands once in the scrollback"; else failed=$((failed+1)); echo "FAIL a tall paste stands $n times in the scrollback"; fi

# Ctrl-C right behind Enter, many times over: it must reach the editor as a key, whatever instant it
# lands (between reading a statement and running it the terminal once was cooked, and the key became
# a SIGINT that ended the session).
start 5
t send-keys -t s 'load customers from "examples/data/customers.csv"' Enter
wait_for "loaded 5000 customers" || true
for i in $(seq 1 30); do t send-keys -t s "count() + $i" Enter C-c; done
t send-keys -t s 'count() * 2' Enter
check "ctrl-c behind enter never ends the session" "10000"

# A Chinese locale and nothing else (LANG=zh_CN.UTF-8): the banner, .help and notices are Chinese, and a
# typo on a line holding Chinese gets the Chinese frame, with the caret under the mistyped name — two
# columns for each Chinese character before it.
t kill-server 2>/dev/null
sock="strata-test-$$-6"
t new-session -d -s s -x 90 -y 40 "env -u LC_ALL -u LC_MESSAGES -u STRATA_LANG LANG=zh_CN.UTF-8 $bin repl; sleep 5"
wait_for "strata>" || true
check "LANG=zh_CN.UTF-8: the banner is Chinese" "输入 .help 查看帮助，.quit 或 Ctrl-D 退出"
t send-keys -t s '.help' Enter
check "LANG=zh_CN.UTF-8: .help is Chinese" ".segments              分群和分层：人数、占比和规则"
t send-keys -t s 'load customers from "examples/data/customers.csv"' Enter
check "LANG=zh_CN.UTF-8: the load notice is Chinese" "已从 examples/data/customers.csv 加载 5000 位客户"
t send-keys -t s C-l
t send-keys -t s 'segment 大客户 where clvv > 2e6' Enter
check "LANG=zh_CN.UTF-8: a typo is a Chinese error" "<repl:2>:1:19: 错误: "
check "LANG=zh_CN.UTF-8: the line with Chinese is shown" " 1 | segment 大客户 where clvv > 2e6"
check "LANG=zh_CN.UTF-8: the caret is under clvv" "^   \|                      \^\^\^\^$" -E
check "LANG=zh_CN.UTF-8: the suggestion is a Chinese help line" "   = 提示: "
t send-keys -t s '.hlep' Enter
check "LANG=zh_CN.UTF-8: a dot-command typo is Chinese" "错误: 未知命令 .hlep；是不是想写 .help？"

t kill-server 2>/dev/null
sleep 0.3
rm -rf "$work" 2>/dev/null || true
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
