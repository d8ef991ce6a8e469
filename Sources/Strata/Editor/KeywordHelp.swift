/// One line about each keyword, for hover.
extension Keyword {
    /// What the keyword does, in one line.
    var help: String {
        switch self {
        case .load: return "`load NAME from \"PATH\"` reads a table (CSV, JSON); `linked by` / `matched by` relate it to the customers"
        case .from: return "`load NAME from \"PATH\"`: the file a table is read from"
        case .set: return "`set as_of = DATE` sets the reference date"
        case .let: return "`let NAME = EXPR` defines a single value: a number, text, date, or an aggregate over all customers"
        case .derive: return "`derive NAME = EXPR` defines a computed field, one value per customer"
        case .segment: return "`segment NAME where COND` names the customers for whom COND is true"
        case .where: return "`where COND`: the condition of a segment or tier, or an aggregate's filter"
        case .tiers: return "`tiers NAME { LABEL where COND … LABEL otherwise }` grades every customer by the first arm that holds"
        case .otherwise: return "`LABEL otherwise`: the tier of the customers no arm above takes"
        case .show: return "`show TARGET [limit N] [order by …] [columns …]` prints customers"
        case .limit: return "`limit N [per G]`: at most N rows (N per group of G)"
        case .order: return "`order by KEY [asc|desc], …` sorts the rows"
        case .by: return "`by`: the sort keys, the groups of a summary, or the link field of a table"
        case .asc: return "`asc`: ascending order (the default)"
        case .desc: return "`desc`: descending order"
        case .columns: return "`columns E, …`: the columns shown or written"
        case .count: return "`count TARGET [by F]` prints how many customers (per group), and their share of all"
        case .export: return "`export TARGET to \"PATH\"` writes customers to a .csv or .json file"
        case .to: return "`to \"PATH\"`: the file an export writes"
        case .assert: return "`assert COND [, \"message\"]` fails the run when COND is not true"
        case .include: return "`include \"PATH\"` runs the statements of another rule file here"
        case .schema: return "`schema NAME { FIELD: TYPE … }` declares the fields the rules rely on: check without data"
        case .and: return "`a and b`: both hold"
        case .or: return "`a or b`: either holds"
        case .not: return "`not c`: c does not hold (null stays null)"
        case .in: return "`x in [a, b, …]`: x is one of the values"
        case .between: return "`x between lo and hi`: lo ≤ x ≤ hi"
        case .is: return "`x is null`, `x is not null`: whether x has no value"
        case .null: return "`null`: no value"
        case .true: return "`true`"
        case .false: return "`false`"
        case .summarize: return "`summarize TARGET by F[, G]` prints one row per group: size, share, rate and lift"
        case .print: return "`print NAME = EXPR, …` prints single values, each under its name"
        case .overlap: return "`overlap [a, b, …]` prints how segments intersect (count and Jaccard)"
        }
    }
}
