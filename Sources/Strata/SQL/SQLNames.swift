/// The identifiers a script uses for Strata's names. Names are quoted as they are; a name the engine
/// would cut (PostgreSQL keeps 63 bytes: 21 CJK characters) gets a short alias, listed in the script's
/// header so the result's columns can be mapped back.
struct SQLNames {
    let dialect: SQLDialect
    /// Aliases of names too long for the engine, in the order they were given.
    private(set) var aliases: [(alias: String, name: String)] = []
    private var aliasOf: [String: String] = [:]

    init(dialect: SQLDialect) { self.dialect = dialect }

    /// Gives every name the program defines (derive, segment, tiers, let) that is too long an alias.
    /// Loaded fields keep their names: the engine cuts them alike where the table is made and where
    /// they are read.
    mutating func define(_ name: String) {
        guard let limit = dialect.identifierLimit, name.utf8.count > limit, aliasOf[name] == nil else { return }
        let alias = "_strata_\(aliases.count + 1)"
        aliases.append((alias, name))
        aliasOf[name] = alias
    }

    /// The identifier for a name, quoted.
    func quoted(_ name: String) -> String { dialect.quote(aliasOf[name] ?? name) }
}
