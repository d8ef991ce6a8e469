/// An event table linked to the customers: its rows, and for each row the customer it belongs to (an
/// index into the customer table, −1 for a row whose key is empty or names no customer).
public struct LinkedTable: Sendable {
    public var table: Table
    public var customerOf: [Int32]
    /// Rows that belong to nobody, and the first of them (its line in the file and its key), for the warning.
    public var orphans: Int
    public var firstOrphan: (line: Int, key: String)?
    /// The rows that belong to a customer: every aggregate starts from them.
    public let belongs: Bitset

    public init(table: Table, customerOf: [Int32], orphans: Int, firstOrphan: (line: Int, key: String)?) {
        self.table = table
        self.customerOf = customerOf
        self.orphans = orphans
        self.firstOrphan = firstOrphan
        belongs = Bitset.build(count: customerOf.count) { customerOf[$0] >= 0 }
    }
}
