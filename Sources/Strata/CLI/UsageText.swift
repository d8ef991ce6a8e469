/// The catalog's usage texts: `strata help` and each command's `--help`, one template each (they have no
/// slots; the Chinese follows the English paragraph by paragraph, options and names as typed).
enum UsageText: String, CatalogKey {
    case main, run, repl, check, test, fmt, sql, gen, why, diff, report, lsp

    var template: Template {
        switch self {
        case .main:
            Template(en: """
                usage: strata <command> [options]

                  run RULES [--data NAME=PATH]... [--as-of DATE] [--format table|csv|json] [--reveal-pii] [--timings] [--strict]
                      [--membership FILE.csv] [--chart]
                                           run a rule file on its data and print the results
                  repl [RULES] [--data NAME=PATH] [--as-of DATE] [--format F]
                                           an interactive session (reads statements from stdin when piped)
                  check RULES... [--data NAME=PATH]... [--format text|json] [--strict]
                                           parse and type-check without evaluating; warnings too
                  test RULES... [--data NAME=PATH]... [-v]
                                           run every assertion; ends with "N passed, N failed"
                  sql RULES [--dialect duckdb|postgres|spark] [--with-load] [--order FIELD]
                                           the rules as one SQL script returning each customer's segments and fields
                  fmt RULES... [--check] [-w]
                                           canonical layout; --check prints a diff and exits 1 if not formatted
                  gen --customers N [--seed S] --out DIR [--events]
                                           write realistic demo customers to DIR/customers.csv (and their events)
                  why RULES KEY [NAME] [--format table|csv|json] [--reveal-pii]
                                           why one customer is (not) in a segment, or got their tier: each clause with its values
                  diff RULES --against NAME=PATH | diff OLD NEW | diff RULES --rev REV [--export FILE.csv]
                                           what changes between two snapshots or two versions of the rules
                  report RULES -o REPORT.html [--data NAME=PATH]... [--as-of DATE] [--reveal-pii] [--strict]
                                           one self-contained HTML page: data checksums, segment and tier sizes, outputs, rules
                  lsp [--stdio]            a language server for editors on stdin/stdout (docs/editors.md)
                  help                     this text
                  version                  the version

                every command takes --lang zh|en (else STRATA_LANG, else the locale)

                exit codes: 0 success, 1 a rule or assertion failed, 2 usage, 3 data could not be read

                """,
                     zh: """
                用法：strata <命令> [选项]

                  run RULES [--data NAME=PATH]... [--as-of DATE] [--format table|csv|json] [--reveal-pii] [--timings] [--strict]
                      [--membership FILE.csv] [--chart]
                                           对数据运行规则文件并打印结果
                  repl [RULES] [--data NAME=PATH] [--as-of DATE] [--format F]
                                           交互式会话（标准输入是管道时从中读取语句）
                  check RULES... [--data NAME=PATH]... [--format text|json] [--strict]
                                           只解析和检查类型，不求值；警告也会列出
                  test RULES... [--data NAME=PATH]... [-v]
                                           运行全部断言；最后一行是 "N passed, N failed"
                  sql RULES [--dialect duckdb|postgres|spark] [--with-load] [--order FIELD]
                                           把规则写成一个 SQL 脚本，返回每位客户的分群和字段
                  fmt RULES... [--check] [-w]
                                           规范排版；--check 打印差异，未按规范排版时退出码为 1
                  gen --customers N [--seed S] --out DIR [--events]
                                           把逼真的演示客户写入 DIR/customers.csv（以及他们的事件）
                  why RULES KEY [NAME] [--format table|csv|json] [--reveal-pii]
                                           某位客户为何（不）在某个分群里、为何得到某个等级：逐条列出子句及其值
                  diff RULES --against NAME=PATH | diff OLD NEW | diff RULES --rev REV [--export FILE.csv]
                                           两个数据快照之间或两版规则之间的变化
                  report RULES -o REPORT.html [--data NAME=PATH]... [--as-of DATE] [--reveal-pii] [--strict]
                                           生成一个自包含的 HTML 页面：数据校验和、分群和等级的人数、输出、规则
                  lsp [--stdio]            供编辑器使用的语言服务器，经标准输入输出通信（docs/editors.md）
                  help                     本说明
                  version                  版本号

                每个命令都接受 --lang zh|en（未给出时依次看 STRATA_LANG 和系统区域设置）

                退出码：0 成功，1 规则或断言失败，2 用法错误，3 数据无法读取

                """)
        case .run:
            Template(en: """
                usage: strata run RULES [--data NAME=PATH]... [--as-of DATE] [--format table|csv|json] [--reveal-pii] [--timings] [--strict]
                                        [--membership FILE.csv] [--chart]

                Runs a rule file on its data and prints the results: each output statement's, or, when there is none,
                a summary of the segments and tiers. --data replaces a table's file, --as-of sets today's date.
                --strict refuses data the load warns about (cells read as null, rows naming no customer): exit 3.
                --membership also writes one row per customer (key, segments as true/false, derived and tiers fields),
                the table `strata sql` computes, for comparing the two.
                --chart draws a bar chart under each count and summary table (within $COLUMNS, else the terminal's width).

                """,
                     zh: """
                用法：strata run RULES [--data NAME=PATH]... [--as-of DATE] [--format table|csv|json] [--reveal-pii] [--timings] [--strict]
                                        [--membership FILE.csv] [--chart]

                对数据运行规则文件并打印结果：每个输出语句的结果；没有输出语句时，打印分群和分层的汇总。
                --data 替换某个表的数据文件，--as-of 设定“今天”的日期。
                --strict 拒绝加载时有警告的数据（读成空值的单元格、不对应任何客户的行）：退出码 3。
                --membership 另外为每位客户写一行（键、各分群的 true/false、派生字段和分层字段），
                即 `strata sql` 计算的那张表，便于两者对比。
                --chart 在每个计数表和汇总表下画条形图（宽度取 $COLUMNS，否则取终端宽度）。

                """)
        case .repl:
            Template(en: """
                usage: strata repl [RULES] [--data NAME=PATH]... [--as-of DATE] [--format table|csv|json] [--reveal-pii]

                An interactive session, started on RULES when given; reads statements from stdin when piped.
                Inside, .help lists the dot-commands. See docs/repl.md.

                """,
                     zh: """
                用法：strata repl [RULES] [--data NAME=PATH]... [--as-of DATE] [--format table|csv|json] [--reveal-pii]

                交互式会话，给出 RULES 时先运行该规则文件；标准输入是管道时从中读取语句。
                会话中输入 .help 列出点命令。详见 docs/repl.md。

                """)
        case .check:
            Template(en: """
                usage: strata check RULES... [--data NAME=PATH]... [--format text|json] [--strict]

                Parses and type-checks without evaluating; prints errors and warnings. --strict exits 1 on warnings,
                3 on a warning about the data (as `run --strict`).

                """,
                     zh: """
                用法：strata check RULES... [--data NAME=PATH]... [--format text|json] [--strict]

                只解析和检查类型，不求值；打印错误和警告。--strict 时有警告则退出码为 1，
                有关于数据的警告则为 3（同 `run --strict`）。

                """)
        case .test:
            Template(en: """
                usage: strata test RULES... [--data NAME=PATH]... [--as-of DATE] [-v]

                Runs every assertion and ends with "N passed, N failed"; -v lists the passing ones too.

                """,
                     zh: """
                用法：strata test RULES... [--data NAME=PATH]... [--as-of DATE] [-v]

                运行全部断言，最后一行是 "N passed, N failed"；-v 同时列出通过的断言。

                """)
        case .fmt:
            Template(en: """
                usage: strata fmt RULES             print the formatted file
                       strata fmt --check RULES...  print a diff for each file that is not formatted; exit 1 if any
                       strata fmt -w RULES...       rewrite files in place (also --write); prints the names of changed files

                """,
                     zh: """
                用法：strata fmt RULES             打印排版后的文件
                      strata fmt --check RULES...  为每个未按规范排版的文件打印差异；有则退出码为 1
                      strata fmt -w RULES...       就地改写文件（也可写 --write）；打印被改动的文件名

                """)
        case .sql:
            Template(en: """
                usage: strata sql RULES [--dialect duckdb|postgres|spark] [--with-load] [--order FIELD] [--data NAME=PATH]... [--as-of DATE]

                Prints one SQL script whose final query returns one row per customer in load order: the key, each
                segment (true/false), each derived and tiers field. --with-load first creates the
                tables from the rule file's CSV files with the types Strata inferred and a _row column for load order
                (pipe the script to duckdb or psql; spark-sql for spark); without it the tables must exist, and --order names the column
                that stands for load order (default: the key).
                The dialect is duckdb unless given. A construct not yet translated is an error naming it and its
                position, and no script is printed. See docs/sql.md.

                """,
                     zh: """
                用法：strata sql RULES [--dialect duckdb|postgres|spark] [--with-load] [--order FIELD] [--data NAME=PATH]... [--as-of DATE]

                打印一个 SQL 脚本，其最后的查询按加载顺序为每位客户返回一行：键、各分群（true/false）、
                各派生字段和分层字段。--with-load 先用规则文件的 CSV 文件建表，列类型即 Strata 推断的类型，
                并加一列 _row 表示加载顺序（把脚本交给 duckdb 或 psql；spark 用 spark-sql）；不加时这些表必须已存在，
                --order 指定代表加载顺序的列（默认：键）。
                不指定方言时为 duckdb。尚未支持翻译的写法会报错，指出写法及其位置，并且不打印脚本。详见 docs/sql.md。

                """)
        case .gen:
            Template(en: """
                usage: strata gen --customers N [--seed S] --out DIR [--events]

                Writes DIR/customers.csv: N realistic demo customers of a residential developer, the same bytes for
                the same N and S (default 1) on every machine. With --events, also writes the CRM event tables linked
                to it by customer id, in date order and consistent with each customer's row:
                  visits.csv      customer_id,date,channel,minutes   (到访/线上/电话/活动; ~0.1% rows name no customer)
                  purchases.csv   customer_id,date,amount,project
                  referrals.csv   referrer,referee,date,converted
                  complaints.csv  customer_id,date,category,severity,resolved,days_to_resolve
                customers.csv is the same with or without --events. See docs/cli.md.

                """,
                     zh: """
                用法：strata gen --customers N [--seed S] --out DIR [--events]

                写出 DIR/customers.csv：N 位逼真的住宅开发商演示客户；相同的 N 和 S（默认 1）在任何机器上
                都得到相同的字节。加 --events 时另外写出按客户 id 关联的 CRM 事件表，按日期排序，且与每位客户的行一致：
                  visits.csv      customer_id,date,channel,minutes   （到访/线上/电话/活动；约 0.1% 的行不对应任何客户）
                  purchases.csv   customer_id,date,amount,project
                  referrals.csv   referrer,referee,date,converted
                  complaints.csv  customer_id,date,category,severity,resolved,days_to_resolve
                有无 --events，customers.csv 都相同。详见 docs/cli.md。

                """)
        case .why:
            Template(en: """
                usage: strata why RULES KEY [NAME] [--data NAME=PATH]... [--as-of DATE] [--format table|csv|json] [--reveal-pii]

                Explains, for the customer whose key is KEY, the segment or tiers field NAME (every one when NAME is
                left out): each clause of its rule with the customer's values and its truth (true, false, or unknown
                for null), referenced segments expanded one level, derived fields with their formula, and for tiers
                the first tier that matched and why each earlier one did not. See docs/cli.md.

                """,
                     zh: """
                用法：strata why RULES KEY [NAME] [--data NAME=PATH]... [--as-of DATE] [--format table|csv|json] [--reveal-pii]

                对键为 KEY 的客户，解释分群或分层字段 NAME（不写 NAME 时解释全部）：规则的每个子句、
                该客户的值及其真假（true、false，空值为 unknown），引用的分群展开一层，派生字段附公式；
                分层给出第一个符合的等级，以及之前每个等级为何不符合。详见 docs/cli.md。

                """)
        case .diff:
            Template(en: """
                usage: strata diff RULES --against NAME=PATH [--data NAME=PATH]... [options]   two data snapshots
                       strata diff OLD NEW [--data NAME=PATH]... [options]                     two versions of the rules
                       strata diff RULES --rev REV [--data NAME=PATH]... [options]             the rules as in git REV, and now
                options: [--as-of DATE] [--format table|csv|json] [--export FILE.csv] [--reveal-pii]

                Evaluates the segments, tiers and derived fields twice and compares customers by key: for each tiers
                field a from→to matrix (rows before, columns after; (arrived), (left) and (none) for customers only
                on one side or without a tier) and how many moved up, down or stayed; for each segment how many
                entered, left and stayed; for each derived field how many values changed. --data (or the rules'
                own load) is before, --against after. --export writes one row per customer and segment or tier
                that changed (key, field, from, to). Output statements of the rules are not run.
                Exit 0 nothing changed, 1 something changed, 2 usage or rule errors, 3 data that cannot be read.
                See docs/cli.md.

                """,
                     zh: """
                用法：strata diff RULES --against NAME=PATH [--data NAME=PATH]... [选项]   两个数据快照
                      strata diff OLD NEW [--data NAME=PATH]... [选项]                     两版规则
                      strata diff RULES --rev REV [--data NAME=PATH]... [选项]             git 版本 REV 中的规则与现在的规则
                选项：[--as-of DATE] [--format table|csv|json] [--export FILE.csv] [--reveal-pii]

                对分群、分层和派生字段各求值两次，按键比较客户：每个分层字段给出一张“从→到”矩阵（行为之前，
                列为之后；只在一侧出现或没有等级的客户记为 (arrived)、(left) 和 (none)），以及升级、降级、
                不变的人数；每个分群给出进入、离开和留下的人数；每个派生字段给出值变了的人数。--data
                （或规则自己的 load）是之前，--against 是之后。--export 为每位客户的每个变化了的分群或等级
                写一行（key、field、from、to）。规则中的输出语句不运行。
                退出码：0 没有变化，1 有变化，2 用法或规则错误，3 数据无法读取。
                详见 docs/cli.md。

                """)
        case .report:
            Template(en: """
                usage: strata report RULES -o REPORT.html [--data NAME=PATH]... [--as-of DATE] [--reveal-pii] [--strict]

                Runs a rule file as `strata run` does and writes one self-contained HTML page (inline CSS and SVG
                charts; nothing fetched from elsewhere): the as-of date, each data file with its rows and SHA-256, every
                segment and tier with its size and share, each output the rules ask for (a `show` without `limit`: its
                first 1,000 rows), the assertions and the rule text with line numbers. Personal fields stay masked
                unless --reveal-pii. The same rules and data give the same bytes. Exports are not written. --strict
                and the exit codes are `strata run`'s; a failed assertion still writes the page (exit 1).
                See docs/report.md.

                """,
                     zh: """
                用法：strata report RULES -o REPORT.html [--data NAME=PATH]... [--as-of DATE] [--reveal-pii] [--strict]

                像 `strata run` 一样运行规则文件，并写出一个自包含的 HTML 页面（内联 CSS 和 SVG 图表，
                不从别处获取任何内容）：基准日期、每个数据文件的行数和 SHA-256、每个分群和等级的人数与占比、
                规则要求的每个输出（不带 `limit` 的 `show` 取前 1,000 行）、断言，以及带行号的规则文本。
                个人信息字段保持脱敏，除非加 --reveal-pii。相同的规则和数据得到相同的字节。不写导出文件。
                --strict 和退出码同 `strata run`；断言失败时仍写出页面（退出码 1）。
                详见 docs/report.md。

                """)
        case .lsp:
            Template(en: """
                usage: strata lsp [--stdio]

                A Language Server Protocol server on standard input and output, for editors: diagnostics as you type,
                completion, hover, go to definition, references, rename, formatting and the outline (docs/editors.md).
                It is started by the editor, not by hand. --stdio is accepted (editors pass it) and is the only transport.
                Exit code 0 after the client's `shutdown` and `exit`, 1 when input ends or `exit` comes without `shutdown`.

                """,
                     zh: """
                用法：strata lsp [--stdio]

                在标准输入输出上运行的语言服务器（Language Server Protocol），供编辑器使用：边写边报错、补全、
                悬停提示、跳转到定义、查找引用、重命名、格式化和大纲（docs/editors.md）。
                它由编辑器启动，不需要手动运行。接受 --stdio（编辑器会传这个参数），这也是唯一的通信方式。
                客户端发出 `shutdown` 再发 `exit` 后退出码为 0；输入结束或未经 `shutdown` 就收到 `exit` 时为 1。

                """)
        }
    }
}
